// The one place where errors become what a client sees. Known errors keep their code, message and
// field; anything else is masked as INTERNAL_SERVER_ERROR with the request id, and logged in full.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from './app-error';
import { toAppError } from './known-error';

// Known before this file was split; the edge's importers keep reading them here.
export { toAppError } from './known-error';

/** Apollo's own codes for requests it refused before execution: their messages are safe to show. */
const APOLLO_SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // Ours, raised before execution by the query cost analysis (src/ops/query-cost.ts).
  'QUERY_TOO_COSTLY',
]);

export function appErrorExtensions(err: AppError, requestId?: string): Record<string, unknown> {
  const ext: Record<string, unknown> = { code: err.code, field: err.field, ...err.extra };
  if (err.details.length) ext.problems = err.details;
  if (requestId && err.code === 'SERVICE_UNAVAILABLE') ext.requestId = requestId;
  const status = err.httpStatus;
  // Apollo reads extensions.http.status for errors raised before execution (context, limits).
  if (status) ext.http = { status };
  return ext;
}

/** True when the error is neither ours nor one of Apollo's safe refusals: it must be masked and logged. */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (toAppError(original)) return false;
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string') return !APOLLO_SAFE_CODES.has(code);
    return !isApolloRequestRefusal(original);
  }
  return true;
}

/**
 * Apollo refuses some requests (a persisted-query hash that does not match its query...) with an error
 * that has an HTTP 4xx status but no code. Its message is Apollo's own text about the request: safe.
 */
function isApolloRequestRefusal(err: GraphQLError): boolean {
  const status = (err.extensions?.http as { status?: unknown } | undefined)?.status;
  return !err.originalError && !err.path && typeof status === 'number' && status >= 400 && status < 500;
}

/** Apollo's formatError. The request id is stored on the error by the error plugin (see app.ts). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const requestId = requestIdFrom(error);
  const known = toAppError(original);
  if (known) {
    const ext = appErrorExtensions(known, requestId);
    delete ext.http; // status is set by the plugin; never echo it in the body
    return { message: known.message, locations: formatted.locations, path: formatted.path, extensions: ext };
  }
  if (!isUnexpected(error)) {
    const { code = 'BAD_REQUEST', cost, maxCost } = (original as GraphQLError).extensions as { code?: string; cost?: unknown; maxCost?: unknown };
    // A query refused for its cost says the computed cost and the limit.
    const costs = code === 'QUERY_TOO_COSTLY' ? { cost, maxCost } : {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...costs } };
  }
  return {
    message: `Something went wrong on our side. Please try again; if it persists, give this reference to support: ${requestId ?? 'unknown'}.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/** Errors carry the request id on a symbol set by the request-id plugin (see app.ts). */
export const REQUEST_ID = Symbol.for('maillage.requestId');
export function requestIdFrom(error: unknown): string | undefined {
  const e = error as Record<symbol, unknown> | null;
  const id = e?.[REQUEST_ID];
  return typeof id === 'string' ? id : undefined;
}
