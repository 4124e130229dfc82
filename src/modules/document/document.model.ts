// The vault: one record per uploaded document of an organisation; the bytes live in GridFS (bucket
// `vault`), referenced by `fileId`. Several records may share one file (same bytes, another kind).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** The supporting documents of CERFA 12156 (application) and 15059 (final report). */
export const DOCUMENT_KINDS = [
  'STATUTES',
  'BOARD_LIST',
  'BANK_DETAILS',
  'ANNUAL_ACCOUNTS',
  'ACTIVITY_REPORT',
  'AUDITOR_REPORT',
  'ORGANISATION_BUDGET',
  'PROJECT_BUDGET',
  'SIGNED_APPLICATION',
  'FINANCIAL_REPORT',
  'PROOF_OF_EXPENSE',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Kinds of which an organisation has one current version: a new upload supersedes the previous one (kept,
 * with `supersededBy`). The others (a project budget, a proof of expense, a letter) belong to one
 * application or one expense, so several are current at once.
 */
export const SINGLE_VERSION_KINDS: readonly DocumentKind[] = [
  'STATUTES',
  'BOARD_LIST',
  'BANK_DETAILS',
  'ANNUAL_ACCOUNTS',
  'ACTIVITY_REPORT',
  'AUDITOR_REPORT',
  'ORGANISATION_BUDGET',
];

export const DOCUMENT_STATUSES = ['CURRENT', 'EXPIRED', 'SUPERSEDED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

const documentSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    title: { type: String, required: true, maxlength: 200 },
    /** Cleaned: no path, no control or direction characters. */
    filename: { type: String, required: true, maxlength: 255 },
    /** Decided from the bytes, never from the name or the client's header. */
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 1 },
    /** Hex SHA-256 of the bytes, computed while streaming. */
    sha256: { type: String, required: true },
    validUntil: { type: Date, default: null },
    /** The GridFS file holding the bytes (bucket `vault`). */
    fileId: { type: Schema.Types.ObjectId, required: true },
    supersedes: { type: Schema.Types.ObjectId, ref: 'Document', default: null },
    supersededBy: { type: Schema.Types.ObjectId, ref: 'Document', default: null },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** Soft delete: the record stays for the history, the bytes are removed. */
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// The vault page (newest first, by kind) and the dedup lookup by hash.
documentSchema.index({ organisation: 1, deletedAt: 1, createdAt: -1 });
documentSchema.index({ organisation: 1, kind: 1, deletedAt: 1, createdAt: -1 });
documentSchema.index({ organisation: 1, sha256: 1 });
documentSchema.index({ fileId: 1 });

export type DocumentDoc = InferSchemaType<typeof documentSchema> & { _id: Types.ObjectId; createdAt: Date };
export const DocumentModel = model('Document', documentSchema);

/** Bytes stored per organisation, moved by single-document conditional updates (the quota's guard). */
const storageUsageSchema = new Schema(
  {
    organisation: { type: Schema.Types.ObjectId, ref: 'Organisation', required: true },
    usedBytes: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: true },
);
storageUsageSchema.index({ organisation: 1 }, { unique: true });
export type StorageUsageDoc = InferSchemaType<typeof storageUsageSchema> & { _id: Types.ObjectId };
export const StorageUsageModel = model('DocumentStorageUsage', storageUsageSchema);
