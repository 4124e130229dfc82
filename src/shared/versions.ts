// Data versions: a token per kind of data (the reference lists, the directory's organisations), replaced
// by every write through the models, so that caches kept in each API instance can tell they are stale.
// One small collection, read once per request that uses a cache: a write on any instance is seen by
// the next request on every instance. Writes that bypass the models (a shell, a restore) are caught by
// each cache's maximum age instead.
import mongoose, { Schema, Types, type Schema as SchemaType } from 'mongoose';

export type DataKind = 'reference' | 'organisations';

const versionSchema = new Schema({ _id: { type: String, required: true }, token: { type: Schema.Types.ObjectId, required: true } }, { versionKey: false });
export const DataVersionModel = mongoose.model('DataVersion', versionSchema, 'dataversions');

type Listener = (kind: DataKind) => void;
const listeners: Listener[] = [];

/** Called on this instance as soon as a write of `kind` is done here (other instances learn from the token). */
export function onLocalWrite(listener: Listener): void {
  listeners.push(listener);
}

/**
 * Records that data of `kind` changed: a fresh random token (never a counter, so emptying the
 * collection and writing again can never bring an old value back). Called after the write, so a
 * reader that sees the new token also sees the new data.
 */
export async function bumpVersion(kind: DataKind): Promise<void> {
  for (const l of listeners) l(kind);
  await DataVersionModel.collection.updateOne({ _id: kind as never }, { $set: { token: new Types.ObjectId() } }, { upsert: true });
}

/** The current token of every kind ('' for a kind never written through the models). */
export async function readVersions(): Promise<Record<DataKind, string>> {
  const docs = await DataVersionModel.collection.find({}, { projection: { token: 1 } }).toArray();
  const out: Record<DataKind, string> = { reference: '', organisations: '' };
  for (const d of docs) {
    const kind = String(d._id);
    if (kind in out) out[kind as DataKind] = String(d.token);
  }
  return out;
}

const WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'replaceOne', 'deleteOne', 'deleteMany'] as const;

/** A schema plugin: every write through the model (documents, queries, insertMany, bulkWrite) bumps `kind`. */
export function bumpsVersion(kind: DataKind) {
  return (schema: SchemaType) => {
    const bump = async () => bumpVersion(kind);
    schema.post('save', bump);
    schema.post('insertMany', bump);
    schema.post('bulkWrite', bump);
    schema.post('deleteOne', { document: true, query: false }, bump);
    for (const op of WRITES) schema.post(op, { document: false, query: true }, bump);
  };
}

/** Per request: the versions read once, whoever asks first (the count cache, the reference cache). */
export function createVersionLoaders() {
  let read: Promise<Record<DataKind, string>> | null = null;
  return {
    current: () => (read ??= readVersions()),
  };
}
