// Neighbourhoods of the city with their shapes (imported from a published file, or drawn); priority ones are the QPV.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { bumpsVersion } from '../../shared/versions';

/** Letters, digits, dashes, underscores and dots, starting with a letter or a digit: QPV, IRIS and district codes, or slugs. */
export const NEIGHBOURHOOD_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,59}$/;

const neighbourhoodSchema = new Schema({
  /** The official code when there is one (a QPV code such as QN01305M, an IRIS code), else a slug. */
  code: { type: String, required: true, match: NEIGHBOURHOOD_CODE },
  name: { type: String, required: true, maxlength: 120 },
  /** Quartier prioritaire de la politique de la ville. */
  isPriority: { type: Boolean, required: true, default: false },
  population: { type: Number, min: 0 },
  geometry: {
    type: { type: String, enum: ['Polygon', 'MultiPolygon'], required: true },
    coordinates: { type: Schema.Types.Mixed, required: true },
  },
  /** Set when an admin archives it: gone from the lists, filters and the city's bounds, still named on past records. */
  archivedAt: { type: Date, default: null },
  /** Trail records written with the change, copied into the activity trail just after (reference.history.ts). */
  activityOutbox: { type: [Schema.Types.Mixed], default: undefined, select: false },
});
neighbourhoodSchema.index({ code: 1 }, { unique: true });
// Every write replaces the reference version, so each instance's cached lists know they are stale.
neighbourhoodSchema.plugin(bumpsVersion('reference'));
neighbourhoodSchema.index({ geometry: '2dsphere' });

export type NeighbourhoodDoc = InferSchemaType<typeof neighbourhoodSchema> & { _id: Types.ObjectId };
export const NeighbourhoodModel = model('Neighbourhood', neighbourhoodSchema);
