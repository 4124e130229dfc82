// Object ids at the edge: a malformed id is the client's mistake on a named field, never a CastError.
import { Types } from 'mongoose';
import { AppError, badInput, type Problems } from '../errors/app-error';

export type ObjectId = Types.ObjectId;

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);
}

/** Parses one id argument; `field` names the argument in the error. */
export function toObjectId(value: unknown, field = 'id'): Types.ObjectId {
  if (value instanceof Types.ObjectId) return value;
  if (!isObjectId(value)) throw badInput(field, `\`${field}\` is not a valid id.`);
  return new Types.ObjectId(value);
}

/** Parses a list of ids, at most `max` of them. */
export function toObjectIds(values: readonly unknown[] | null | undefined, field: string, max = 100): Types.ObjectId[] {
  if (!values) return [];
  if (values.length > max) throw badInput(field, `\`${field}\` accepts at most ${max} ids.`);
  return values.map((v, i) => toObjectId(v, `${field}[${i}]`));
}

/** Parses an id, recording the problem on `field` instead of throwing, so every input error is reported at once. */
export function objectIdOrProblem(value: unknown, field: string, problems: Problems): Types.ObjectId | null {
  try {
    return toObjectId(value, field);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.add(field, err.message);
    return null;
  }
}
