// The audit trail on the wire: ActivityRecord, reused by every module that exposes a `history`.
import type { AppModule } from '../module';

export const activityModule: AppModule = {
  name: 'activity',
  policies: {},
  resolvers: {
    ActivityRecord: {
      id: (a) => String(a._id),
      actor: (a, _, ctx) => (a.actor ? ctx.loaders.user.byId.load(a.actor) : null),
      changes: (a) => a.changes ?? [],
    },
    ActivityRecordConnection: {
      totalCount: (c) => c.totalCount(),
    },
  },
};
