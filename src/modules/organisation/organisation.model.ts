// Organisations of the social and solidarity economy: associations, cooperatives, mutuals, foundations...
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { bumpsVersion } from '../../shared/versions';

export const LEGAL_FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUAL', 'FOUNDATION', 'ESUS_COMPANY', 'OTHER'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const ORGANISATION_STATUSES = ['ACTIVE', 'DISSOLVED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

const pointSchema = new Schema(
  {
    type: { type: String, enum: ['Point'], required: true },
    /** [longitude, latitude], as GeoJSON has it. */
    coordinates: { type: [Number], required: true },
  },
  { _id: false },
);

const organisationSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 200 },
    /** Lower case without accents: the sort key of the directory. */
    nameKey: { type: String, required: true },
    acronym: { type: String, maxlength: 30 },
    legalForm: { type: String, enum: LEGAL_FORMS, required: true },
    rna: { type: String },
    siret: { type: String },
    /** The organisation's purpose ("objet"). */
    description: { type: String, maxlength: 5000, default: '' },
    domains: { type: [Schema.Types.ObjectId], ref: 'Domain', default: [] },
    neighbourhoods: { type: [Schema.Types.ObjectId], ref: 'Neighbourhood', default: [] },
    address: {
      street: { type: String, maxlength: 200 },
      postcode: { type: String, maxlength: 10 },
      city: { type: String, maxlength: 100 },
    },
    location: { type: pointSchema, default: undefined },
    website: { type: String, maxlength: 300 },
    publicEmail: { type: String, maxlength: 254 },
    publicPhone: { type: String, maxlength: 30 },
    /** Private: visible to the organisation's members, officers and admins only. */
    privateContact: {
      name: { type: String, maxlength: 120 },
      email: { type: String, maxlength: 254 },
      phone: { type: String, maxlength: 30 },
    },
    /** Private: visible to the organisation's members, officers and admins only. */
    iban: { type: String, maxlength: 34 },
    headcount: {
      staff: { type: Number, min: 0 },
      volunteers: { type: Number, min: 0 },
      members: { type: Number, min: 0 },
    },
    labels: { type: [String], default: [] },
    status: { type: String, enum: ORGANISATION_STATUSES, required: true, default: 'ACTIVE' },
    isPublic: { type: Boolean, required: true, default: true },
    /** Where the record came from, and which fields people edited here (an import never overwrites those). */
    source: { type: String, enum: ['MAILLAGE', 'RNA'], default: 'MAILLAGE' },
    locallyEditedFields: { type: [String], default: [] },
    registryUpdatedAt: { type: Date },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    /** Trail records written with an edit, until copied into the audit trail (organisation.history.ts). */
    activityOutbox: { type: [Schema.Types.Mixed], default: undefined, select: false },
    /**
     * False while an organisation created by a member is not checked by an officer (verifyOrganisation): no
     * grant is approved for it and the registry import never merges into it. Absent on records made before
     * verification existed, imported or seeded: those count as verified (see isVerified()).
     */
    isVerified: { type: Boolean },
    verifiedAt: { type: Date },
    verifiedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    /**
     * The registry brought an association whose identifier this unverified record had taken: the real one
     * was imported beside it (`organisation`), and the identifier moved there. Shown to officers.
     */
    registryClash: {
      type: new Schema(
        {
          rna: { type: String },
          siret: { type: String },
          organisation: { type: Schema.Types.ObjectId, ref: 'Organisation' },
          detectedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { timestamps: true },
);

// Identifiers are unique when present (partial indexes: absent values do not collide).
organisationSchema.index({ rna: 1 }, { unique: true, partialFilterExpression: { rna: { $type: 'string' } } });
organisationSchema.index({ siret: 1 }, { unique: true, partialFilterExpression: { siret: { $type: 'string' } } });
organisationSchema.index(
  { name: 'text', acronym: 'text', description: 'text' },
  { weights: { name: 10, acronym: 10, description: 2 }, default_language: 'french', name: 'organisation_text' },
);
organisationSchema.index({ location: '2dsphere' });
organisationSchema.index({ nameKey: 1, _id: 1 });
organisationSchema.index({ isPublic: 1, status: 1, nameKey: 1 });
organisationSchema.index({ domains: 1, nameKey: 1 });
organisationSchema.index({ neighbourhoods: 1, nameKey: 1 });
organisationSchema.index({ legalForm: 1 });
// Officers' list of clashes with the registry (few documents: only those with a clash are indexed).
organisationSchema.index({ 'registryClash.detectedAt': -1 }, { partialFilterExpression: { 'registryClash.detectedAt': { $type: 'date' } } });
// Every write replaces the organisations' data version: each instance's cached counts and searches know they are stale.
organisationSchema.plugin(bumpsVersion('organisations'));

export type OrganisationDoc = InferSchemaType<typeof organisationSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const OrganisationModel = model('Organisation', organisationSchema);

/** Verified unless explicitly not: records older than verification (seeded, imported) are verified. */
export const isVerified = (org: { isVerified?: boolean | null }): boolean => org.isVerified !== false;
