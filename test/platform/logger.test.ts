// Logs: JSON lines everywhere but a development terminal, where pino-pretty makes them readable;
// redaction applies to both.
import { Writable } from 'node:stream';
import { createLogger, wantsPrettyLogs } from '../../src/shared/logger';

/** A destination that keeps what is written. */
function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('log format', () => {
  it('is pretty only in development with a terminal on stdout', () => {
    expect(wantsPrettyLogs('development', { isTTY: true })).toBe(true);
    expect(wantsPrettyLogs('development', { isTTY: false })).toBe(false);
    expect(wantsPrettyLogs('development', {})).toBe(false);
    expect(wantsPrettyLogs('production', { isTTY: true })).toBe(false);
    expect(wantsPrettyLogs('test', { isTTY: true })).toBe(false);
  });

  it('writes one JSON object a line by default', () => {
    const out = capture();
    createLogger('info', out.stream).info({ port: 4000 }, 'ready');
    const line = JSON.parse(out.text().trim());
    expect(line).toMatchObject({ level: 30, service: 'maillage', port: 4000, msg: 'ready' });
  });

  it('writes readable lines when pretty, still redacting secrets', () => {
    const out = capture();
    createLogger('info', out.stream, { pretty: true }).info({ port: 4000, authorization: 'Bearer secret-token', variables: { password: 'hunter2' } }, 'ready');
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: ready\n/);
    expect(text).toContain('port: 4000');
    expect(text).toContain('authorization: "[redacted]"');
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('hunter2');
    expect(() => JSON.parse(text)).toThrow();
  });
});
