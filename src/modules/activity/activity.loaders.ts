// Histories by object id, one query per batch (no N+1 on lists that show `history`).
import { groupByLoader } from '../../shared/loaders';
import { ActivityModel, type ActivityDoc } from './activity.model';

export function createActivityLoaders() {
  return {
    byObject: groupByLoader<ActivityDoc & Record<string, unknown>>(ActivityModel, 'objectId', { sort: { at: 1, _id: 1 } }),
  };
}
