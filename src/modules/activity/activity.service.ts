// Writing and reading the audit trail. Writes are idempotent by key: a replayed step records nothing new.
// An edit's record lists each field changed, before and after, with bank details masked.
import type { Types } from 'mongoose';
import { paginate, type Connection, type PageArgs } from '../../shared/pagination';
import { ActivityModel, type ActivityDoc } from './activity.model';

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ActivityEntry {
  key: string;
  objectType: string;
  objectId: Types.ObjectId;
  action: string;
  actor: Types.ObjectId | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  changes?: FieldChange[];
  at: Date;
}

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/** Appends one record; a record already written under the same key is left as it is. */
export async function appendActivity(entry: ActivityEntry): Promise<void> {
  try {
    await ActivityModel.collection.insertOne({ ...entry });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Fields whose values are bank details: the trail keeps only enough to recognise them. */
const BANK_FIELDS = new Set(['iban', 'bic']);

/** `FR7630004000031234567890143` -> `FR76 •••• •••• 0143`: the country, the check digits and the last four. */
export function maskBankDetail(value: string): string {
  const compact = value.replace(/\s+/g, '');
  if (compact.length <= 8) return '•'.repeat(compact.length);
  return `${compact.slice(0, 4)} •••• •••• ${compact.slice(-4)}`;
}

function shown(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // Bank details are stored as strings.
  if (BANK_FIELDS.has(field)) return maskBankDetail(String(value as string));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The fields that differ between `before` and `after` (only those in `fields`), each with both values
 * as readers of the trail see them: text as is, other values as JSON, bank details masked.
 */
export function fieldChanges(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of [...new Set(fields)].sort()) {
    const b = comparable(before[field]);
    const a = comparable(after[field]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes.push({ field, before: shown(field, b), after: shown(field, a) });
  }
  return changes;
}

/** Ids and dates as strings, absent as null, objects without their empty keys: equal values compare equal. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object') {
    // An ObjectId: its string is its hex id.
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return String(value as Types.ObjectId);
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, comparable(v)] as const)
      .filter(([, v]) => v !== null);
    return entries.length ? Object.fromEntries(entries.sort(([x], [y]) => x.localeCompare(y))) : null;
  }
  return value;
}

/** An object's records, newest first, a page at a time (an organisation's edits can grow without end). */
export function activityPage(objectType: string, objectId: Types.ObjectId, args: PageArgs): Promise<Connection<ActivityDoc>> {
  return paginate<ActivityDoc>(ActivityModel, { match: { objectType, objectId }, sort: [{ field: 'at', direction: -1 }], args });
}
