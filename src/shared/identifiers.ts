// French identifiers: RNA (W + 9 digits), SIREN (9) and SIRET (14) with their Luhn check digit.
// La Poste (SIREN 356000000) numbers its establishments outside Luhn: their digit sum is a multiple of 5;
// its head office (35600000000048) alone keeps the Luhn key.

export const RNA_PATTERN = /^W\d{9}$/;
export const LA_POSTE_SIREN = '356000000';
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

export function isValidRna(value: string): boolean {
  return RNA_PATTERN.test(value);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    let sum = 0;
    for (const c of value) sum += c.charCodeAt(0) - 48;
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** Removes the spaces people type in identifiers ("123 456 789 00012"). */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.]/g, '').toUpperCase();
}
