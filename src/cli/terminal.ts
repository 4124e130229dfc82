// What a command-line tool prints reaches an operator's terminal, and part of it comes from files and
// databases an attacker may have written (a registry file's names, its identifiers). Escape sequences
// there could clear the screen, rewrite earlier lines, retitle the window or plant text on the clipboard:
// every line goes through here, stripped of them.

// ANSI/ECMA-48 sequences: CSI (ESC [ or the 8-bit 0x9B) with parameters, then a final byte; OSC, DCS, SOS,
// PM, APC strings (ESC ] P X ^ _ or 8-bit 0x90 0x98 0x9D 0x9E 0x9F) up to BEL or ST; any other ESC + one char.
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;
// What is left of C0 (but tab, shown as a space), DEL, C1, and the Unicode bidirectional overrides and
// isolates (they reorder what the operator reads, as in "Trojan Source").
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of output, safe for a terminal: escape sequences and control characters removed, tabs as spaces. */
export function terminalSafe(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/[\t\r\n]+/g, ' ')
    .replace(CONTROL, '');
}

/** Several lines: each one made safe, joined by the line breaks the tool itself meant. */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/** Writes one line (a newline is added) through the filter. */
export function printLine(stream: Pick<NodeJS.WritableStream, 'write'>, text: string): void {
  stream.write(`${terminalSafe(text)}\n`);
}

/** Writes lines the tool composed (its own `\n` kept) through the filter, each line on its own. */
export function printLines(stream: Pick<NodeJS.WritableStream, 'write'>, text: string): void {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  stream.write(`${terminalLines(body)}\n`);
}
