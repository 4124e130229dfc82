// Neighbourhoods of the city, with their (approximate) shapes; priority ones are the QPV.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { bumpsVersion } from '../../shared/versions';

const neighbourhoodSchema = new Schema({
  code: { type: String, required: true, match: /^[a-z0-9-]{2,60}$/ },
  name: { type: String, required: true, maxlength: 120 },
  /** Quartier prioritaire de la politique de la ville. */
  isPriority: { type: Boolean, required: true, default: false },
  population: { type: Number, min: 0 },
  geometry: {
    type: { type: String, enum: ['Polygon', 'MultiPolygon'], required: true },
    coordinates: { type: Schema.Types.Mixed, required: true },
  },
});
neighbourhoodSchema.index({ code: 1 }, { unique: true });
// Every write replaces the reference version, so each instance's cached lists know they are stale.
neighbourhoodSchema.plugin(bumpsVersion('reference'));
neighbourhoodSchema.index({ geometry: '2dsphere' });

export type NeighbourhoodDoc = InferSchemaType<typeof neighbourhoodSchema> & { _id: Types.ObjectId };
export const NeighbourhoodModel = model('Neighbourhood', neighbourhoodSchema);
