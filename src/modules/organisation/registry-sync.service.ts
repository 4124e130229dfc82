// Applies rows of the national associations registry to the organisations collection, which this module
// owns: upsert by RNA number, keep the fields people edited here, check every record against the model's
// schema before it is written (the bulk write itself cannot run Mongoose validators at import speed).
//
// Never into an unverified record: an organisation a member created (isVerified: false) may have taken
// the RNA number or SIRET of an association not yet imported. When the registry brings that association,
// it is imported as its own record, beside the unverified one, which gives the identifier up and keeps a
// `registryClash` pointing to the real association, for officers to sort out (organisationClashes).
import { Types, type mongo } from 'mongoose';
import { foldText } from '../../shared/text';
import { schemaChecker } from '../../shared/schema-check';
import type { ActivityEntry } from '../activity/activity.service';
import { OrganisationModel, type OrganisationDoc } from './organisation.model';
import { editRecord, flushOrganisationOutbox } from './organisation.history';

/** Fields the registry feeds; a field listed in an organisation's locallyEditedFields is never overwritten. */
export const REGISTRY_FIELDS = ['name', 'acronym', 'description', 'siret', 'address', 'website', 'status', 'registryUpdatedAt'] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** One association as the registry describes it (`line` is where it was read, for the messages). */
export interface RegistryRow {
  line: number;
  rna: string;
  fields: Partial<Record<RegistryField, unknown>>;
}

/** What happened to each row, in order: a count to add to, or the reason it was not stored. */
export type RegistryOutcome = 'created' | 'updated' | 'dissolved' | 'unchanged' | { error: string };

const check = schemaChecker(OrganisationModel);

const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined && (a as Record<string, unknown>)[k] !== null);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined && (b as Record<string, unknown>)[k] !== null);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return (a ?? null) === (b ?? null);
};

interface Existing {
  _id: Types.ObjectId;
  rna: string;
  source?: string;
  locallyEditedFields?: string[];
  isVerified?: boolean;
  [k: string]: unknown;
}

/** One round trip to read the batch's existing organisations, one bulk write for the changes. */
export async function applyRegistryRows(rows: RegistryRow[]): Promise<RegistryOutcome[]> {
  const projection = Object.fromEntries([...REGISTRY_FIELDS, 'rna', 'source', 'locallyEditedFields', 'isVerified'].map((f) => [f, 1]));
  // `$type: 'string'` lets the planner use the partial unique index on rna (else: a collection scan per batch).
  const existing = (await OrganisationModel.collection
    .find({ rna: { $in: rows.map((r) => r.rna), $type: 'string' } }, { projection })
    .toArray()) as unknown as Existing[];
  // An unverified holder of an RNA number is not the association: it is set aside, never merged into.
  const byRna = new Map(existing.filter((e) => e.isVerified !== false).map((e) => [e.rna, e]));
  const squatted = new Map(existing.filter((e) => e.isVerified === false).map((e) => [e.rna, e]));
  const now = new Date();
  /** Identifiers to take back from unverified records before the writes, with the record that gets them. */
  const releases: { holder?: Types.ObjectId; field: 'rna' | 'siret'; value: string; to: Types.ObjectId }[] = [];
  const outcomes: RegistryOutcome[] = [];
  const ops: mongo.AnyBulkWriteOperation[] = [];
  /** For each op, the row it came from (its index in `rows`). */
  const opRows: number[] = [];
  /** Organisations whose update carries a trail record, to copy into the trail once written. */
  const recorded: Types.ObjectId[] = [];
  const invalid = (i: number, problem: { path: string; message: string }) => {
    outcomes[i] = { error: `could not be stored: ${problem.message} (field ${problem.path}).` };
  };
  rows.forEach((row, i) => {
    const found = byRna.get(row.rna);
    if (!found) {
      const _id = new Types.ObjectId();
      const squatter = squatted.get(row.rna);
      if (squatter) releases.push({ holder: squatter._id, field: 'rna', value: row.rna, to: _id });
      if (typeof row.fields.siret === 'string') releases.push({ field: 'siret', value: row.fields.siret, to: _id });
      const doc: Record<string, unknown> = {
        _id,
        ...row.fields,
        nameKey: foldText(row.fields.name as string),
        rna: row.rna,
        legalForm: 'ASSOCIATION',
        domains: [],
        neighbourhoods: [],
        labels: [],
        isPublic: true,
        source: 'RNA',
        locallyEditedFields: [],
        createdAt: now,
        updatedAt: now,
      };
      if (!doc.description) doc.description = '';
      const problem = check(doc);
      if (problem) return invalid(i, problem);
      // A plain insert (as fast as insertMany); the unique index on rna refuses a twin from a concurrent import.
      ops.push({ insertOne: { document: doc } });
      outcomes[i] = row.fields.status === 'DISSOLVED' ? 'dissolved' : 'created';
      opRows.push(i);
      return;
    }
    // Fields edited here are kept; an organisation created in Maillage keeps every field it already has.
    const kept = new Set(found.locallyEditedFields ?? []);
    if (found.source !== 'RNA') for (const f of REGISTRY_FIELDS) if (found[f] !== undefined && found[f] !== null && found[f] !== '') kept.add(f);
    const set: Record<string, unknown> = {};
    for (const f of REGISTRY_FIELDS) {
      const value = row.fields[f];
      // Dissolution is a registry fact: it applies even over a local edit.
      const protectedField = kept.has(f) && !(f === 'status' && value === 'DISSOLVED');
      if (value === undefined || protectedField || same(value, found[f])) continue;
      set[f] = value;
    }
    if (set.name) set.nameKey = foldText(set.name as string);
    if (!Object.keys(set).length) {
      outcomes[i] = 'unchanged';
      return;
    }
    // A change of status (a dissolution, or the registry saying it operates again) lands in the
    // organisation's trail like an officer's: the record rides in the same single-document update.
    const record = set.status !== undefined ? registryRecord(found, set) : null;
    set.updatedAt = now;
    if (typeof set.siret === 'string') releases.push({ field: 'siret', value: set.siret, to: found._id });
    const problem = check(set, Object.keys(set));
    if (problem) return invalid(i, problem);
    const update: Record<string, Record<string, unknown>> = { $set: set };
    if (record) {
      update.$push = { activityOutbox: record };
      recorded.push(found._id);
    }
    ops.push({ updateOne: { filter: { _id: found._id as mongo.ObjectId }, update: update as mongo.UpdateFilter<mongo.Document> } });
    outcomes[i] = set.status === 'DISSOLVED' ? 'dissolved' : 'updated';
    opRows.push(i);
  });
  if (!ops.length) return outcomes;
  await releaseFromUnverified(releases, now);
  try {
    await OrganisationModel.collection.bulkWrite(ops, { ordered: false });
  } catch (err) {
    const writeErrors = (
      err as { writeErrors?: { index: number; code?: number; errmsg?: string; err?: { keyPattern?: Record<string, unknown>; errmsg?: string } }[] }
    ).writeErrors;
    if (!writeErrors) throw err;
    for (const we of Array.isArray(writeErrors) ? writeErrors : [writeErrors]) {
      const i = opRows[we.index]!;
      const row = rows[i]!;
      const msg = String(we.errmsg ?? we.err?.errmsg ?? '');
      const error =
        we.code === 11000 && /siret/.test(msg)
          ? `SIRET ${String(row.fields.siret)} is already used by another organisation; fix one of them in Maillage.`
          : we.code === 11000 && /rna/.test(msg)
            ? `${row.rna} was created meanwhile (another import running?); run the import again to update it.`
            : 'could not be stored (the registry row conflicts with an existing record).';
      outcomes[i] = { error };
    }
  } finally {
    // Into the trail: a record whose write failed was never stored, and one left by a crash here is
    // copied by the organisation's next edit.
    for (const id of recorded) await flushOrganisationOutbox(id);
  }
  return outcomes;
}

/** The trail's record of a status change the registry brings: no person acted, the registry is the reason. */
function registryRecord(found: Existing, set: Record<string, unknown>): ActivityEntry | null {
  const record = editRecord(found as unknown as OrganisationDoc, set, [], null);
  if (!record) return null;
  return {
    ...record,
    reason:
      record.action === 'DISSOLVE'
        ? 'Dissolved in the national associations registry (RNA).'
        : 'Shown as operating in the national associations registry (RNA).',
  };
}

/**
 * Takes identifiers back from unverified records (only those: a verified holder keeps its SIRET and the
 * write reports the conflict) and records on each the clash with the association that gets them.
 */
async function releaseFromUnverified(
  releases: { holder?: Types.ObjectId; field: 'rna' | 'siret'; value: string; to: Types.ObjectId }[],
  now: Date,
): Promise<void> {
  const sirets = releases.filter((r) => r.field === 'siret').map((r) => r.value);
  const siretHolders = sirets.length
    ? await OrganisationModel.collection.find({ siret: { $in: sirets, $type: 'string' }, isVerified: false }, { projection: { siret: 1 } }).toArray()
    : [];
  const bySiret = new Map(siretHolders.map((h) => [h.siret as string, h._id]));
  const ops: mongo.AnyBulkWriteOperation[] = [];
  for (const r of releases) {
    const holder = r.field === 'rna' ? r.holder : bySiret.get(r.value);
    if (!holder || String(holder) === String(r.to)) continue;
    ops.push({
      updateOne: {
        filter: { _id: holder as mongo.ObjectId, [r.field]: r.value, isVerified: false },
        update: { $unset: { [r.field]: 1 }, $set: { registryClash: { [r.field]: r.value, organisation: r.to, detectedAt: now }, updatedAt: now } },
      },
    });
  }
  if (ops.length) await OrganisationModel.collection.bulkWrite(ops, { ordered: false });
}
