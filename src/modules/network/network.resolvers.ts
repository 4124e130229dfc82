import { AUTHENTICATED, PUBLIC } from '../../auth/policy';
import type { Context } from '../../context';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import type { OrganisationDoc } from '../organisation/organisation.model';
import { canSeeOrganisation } from '../organisation/organisation.policy';
import { canManagePartnership } from './network.policy';
import { createPartnership, endPartnership, network, partnershipsOf, type NetworkFilter, type PartnershipInput } from './network.service';
import type { PartnershipDoc } from './partnership.model';

/** An end of a partnership, or null when the viewer may not see that organisation (a private one). */
async function visibleEnd(ctx: Context, id: unknown) {
  const org = await ctx.loaders.organisationById.load(id);
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
      network: (_: unknown, args: { filter?: NetworkFilter }, ctx: Context) => network(ctx, args.filter),
    },
    Mutation: {
      createPartnership: (_: unknown, args: { input: PartnershipInput }, ctx: Context) =>
        payload('partnership', () => createPartnership(ctx, args.input)),
      endPartnership: (_: unknown, args: { id: string; until?: string }, ctx: Context) =>
        payload('partnership', () => endPartnership(ctx, args.id, args.until)),
    },
    Organisation: {
      partnerships: (o: OrganisationDoc, _: unknown, ctx: Context) => partnershipsOf(ctx, o),
    },
    Partnership: {
      id: (p: PartnershipDoc) => String(p._id),
      from: (p: PartnershipDoc, _: unknown, ctx: Context) => visibleEnd(ctx, p.from),
      to: (p: PartnershipDoc, _: unknown, ctx: Context) => visibleEnd(ctx, p.to),
      since: (p: PartnershipDoc) => p.since ?? null,
      until: (p: PartnershipDoc) => p.until ?? null,
      description: (p: PartnershipDoc) => p.description ?? '',
      isActive: (p: PartnershipDoc) => p.active,
      permissions: (p: PartnershipDoc, _: unknown, ctx: Context) => ({ canEnd: p.active && canManagePartnership(ctx.viewer, p) }),
    },
  },
};
