// One JSON line per request, with the request id that every other line of the request carries too.
// Never the query text, the variables or a header value: they can hold passwords and tokens.
import type { RequestHandler } from 'express';
import type { Logger } from '../shared/logger';

/** What GraphQL learned about a request, keyed by request id, for its access line. */
export interface RequestFacts {
  operationType?: string;
  operationName?: string;
  userId?: string;
}

export function accessLog(log: Logger, facts: Map<string, RequestFacts>): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = res.locals.requestId as string;
    // Read now: mounted routers rewrite req.url while the request is handled.
    const path = req.path.slice(0, 200);
    const reqLog = log.child({ requestId });
    res.locals.log = reqLog;
    res.once('finish', () => {
      const f = facts.get(requestId);
      const status = res.statusCode;
      const line = {
        method: req.method,
        // The path only: a query string may carry a GraphQL document or a token.
        path,
        status,
        durationMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
        operationType: f?.operationType,
        operationName: f?.operationName,
        userId: f?.userId,
        errorCode: res.locals.errorCode as string | undefined,
      };
      if (status >= 500) reqLog.error(line, 'request');
      else reqLog.info(line, 'request');
    });
    next();
  };
}
