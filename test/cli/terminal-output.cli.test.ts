// A hostile registry file must not drive the operator's terminal: the real import command on a file full of
// escape sequences and control characters prints only plain lines; the filter itself, case by case.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestDatabase } from '../helpers/db';
import { printLines, terminalSafe } from '../../src/cli/terminal';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const db = useTestDatabase();

// Anything a terminal would act on: C0 but the line feed, DEL, C1, bidirectional overrides and isolates.
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('npm run import:rna on a hostile file', () => {
  it('prints every line without escape sequences or control characters, and no line the file forged', async () => {
    let out: { stdout: string; stderr: string; code: number };
    try {
      const r = await run(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [join(ROOT, 'src', 'cli', 'import-rna.ts'), join(ROOT, 'test', 'fixtures', 'rna', 'waldec-hostile.csv')],
        {
          cwd: ROOT,
          env: { ...process.env, MONGODB_URI: db.uri(), NODE_ENV: 'development', LOG_LEVEL: 'silent' },
        },
      );
      out = { ...r, code: 0 };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      out = { stdout: e.stdout, stderr: e.stderr, code: e.code };
    }
    expect(out.code).toBe(0);
    for (const text of [out.stdout, out.stderr]) {
      for (const line of text.split('\n')) expect({ line, control: CONTROL.exec(line)?.[0] }).toEqual({ line, control: undefined });
    }
    // The problems are still reported, with the file's text minus what a terminal would act on.
    expect(out.stderr).toContain('line 2: rejected: id "X12" is not an RNA number');
    expect(out.stderr).toContain('line 3 (W131000021): rejected: position "');
    expect(out.stderr).toContain('line 4 (W131000022): warning: SIRET "12345678" is not valid');
    expect(out.stderr).toContain('line 5: rejected: id "W13" is not an RNA number');
    // A line break inside a quoted field stays inside its line: the file cannot forge a report line.
    expect(out.stderr).toContain('line 7: rejected: id "X1 line 99: rejected" is not');
    expect(out.stderr).not.toMatch(/^line 99/m);
    expect(out.stdout).toMatch(/rejected\s+5/);
  });
});

describe('terminalSafe', () => {
  it('removes CSI, OSC, DCS and single-character escapes, 7-bit and 8-bit, and the remaining controls', () => {
    const cases: [string, string][] = [
      ['\x1b[2Jclear', 'clear'],
      ['\x1b[1;31mred\x1b[0m', 'red'],
      ['\x1b]0;title\x07text', 'text'],
      ['\x1b]52;c;cGF3bmVk\x1b\\clipboard', 'clipboard'],
      ['\x1bPq#0;2;0;0;0\x1b\\sixel', 'sixel'],
      ['\x9b2Jeight-bit', 'eight-bit'],
      ['\x9d0;title\x9ctext', 'text'],
      ['\x1bcreset', 'reset'],
      ['back\x08\x08space\x00\x7f', 'backspace'],
      ['bell\x07', 'bell'],
      ['a\tb\r\nc', 'a b c'],
      ['\u202eevil\u202c \u2066x\u2069', 'evil x'],
      ['Théâtre, €, 日本', 'Théâtre, €, 日本'],
    ];
    for (const [given, shown] of cases) expect([given, terminalSafe(given)]).toEqual([given, shown]);
  });

  it('keeps the line breaks a tool composes, filtering each line', () => {
    const written: string[] = [];
    printLines({ write: (s: string) => written.push(s) > 0 }, 'one \x1b[2J\n  two\x07\n');
    expect(written).toEqual(['one \n  two\n']);
  });
});
