// Structured JSON logs (pino). Secrets never reach a log line: the paths below are redacted.
// `npm run dev` in a terminal gets the same lines made readable by pino-pretty (a development dependency).
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** Readable lines instead of JSON (development in a terminal); JSON when pino-pretty is not installed. */
  pretty?: boolean;
}

/** Pretty output only for a person watching a terminal in development: production, tests and pipes keep JSON. */
export function wantsPrettyLogs(nodeEnv: string, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return nodeEnv === 'development' && stdout.isTTY === true;
}

/** pino-pretty writing synchronously (nothing lost on exit) to `to` or stdout, or undefined when it is not installed. */
function prettyStream(to?: pino.DestinationStream): pino.DestinationStream | undefined {
  try {
    // Loaded on demand: it is a development dependency, absent from the production image.
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pretty({
      colorize: true,
      sync: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,service',
      ...(to ? { destination: to as NodeJS.WritableStream, colorize: false } : {}),
    });
  } catch {
    return undefined;
  }
}

/** `destination` lets tests and benches capture or discard the lines (default: stdout), pretty or not. */
export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  return pino(
    {
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
    },
    (options.pretty ? prettyStream(destination) : undefined) ?? destination,
  );
}
