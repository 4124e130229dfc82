// Per-year counters behind human-readable application numbers (2026-00042), bumped atomically.
import { Schema, model } from 'mongoose';

const counterSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } });
export const GrantCounterModel = model('GrantCounter', counterSchema);

/** The next number for `year`: one atomic upsert, so concurrent creations never share a number. */
export async function nextApplicationNumber(year: number): Promise<string> {
  const c = await GrantCounterModel.findOneAndUpdate({ _id: `grant-${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
  return `${year}-${String(c!.seq).padStart(5, '0')}`;
}
