import { AUTHENTICATED, PUBLIC } from '../../auth/policy';
import type { Context } from '../../context';
import { payload } from '../../shared/payload';
import { firstOf } from '../../shared/pagination';
import type { AppModule } from '../module';
import { canSeeOrganisation } from '../organisation/organisation.policy';
import { actorOf } from '../organisation/organisation.actor';
import { canManagePartnership, endPartnershipRefusal } from './network.policy';
import { createPartnership, endPartnership, network, partnershipsOf } from './network.service';

/** An end of a partnership, or null when the viewer may not see that organisation (a private one). */
async function visibleEnd(ctx: Context, id: unknown) {
  const org = await ctx.loaders.organisation.byId.load(id);
  return org && canSeeOrganisation(ctx.viewer, org) ? org : null;
}

export const networkModule: AppModule = {
  name: 'network',
  policies: {
    Query: { network: PUBLIC },
    Mutation: { createPartnership: AUTHENTICATED, endPartnership: AUTHENTICATED },
  },
  resolvers: {
    Query: {
      network: (_, args, ctx) => network(ctx, args.filter),
    },
    Mutation: {
      createPartnership: (_, args, ctx) => payload('partnership', () => createPartnership(ctx, args.input)),
      endPartnership: (_, args, ctx) => payload('partnership', () => endPartnership(ctx, args.id, args.until)),
    },
    Organisation: {
      partnerships: (o, args, ctx) => firstOf(args.first, () => partnershipsOf(ctx, o)),
    },
    Partnership: {
      id: (p) => String(p._id),
      from: (p, _, ctx) => visibleEnd(ctx, p.from),
      to: (p, _, ctx) => visibleEnd(ctx, p.to),
      since: (p) => p.since ?? null,
      until: (p) => p.until ?? null,
      description: (p) => p.description ?? '',
      isActive: (p) => p.active,
      permissions: async (p, _, ctx) => {
        if (!p.active || !canManagePartnership(ctx.viewer, p)) return { canEnd: false };
        const [actor, from, to] = await Promise.all([actorOf(ctx), ctx.loaders.organisation.byId.load(p.from), ctx.loaders.organisation.byId.load(p.to)]);
        return { canEnd: !endPartnershipRefusal(actor, from ?? { _id: p.from }, to ?? { _id: p.to }) };
      },
    },
  },
};
