// Domains of action: a small tree, each node tied to the city programme's proposal it serves (12 to 23).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { bumpsVersion } from '../../shared/versions';

/** A domain's code: 2 to 60 lower-case letters, digits and dashes. */
export const DOMAIN_CODE = /^[a-z0-9-]{2,60}$/;

const domainSchema = new Schema({
  /** Stable, human-readable key used by seeds, imports and URLs (e.g. `ess`, `culture-occitan`). */
  code: { type: String, required: true, match: DOMAIN_CODE },
  name: { type: String, required: true, maxlength: 120 },
  description: { type: String, maxlength: 1000 },
  parent: { type: Schema.Types.ObjectId, ref: 'Domain', default: null },
  proposal: { type: Number, required: true, min: 1, max: 99 },
  /** Set when an admin archives it: gone from the lists and filters, still named on the records that carry it. */
  archivedAt: { type: Date, default: null },
  /** Trail records written with the change, copied into the activity trail just after (reference.history.ts). */
  activityOutbox: { type: [Schema.Types.Mixed], default: undefined, select: false },
});
domainSchema.index({ code: 1 }, { unique: true });
// Every write replaces the reference version, so each instance's cached lists know they are stale.
domainSchema.plugin(bumpsVersion('reference'));
domainSchema.index({ parent: 1 });

export type DomainDoc = InferSchemaType<typeof domainSchema> & { _id: Types.ObjectId };
export const DomainModel = model('Domain', domainSchema);
