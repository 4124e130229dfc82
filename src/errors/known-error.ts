// Which failures have a meaning for a client: our AppErrors, and the database's duplicate keys, outages
// and casts. Services and HTTP routes read this; only the GraphQL edge (format-error.ts) formats.
import { GraphQLError } from 'graphql';
import { AppError } from './app-error';

const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoExpiredSessionError',
]);

/**
 * Socket failures the driver sometimes lets through unwrapped (a write on a socket the server just closed
 * raises Node's own EPIPE error). The database is this server's only network dependency.
 */
const NETWORK_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN']);

/** Database and driver failures that have a meaning for the client; null for anything else. */
export function fromDatabaseError(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { name?: string; code?: number | string; message?: string; keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown> };
  if (e.code === 11000) {
    const field = Object.keys(e.keyPattern ?? e.keyValue ?? {})[0] ?? null;
    const label = field ?? 'value';
    return new AppError('CONFLICT', `This ${label} is already used by another record.`, { field });
  }
  if (
    (e.name && UNAVAILABLE_ERROR_NAMES.has(e.name)) ||
    (e.name === 'MongooseError' && /buffering timed out|not connected|client must be connected/i.test(e.message ?? '')) ||
    e.name === 'MongooseServerSelectionError' ||
    e.name === 'MongoOperationTimeoutError' ||
    (typeof e.code === 'string' && NETWORK_ERROR_CODES.has(e.code))
  ) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable. Please try again in a moment.', {
      extra: { retryAfterSeconds: 5 },
    });
  }
  if (e.name === 'CastError' || e.name === 'BSONError') {
    return new AppError('BAD_USER_INPUT', 'A value has the wrong format.', { field: (e as { path?: string }).path ?? null });
  }
  return null;
}

/** AppError for anything we understand, null for the unknown. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  // Errors raised while building the context reach Apollo wrapped in a GraphQLError.
  if (err instanceof GraphQLError && err.originalError instanceof AppError) return err.originalError;
  return fromDatabaseError(err);
}
