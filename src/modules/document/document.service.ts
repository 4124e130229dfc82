// The vault's rules: storing a file (streamed into GridFS, hashed and typed on the way, deduplicated per
// organisation, superseding the previous version), reading it back, and the status a document has today.
// Nothing here checks who asks: the routes and resolvers do (document.policy.ts) before calling in.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import mongoose, { Types } from 'mongoose';
import { membershipIn } from '../../auth/viewer';
import type { Context } from '../../context';
import { AppError, notFound, Problems } from '../../errors/app-error';
import { toObjectId } from '../../shared/ids';
import { paginate, type PageArgs } from '../../shared/pagination';
import { appendActivity } from '../activity/activity.service';
import { GrantApplicationModel, type App } from '../grants/application/grant-application.model';
import { actorOf } from '../organisation/organisation.actor';
import type { OrganisationDoc } from '../organisation/organisation.model';
import { actsAsStaffFor, ensure } from '../organisation/organisation.policy';
import { canSeeDocument, canSeeVault, deleteRefusal } from './document.policy';
import {
  DOCUMENT_KINDS,
  DocumentModel,
  SINGLE_VERSION_KINDS,
  StorageUsageModel,
  type DocumentDoc,
  type DocumentKind,
  type DocumentStatus,
} from './document.model';
import { cleanFilename, pdfTailIsValid, SNIFF_BYTES, sniffType, type SniffedType } from './document.sniff';

export { DOCUMENT_KINDS, type DocumentDoc, type DocumentKind, type DocumentStatus };

/** The GridFS bucket of the vault: collections `vault.files` and `vault.chunks`. */
export const VAULT_BUCKET = 'vault';
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_QUOTA_BYTES = 500 * 1024 * 1024;

export function vaultBucket(): mongoose.mongo.GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new AppError('SERVICE_UNAVAILABLE', 'The database is not connected yet; try again in a moment.');
  return new mongoose.mongo.GridFSBucket(db, { bucketName: VAULT_BUCKET });
}

export interface StoreDocumentInput {
  organisationId: Types.ObjectId | string;
  kind: DocumentKind;
  title?: string | null;
  filename: string;
  /** What the client claimed; recorded nowhere: the bytes decide the type. */
  contentType?: string | null;
  validUntil?: Date | null;
  uploadedBy: Types.ObjectId | string | null;
  source: Readable | Buffer;
  /** Limits, from the config (MAX_UPLOAD_BYTES, DOCUMENT_QUOTA_BYTES); defaults for internal callers. */
  maxBytes?: number;
  quotaBytes?: number;
  /**
   * Settles when the caller knows the upload is whole (an HTTP body read to its end with nothing more in it).
   * Awaited once the bytes are in GridFS and before anything is recorded: a rejection deletes them.
   */
  confirm?: Promise<void>;
}

const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const tooLarge = (maxBytes: number) =>
  new AppError('FILE_TOO_LARGE', `The file is larger than the ${mib(maxBytes)} allowed; send a smaller or compressed version.`, { field: 'file' });
const quotaExceeded = (quota: number) =>
  new AppError(
    'QUOTA_EXCEEDED',
    `The organisation's documents would take more than its ${mib(quota)} of storage; delete old versions it no longer needs, or ask the city to raise the quota.`,
    { field: 'file' },
  );
const unsupported = () =>
  new AppError(
    'UNSUPPORTED_FILE_TYPE',
    'This file is not a PDF, PNG, JPEG, OpenDocument, Office (docx, xlsx, pptx) or CSV file; export it to PDF and send it again.',
    { field: 'file' },
  );
const emptyFile = () => new AppError('BAD_USER_INPUT', 'The file is empty: choose the file again.', { field: 'file' });

/** The bytes an organisation's live documents take (each stored file counted once). */
export async function usedBytes(organisationId: Types.ObjectId): Promise<number> {
  const row = await StorageUsageModel.findOne({ organisation: organisationId }, { usedBytes: 1 }).lean();
  return row?.usedBytes ?? 0;
}

function checkInput(input: StoreDocumentInput): { organisation: Types.ObjectId; title: string | null } {
  const problems = new Problems();
  if (!Types.ObjectId.isValid(String(input.organisationId))) problems.add('organisationId', 'Give the id of an organisation.');
  if (!DOCUMENT_KINDS.includes(input.kind)) problems.add('kind', `The kind must be one of ${DOCUMENT_KINDS.join(', ')}.`);
  const title = input.title?.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim() || null;
  if (title && title.length > 200) problems.add('title', 'The title is at most 200 characters.');
  if (input.validUntil && Number.isNaN(input.validUntil.getTime())) problems.add('validUntil', 'The date must be YYYY-MM-DD.');
  problems.throwIfAny();
  return { organisation: new Types.ObjectId(String(input.organisationId)), title };
}

interface Streamed {
  fileId: Types.ObjectId;
  size: number;
  sha256: string;
  type: SniffedType;
}

/**
 * Streams the source into a new GridFS file: counts, hashes and types the bytes on the way; refuses a file
 * over `limit` as soon as it passes it. Nothing touches GridFS before the type is known (the first
 * SNIFF_BYTES), and a refusal or a broken source deletes what was written: no orphan chunks.
 */
async function streamIntoVault(source: Readable, limit: { bytes: number; error: () => AppError }, organisation: Types.ObjectId): Promise<Streamed> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let type: SniffedType | null = null;
  let tail = Buffer.alloc(0);
  let upload: mongoose.mongo.GridFSBucketWriteStream | null = null;

  const write = async (chunk: Buffer) => {
    if (!upload!.write(chunk)) await once(upload!, 'drain');
  };
  const decide = async () => {
    const first = Buffer.concat(head);
    type = await sniffType(first);
    if (!type) throw unsupported();
    upload = vaultBucket().openUploadStream(String(organisation), { metadata: { organisation } });
    head = [];
    await write(first);
  };

  try {
    for await (const raw of source) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
      size += chunk.length;
      if (size > limit.bytes) throw limit.error();
      hash.update(chunk);
      // A small copy, so the tail never holds a whole piece of the body alive.
      tail = Buffer.from(Buffer.concat([tail, chunk.subarray(-1024)]).subarray(-1024));
      if (upload) await write(chunk);
      else {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) await decide();
      }
    }
    if (size === 0) throw emptyFile();
    if (!upload) await decide();
    if (type!.contentType === 'application/pdf' && !pdfTailIsValid(tail)) throw unsupported();
    const finished = upload!;
    finished.end();
    await once(finished, 'finish');
    return { fileId: finished.id as Types.ObjectId, size, sha256: hash.digest('hex'), type: type! };
  } catch (err) {
    if (upload) await discardUpload(upload);
    throw err;
  }
}

/** Ends a refused upload so that its last chunk is flushed, then deletes the file and every chunk of it. */
async function discardUpload(upload: mongoose.mongo.GridFSBucketWriteStream): Promise<void> {
  const id = upload.id as Types.ObjectId;
  try {
    if (!upload.writableEnded) {
      upload.end();
      await once(upload, 'finish');
    }
  } catch {
    // A stream that cannot finish leaves chunks only: deleted just below.
  }
  await removeFile(id);
}

/** Deletes a GridFS file and its chunks, whatever remains of either. */
export async function removeFile(fileId: Types.ObjectId): Promise<void> {
  const db = mongoose.connection.db!;
  await db.collection(`${VAULT_BUCKET}.chunks`).deleteMany({ files_id: fileId });
  await db.collection(`${VAULT_BUCKET}.files`).deleteOne({ _id: fileId });
}

/** Adds `bytes` to the organisation's usage if it stays within the quota (one conditional update). */
async function reserve(organisation: Types.ObjectId, bytes: number, quota: number): Promise<boolean> {
  await StorageUsageModel.updateOne({ organisation }, { $setOnInsert: { usedBytes: 0 } }, { upsert: true });
  const res = await StorageUsageModel.updateOne({ organisation, usedBytes: { $lte: quota - bytes } }, { $inc: { usedBytes: bytes } });
  return res.modifiedCount === 1;
}

async function release(organisation: Types.ObjectId, bytes: number): Promise<void> {
  await StorageUsageModel.updateOne({ organisation }, { $inc: { usedBytes: -bytes } });
}

/**
 * Stores a document for an organisation and returns its record. The same bytes already in the organisation's
 * vault are not stored twice: the record reuses that file (and an identical current document of the same kind
 * is returned as it is). A document of a single-version kind supersedes the organisation's current one.
 */
export async function storeDocument(input: StoreDocumentInput): Promise<DocumentDoc> {
  return (await storeDocumentOutcome(input)).document;
}

/** As storeDocument, saying whether a record was created (false: the identical current document was returned). */
export async function storeDocumentOutcome(input: StoreDocumentInput): Promise<{ document: DocumentDoc; created: boolean }> {
  const { organisation, title } = checkInput(input);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const quota = input.quotaBytes ?? DEFAULT_QUOTA_BYTES;
  const room = Math.max(0, quota - (await usedBytes(organisation)));
  // Cut the stream at whichever comes first: the size limit or the room left in the quota.
  const limit = room < maxBytes ? { bytes: room, error: () => quotaExceeded(quota) } : { bytes: maxBytes, error: () => tooLarge(maxBytes) };
  const source = Buffer.isBuffer(input.source) ? Readable.from([input.source]) : input.source;
  const stored = await streamIntoVault(source, limit, organisation);
  if (input.confirm) {
    try {
      await input.confirm;
    } catch (err) {
      await removeFile(stored.fileId);
      throw err;
    }
  }

  const same = await DocumentModel.findOne({ organisation, sha256: stored.sha256, deletedAt: null }).sort({ _id: -1 }).lean<DocumentDoc>();
  let fileId = stored.fileId;
  let reserved = 0;
  if (same) {
    await removeFile(stored.fileId);
    fileId = same.fileId;
    if (same.kind === input.kind && !same.supersededBy) return { document: same, created: false };
  } else {
    if (!(await reserve(organisation, stored.size, quota))) {
      await removeFile(stored.fileId);
      throw quotaExceeded(quota);
    }
    reserved = stored.size;
  }

  const previous = SINGLE_VERSION_KINDS.includes(input.kind)
    ? await DocumentModel.findOne({ organisation, kind: input.kind, deletedAt: null, supersededBy: null }).sort({ _id: -1 }).lean<DocumentDoc>()
    : null;
  const filename = cleanFilename(input.filename, stored.type);
  let created: DocumentDoc;
  try {
    const doc = await DocumentModel.create({
      organisation,
      kind: input.kind,
      title: title ?? filename,
      filename,
      contentType: stored.type.contentType,
      size: stored.size,
      sha256: stored.sha256,
      validUntil: input.validUntil ?? null,
      fileId,
      supersedes: previous?._id ?? null,
      uploadedBy: input.uploadedBy ? new Types.ObjectId(String(input.uploadedBy)) : null,
    });
    created = doc.toObject() as DocumentDoc;
  } catch (err) {
    if (reserved) {
      await release(organisation, reserved);
      await removeFile(fileId);
    }
    throw err;
  }
  if (SINGLE_VERSION_KINDS.includes(input.kind)) {
    // Every older current version of the kind, not only the one read above: two uploads at once leave the newest current.
    await DocumentModel.updateMany(
      { organisation, kind: input.kind, deletedAt: null, supersededBy: null, _id: { $lt: created._id } },
      { $set: { supersededBy: created._id } },
    );
  }
  return { document: created, created: true };
}

/** GridFS chunks fetched per round trip when reading: a few hundred KiB in memory, whatever the file's size. */
const READ_BATCH_CHUNKS = 4;

/**
 * The bytes of a document, streamed from GridFS. The driver's download stream fetches its chunks in cursor
 * batches of 101 (25 MB of a large file held at once); this reads them a few at a time, in order, and fails
 * the stream if one is missing or the total differs from the recorded size.
 */
export function openDocumentStream(doc: Pick<DocumentDoc, 'fileId'> & { size?: number }): Readable {
  const db = mongoose.connection.db;
  if (!db) throw new AppError('SERVICE_UNAVAILABLE', 'The database is not connected yet; try again in a moment.');
  const chunks = db
    .collection<{ files_id: Types.ObjectId; n: number; data: mongoose.mongo.Binary }>(`${VAULT_BUCKET}.chunks`)
    .find({ files_id: doc.fileId }, { sort: { n: 1 }, batchSize: READ_BATCH_CHUNKS, projection: { n: 1, data: 1 } });
  async function* bytes() {
    let expected = 0;
    let total = 0;
    try {
      for await (const chunk of chunks) {
        if (chunk.n !== expected++) throw new Error(`vault file ${String(doc.fileId)}: chunk ${expected - 1} missing`);
        const raw = chunk.data.buffer;
        const data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
        total += data.length;
        yield data;
      }
    } finally {
      await chunks.close();
    }
    if (typeof doc.size === 'number' && total !== doc.size) throw new Error(`vault file ${String(doc.fileId)}: ${total} bytes read, ${doc.size} recorded`);
  }
  return Readable.from(bytes(), { objectMode: false, highWaterMark: 256 * 1024 });
}

/** SUPERSEDED once a newer version exists; else EXPIRED past its validity date (the whole day counts); else CURRENT. */
export function documentStatus(doc: Pick<DocumentDoc, 'supersededBy' | 'validUntil'>, now: Date = new Date()): DocumentStatus {
  if (doc.supersededBy) return 'SUPERSEDED';
  if (doc.validUntil && doc.validUntil.getTime() + 24 * 3600 * 1000 <= now.getTime()) return 'EXPIRED';
  return 'CURRENT';
}

/** The application statuses in which a document attached to it may no longer be deleted: all but a draft. */
const usedBy = (id: Types.ObjectId) => ({ 'documents.document': id, status: { $ne: 'DRAFT' as const } });

/** An organisation's vault, newest first; null for anyone who may not see it. */
export async function documentsOf(ctx: Context, organisationId: Types.ObjectId, args: PageArgs & { kind?: DocumentKind | null }) {
  if (!canSeeVault(await actorOf(ctx), organisationId)) return null;
  const match: Record<string, unknown> = { organisation: organisationId, deletedAt: null };
  if (args.kind) match.kind = args.kind;
  return paginate<DocumentDoc>(DocumentModel, { match, sort: [{ field: 'createdAt', direction: -1 }], args });
}

/** A live document the viewer may see, or NOT_FOUND (whether it exists is not revealed). */
export async function visibleDocument(ctx: Context, id: unknown, field = 'id'): Promise<DocumentDoc> {
  const _id = toObjectId(id, field);
  const doc = await DocumentModel.findOne({ _id, deletedAt: null }).lean<DocumentDoc>();
  if (!doc || !canSeeDocument(await actorOf(ctx), doc)) throw notFound('Document', field);
  return doc;
}

/**
 * Soft-deletes a document: the record stays (history, the versions chain), the bytes go when no other live
 * record shares them. Refused while a submitted application uses it; checked again after the delete, so an
 * application submitted meanwhile puts it back.
 */
export async function deleteDocument(ctx: Context, id: string): Promise<string> {
  const doc = await visibleDocument(ctx, id);
  ensure(deleteRefusal(await actorOf(ctx), doc));
  const inUse = () =>
    new AppError('DOCUMENT_IN_USE', 'A submitted application uses this document: it stays while the application is examined. Upload a new version instead.', {
      field: 'id',
    });
  if (await GrantApplicationModel.exists(usedBy(doc._id))) throw inUse();
  const now = new Date();
  const res = await DocumentModel.updateOne({ _id: doc._id, deletedAt: null }, { $set: { deletedAt: now, deletedBy: new Types.ObjectId(ctx.viewer!.id) } });
  if (res.modifiedCount !== 1) throw notFound('Document', 'id');
  if (await GrantApplicationModel.exists(usedBy(doc._id))) {
    await DocumentModel.updateOne({ _id: doc._id }, { $set: { deletedAt: null, deletedBy: null } });
    throw inUse();
  }
  // The previous version becomes current again when the current one is deleted.
  if (!doc.supersededBy) await DocumentModel.updateMany({ supersededBy: doc._id, deletedAt: null }, { $set: { supersededBy: null } });
  if (!(await DocumentModel.exists({ fileId: doc.fileId, deletedAt: null }))) {
    await removeFile(doc.fileId);
    await release(doc.organisation, doc.size);
  }
  return String(doc._id);
}

/** One file of a dossier: the document and what it answers. */
export interface DossierEntry {
  document: DocumentDoc;
  /** The programme requirement it was attached for, if any. */
  requirementId: string | null;
  attachedAt: Date | null;
  /** For a letter the city generated (acknowledgement, decision...), its kind. */
  letter?: string;
}

/**
 * An application's dossier for download: officers and admins not recused, and the applicant's members. Anyone
 * else gets NOT_FOUND, as if it did not exist. Deleted documents are left out.
 */
export async function dossierOf(ctx: Context, id: unknown): Promise<{ application: App; organisation: OrganisationDoc | null; entries: DossierEntry[] }> {
  const _id = toObjectId(id, 'id');
  const application = await GrantApplicationModel.findById(_id, { outbox: 0 }).lean<App>();
  if (!application) throw notFound('Grant application', 'id');
  const actor = await actorOf(ctx);
  if (!actsAsStaffFor(actor, application.organisation) && !membershipIn(ctx.viewer, application.organisation)) throw notFound('Grant application', 'id');
  const attached = application.documents ?? [];
  const docs = await DocumentModel.find({ _id: { $in: attached.map((a) => a.document) }, deletedAt: null }).lean<DocumentDoc[]>();
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  const entries: DossierEntry[] = [];
  for (const a of attached) {
    const document = byId.get(String(a.document));
    if (document) entries.push({ document, requirementId: a.requirementId ?? null, attachedAt: a.attachedAt ?? null });
  }
  // Then the city's letters about it (the letters module's records), each a PDF of the same vault.
  const letters = await ctx.loaders.letters.byApplication.load(application._id);
  const letterDocs = await DocumentModel.find({ _id: { $in: letters.map((l) => l.document) }, deletedAt: null }).lean<DocumentDoc[]>();
  const letterById = new Map(letterDocs.map((d) => [String(d._id), d]));
  for (const l of letters) {
    const document = letterById.get(String(l.document));
    if (document && !entries.some((e) => e.document._id.equals(document._id))) {
      entries.push({ document, requirementId: null, attachedAt: l.generatedAt, letter: l.kind });
    }
  }
  const organisation = await ctx.loaders.organisation.byId.load(application.organisation);
  return { application, organisation, entries };
}

/**
 * Writes "who downloaded what, when" into the history of each application the documents are attached to
 * (only `applicationId`'s when given). Written before the bytes are sent: a download is recorded even when
 * the client stops reading half-way. `dossier`: the documents come from that application's zip (its
 * letters included, which are not attached), so each is recorded there.
 */
export async function recordDownloads(ctx: Context, docs: readonly DocumentDoc[], applicationId: string | null, dossier = false): Promise<void> {
  if (!docs.length || !ctx.viewer) return;
  let targets: { _id: Types.ObjectId; docs: readonly DocumentDoc[] }[];
  if (dossier && applicationId) {
    targets = [{ _id: new Types.ObjectId(applicationId), docs }];
  } else {
    const filter: Record<string, unknown> = { 'documents.document': { $in: docs.map((d) => d._id) } };
    if (applicationId) {
      if (!Types.ObjectId.isValid(applicationId)) return;
      filter._id = new Types.ObjectId(applicationId);
    }
    const apps = await GrantApplicationModel.find(filter, { documents: 1 }).lean<Pick<App, '_id' | 'documents'>[]>();
    targets = apps.map((app) => {
      const attached = new Set((app.documents ?? []).map((a) => String(a.document)));
      return { _id: app._id, docs: docs.filter((d) => attached.has(String(d._id))) };
    });
  }
  const at = new Date();
  const actor = new Types.ObjectId(ctx.viewer.id);
  for (const target of targets) {
    for (const doc of target.docs) {
      await appendActivity({
        key: `download:${ctx.requestId}:${String(target._id)}:${String(doc._id)}`,
        objectType: 'GrantApplication',
        objectId: target._id,
        action: 'DOWNLOAD_DOCUMENT',
        actor,
        fromStatus: null,
        toStatus: null,
        reason: `${doc.kind}: ${doc.filename} (${doc.sha256.slice(0, 12)})`,
        at,
      });
    }
  }
}

/**
 * The boot's repair (an upload or a delete interrupted by a crash): GridFS files no live document uses and
 * chunks without their file, older than `graceMs` (uploads in flight are younger), are deleted; then each
 * organisation's usage is recounted from its live documents.
 */
export async function sweepVault(graceMs = 3600_000, now = new Date()): Promise<{ files: number; chunks: number }> {
  const db = mongoose.connection.db!;
  const cutoff = new Date(now.getTime() - graceMs);
  const files = db.collection<{ _id: Types.ObjectId; uploadDate: Date }>(`${VAULT_BUCKET}.files`);
  const chunks = db.collection<{ _id: Types.ObjectId; files_id: Types.ObjectId }>(`${VAULT_BUCKET}.chunks`);
  let removedFiles = 0;
  for await (const f of files.find({ uploadDate: { $lt: cutoff } }, { projection: { _id: 1 } })) {
    if (!(await DocumentModel.exists({ fileId: f._id, deletedAt: null }))) {
      await removeFile(f._id);
      removedFiles++;
    }
  }
  let removedChunks = 0;
  for (const filesId of (await chunks.distinct('files_id')) as Types.ObjectId[]) {
    if (filesId.getTimestamp() >= cutoff || (await files.countDocuments({ _id: filesId }, { limit: 1 }))) continue;
    removedChunks += (await chunks.deleteMany({ files_id: filesId })).deletedCount;
  }
  const usage = await DocumentModel.aggregate<{ _id: Types.ObjectId; used: number }>([
    { $match: { deletedAt: null } },
    { $group: { _id: { organisation: '$organisation', fileId: '$fileId' }, size: { $first: '$size' } } },
    { $group: { _id: '$_id.organisation', used: { $sum: '$size' } } },
  ]);
  const counted = new Set(usage.map((u) => String(u._id)));
  for (const u of usage) await StorageUsageModel.updateOne({ organisation: u._id }, { $set: { usedBytes: u.used } }, { upsert: true });
  for (const row of await StorageUsageModel.find({}, { organisation: 1 }).lean()) {
    if (!counted.has(String(row.organisation))) await StorageUsageModel.updateOne({ _id: row._id }, { $set: { usedBytes: 0 } });
  }
  return { files: removedFiles, chunks: removedChunks };
}
