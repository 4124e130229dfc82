// Structured JSON logs (pino). Secrets never reach a log line: the paths below are redacted.
import pino, { type Logger } from 'pino';

export type { Logger };

/** `destination` lets tests and benches capture or discard the lines (default: stdout). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'maillage' },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'variables',
        'query',
        'variables.password',
        'variables.input.password',
        'variables.input.iban',
      ],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  }, destination);
}
