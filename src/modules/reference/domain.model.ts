// Domains of action: a small tree, each node tied to the city programme's proposal it serves (12 to 23).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { bumpsVersion } from '../../shared/versions';

const domainSchema = new Schema({
  /** Stable, human-readable key used by seeds, imports and URLs (e.g. `ess`, `culture-occitan`). */
  code: { type: String, required: true, match: /^[a-z0-9-]{2,60}$/ },
  name: { type: String, required: true, maxlength: 120 },
  description: { type: String, maxlength: 1000 },
  parent: { type: Schema.Types.ObjectId, ref: 'Domain', default: null },
  proposal: { type: Number, required: true, min: 1, max: 99 },
});
domainSchema.index({ code: 1 }, { unique: true });
// Every write replaces the reference version, so each instance's cached lists know they are stale.
domainSchema.plugin(bumpsVersion('reference'));
domainSchema.index({ parent: 1 });

export type DomainDoc = InferSchemaType<typeof domainSchema> & { _id: Types.ObjectId };
export const DomainModel = model('Domain', domainSchema);
