// What a new password must be: at least 12 characters, not the email nor built on its local part, and not
// guessable by zxcvbn-ts (score 3 or more, "safely unguessable") with the common, French and English
// dictionaries and the person's own email and name as inputs. The dictionaries are large: loaded once,
// at the first password checked, never at startup.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { Problems } from '../../errors/app-error';

export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt reads 72 bytes; a longer limit would silently ignore the end. */
export const MAX_PASSWORD_LENGTH = 72;
export const MIN_STRENGTH_SCORE = 3;

interface Estimators {
  en: ZxcvbnFactory;
  fr: ZxcvbnFactory;
}
let estimators: Estimators | null = null;

function load(): Estimators {
  if (estimators) return estimators;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  const fr = require('@zxcvbn-ts/language-fr') as typeof import('@zxcvbn-ts/language-fr');
  const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dictionary = { ...common.dictionary, ...fr.dictionary, ...en.dictionary };
  const options = { dictionary, graphs: common.adjacencyGraphs };
  estimators = {
    en: new core.ZxcvbnFactory({ ...options, translations: en.translations }),
    fr: new core.ZxcvbnFactory({ ...options, translations: fr.translations }),
  };
  return estimators;
}

/** The estimator's feedback as one sentence: its warning, then its suggestions. */
function feedbackOf(result: { feedback: { warning: string | null; suggestions: string[] } }): string {
  return [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
}

/**
 * Adds to `problems`, on `field`, why `password` is refused for the account of `email` (and `name`);
 * nothing when it is acceptable. The refusal carries the estimator's advice in English and in French.
 */
export function checkNewPassword(problems: Problems, field: string, password: string, email: string, name = ''): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.add(field, `A password needs at least ${MIN_PASSWORD_LENGTH} characters (got ${password.length}).`);
    return;
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_LENGTH) {
    problems.add(field, `A password is limited to ${MAX_PASSWORD_LENGTH} bytes (about ${MAX_PASSWORD_LENGTH} letters without accents).`);
    return;
  }
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address && (lowered === address || lowered.includes(address))) {
    problems.add(field, 'The password must not be your email address.');
    return;
  }
  if (local.length >= 3 && lowered.includes(local)) {
    problems.add(field, 'The password must not contain the first part of your email address.');
    return;
  }
  const inputs = [address, local, ...name.toLowerCase().split(/\s+/)].filter((w) => w.length >= 3);
  const { en, fr } = load();
  const result = en.check(password, inputs);
  if (result.score >= MIN_STRENGTH_SCORE) return;
  const english = feedbackOf(result) || 'Add more words or characters that are not common.';
  const french = feedbackOf(fr.check(password, inputs)) || 'Ajoutez des mots ou des caractères moins courants.';
  problems.add(field, `This password is too easy to guess. ${english} / Ce mot de passe est trop facile à deviner. ${french}`);
}
