// Small helpers for the plain HTTP endpoints (GeoJSON, exports): the same error shape as GraphQL's,
// with the query parameter at fault, and never a stack or database text.
import type { Request, Response } from 'express';
import { toAppError } from '../../errors/format-error';
import type { Logger } from '../../shared/logger';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403, SERVICE_UNAVAILABLE: 503 };

/** Sends `{ errors: [{ message, extensions: { code, field } }] }` for a known error, a masked 500 otherwise. */
export function sendHttpError(res: Response, err: unknown, log: Logger): void {
  const requestId = res.locals.requestId as string | undefined;
  if (res.headersSent) {
    // Mid-stream: the status is gone; cut the body so the client sees an incomplete document, not a valid one.
    log.error({ err, requestId }, 'stream failed');
    res.destroy();
    return;
  }
  const known = toAppError(err);
  if (known) {
    const problems = known.details.length ? known.details : [{ code: known.code, message: known.message, field: known.field }];
    res.status(STATUS[known.code] ?? 400).type('application/json').send(
      JSON.stringify({ errors: problems.map((p) => ({ message: p.message, extensions: { code: p.code, field: p.field ?? null } })) }),
    );
    return;
  }
  log.error({ err, requestId }, 'unexpected error in an HTTP endpoint');
  res.status(500).type('application/json').send(
    JSON.stringify({ errors: [{ message: `Something went wrong on our side (reference ${requestId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }),
  );
}

/** Wraps an async handler so every failure goes through sendHttpError. */
export function handler(log: Logger, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      sendHttpError(res, err, log);
    }
  };
}
