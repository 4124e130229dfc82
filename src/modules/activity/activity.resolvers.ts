// The audit trail on the wire: ActivityRecord, reused by every module that exposes a `history`.
import type { AppModule } from '../module';

export const activityModule: AppModule = {
  name: 'activity',
  policies: {},
  resolvers: {
    ActivityRecord: {
      id: (a) => String(a._id),
      actor: (a, _, ctx) => (a.actor ? ctx.loaders.user.byId.load(a.actor) : null),
      // Declared @listSize(assumedSize: 50): one entry per input field an edit changed, far fewer.
      changes: (a) => (a.changes ?? []).slice(0, 50),
    },
    ActivityRecordConnection: {
      totalCount: (c) => c.totalCount(),
    },
  },
};
