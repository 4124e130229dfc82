// Mutations answer with a payload: the object, and `errors` for expected refusals (bad input, a
// conflict, a refused transition). Access refusals and the unexpected stay GraphQL errors.
import { toAppError } from '../errors/known-error';
import type { FieldProblem } from '../errors/app-error';

/** The most problems a payload lists (declared `@listSize(assumedSize: 100)` on every `errors`). */
export const MAX_PAYLOAD_ERRORS = 100;

const TOP_LEVEL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

export type Payload<K extends string, T> = { [key in K]: T | null } & { errors: FieldProblem[] };

export async function payload<K extends string, T>(key: K, run: () => Promise<T>, opts: { alsoInPayload?: string[] } = {}): Promise<Payload<K, T>> {
  try {
    const value = await run();
    return { [key]: value, errors: [] } as Payload<K, T>;
  } catch (err) {
    const known = toAppError(err);
    if (!known || (TOP_LEVEL.has(known.code) && !opts.alsoInPayload?.includes(known.code))) throw err;
    return { [key]: null, errors: known.toProblems().slice(0, MAX_PAYLOAD_ERRORS) } as Payload<K, T>;
  }
}
