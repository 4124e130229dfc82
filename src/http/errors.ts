// The JSON errors of every plain HTTP route and of the refusals made before GraphQL runs: one shape,
// GraphQL's own (`{ errors: [{ message, extensions: { code, ... } }] }`), never a stack or database text.
import type { Request, Response } from 'express';
import { toAppError } from '../errors/known-error';
import type { Logger } from '../shared/logger';

/** One problem as a client sees it; `field` and any extra extensions are written only when given. */
export interface HttpProblem {
  code: string;
  message: string;
  field?: string | null;
  extensions?: Record<string, unknown>;
}

/**
 * How a route writes its errors: GraphQL's shape, or `flat` where its contract names `{ code, message, field }`
 * on each error (the uploads of issue 12), which then carries both.
 */
export interface ErrorShape {
  flat?: boolean;
}

/** Sends the problems with `status`; the first one's code is what the access log and metrics record. */
export function sendErrors(res: Response, status: number, problems: readonly HttpProblem[], shape: ErrorShape = {}): void {
  res.locals.errorCode = problems[0]?.code;
  const errors = problems.map((p) => ({
    ...(shape.flat ? { code: p.code, field: p.field ?? null } : {}),
    message: p.message,
    extensions: { code: p.code, ...(p.field !== undefined ? { field: p.field } : {}), ...p.extensions },
  }));
  res.status(status).type('application/json').send(JSON.stringify({ errors }));
}

/** One problem, no field: the refusals that are about the request itself. */
export function sendError(res: Response, status: number, code: string, message: string, extensions?: Record<string, unknown>): void {
  sendErrors(res, status, [{ code, message, extensions }]);
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT_OF_INTEREST: 403,
  DOCUMENT_IN_USE: 409,
  FILE_TOO_LARGE: 413,
  QUOTA_EXCEEDED: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
};

/** A failure of a route: a known error with each problem on its field, anything else a masked 500. */
export function sendHttpError(res: Response, err: unknown, log: Logger, shape: ErrorShape = {}): void {
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
    sendErrors(
      res,
      STATUS[known.code] ?? 400,
      problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null })),
      shape,
    );
    return;
  }
  log.error({ err, requestId }, 'unexpected error in an HTTP endpoint');
  sendErrors(
    res,
    500,
    [{ code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side (reference ${requestId}).`, extensions: { requestId } }],
    shape,
  );
}

/** Wraps an async route handler so every failure goes through sendHttpError. */
export function handler(log: Logger, fn: (req: Request, res: Response) => Promise<void>, shape: ErrorShape = {}) {
  return async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      sendHttpError(res, err, log, shape);
    }
  };
}
