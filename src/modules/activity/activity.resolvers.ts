// The audit trail on the wire: ActivityRecord, reused by every module that exposes a `history`.
import type { Context } from '../../context';
import type { AppModule } from '../module';
import type { ActivityDoc } from './activity.model';

export const activityModule: AppModule = {
  name: 'activity',
  policies: {},
  resolvers: {
    ActivityRecord: {
      id: (a: ActivityDoc) => String(a._id),
      actor: (a: ActivityDoc, _: unknown, ctx: Context) => (a.actor ? ctx.loaders.userById.load(a.actor) : null),
    },
  },
};
