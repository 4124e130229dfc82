import { AUTHENTICATED, PUBLIC } from '../../auth/policy';
import type { Context } from '../../context';
import type { Connection, PageArgs } from '../../shared/pagination';
import { loadMany } from '../../shared/loaders';
import { payload } from '../../shared/payload';
import { nullIfNotFound } from '../../errors/app-error';
import type { AppModule } from '../module';
import { toViewer } from '../user/user.service';
import type { OrganisationDoc } from './organisation.model';
import { canEditOrganisation, canManageMembers, canSeeMembers, canSeePrivate } from './organisation.policy';
import {
  acceptMembership,
  addOrganisationMember,
  declineMembership,
  createOrganisation,
  getOrganisation,
  searchOrganisations,
  updateOrganisation,
  type OrganisationFilter,
  type OrganisationInput,
} from './organisation.service';

type Org = OrganisationDoc;

export const organisationModule: AppModule = {
  name: 'organisation',
  policies: {
    Query: { organisations: PUBLIC, organisation: PUBLIC },
    Mutation: {
      createOrganisation: AUTHENTICATED,
      updateOrganisation: AUTHENTICATED,
      addOrganisationMember: AUTHENTICATED,
      acceptMembership: AUTHENTICATED,
      declineMembership: AUTHENTICATED,
    },
  },
  resolvers: {
    Query: {
      organisations: (_: unknown, args: PageArgs & { filter?: OrganisationFilter }, ctx: Context) =>
        searchOrganisations(ctx, args.filter, args),
      organisation: (_: unknown, args: { id: string }, ctx: Context) => nullIfNotFound(() => getOrganisation(ctx, args.id)),
    },
    Mutation: {
      createOrganisation: (_: unknown, args: { input: OrganisationInput }, ctx: Context) =>
        payload('organisation', () => createOrganisation(ctx, args.input)),
      updateOrganisation: (_: unknown, args: { id: string; input: OrganisationInput }, ctx: Context) =>
        payload('organisation', () => updateOrganisation(ctx, args.id, args.input)),
      addOrganisationMember: async (_: unknown, args: { input: Parameters<typeof addOrganisationMember>[1] }, ctx: Context) => {
        const p = await payload('added', () => addOrganisationMember(ctx, args.input));
        return { membership: p.added?.membership ?? null, invited: p.added?.invited ?? false, errors: p.errors };
      },
      acceptMembership: async (_: unknown, args: { organisationId: string }, ctx: Context) => {
        const p = await payload('membership', () => acceptMembership(ctx, args.organisationId));
        return { ...p, invited: false };
      },
      declineMembership: async (_: unknown, args: { organisationId: string }, ctx: Context) => {
        const p = await payload('declined', () => declineMembership(ctx, args.organisationId));
        return { membership: null, invited: false, errors: p.errors };
      },
    },
    OrganisationConnection: {
      totalCount: (c: Connection<Org>) => c.totalCount(),
    },
    Organisation: {
      id: (o: Org) => String(o._id),
      description: (o: Org) => o.description ?? '',
      domains: (o: Org, _: unknown, ctx: Context) => loadMany(ctx.loaders.domainById, o.domains),
      neighbourhoods: (o: Org, _: unknown, ctx: Context) => loadMany(ctx.loaders.neighbourhoodById, o.neighbourhoods),
      servesPriorityNeighbourhood: async (o: Org, _: unknown, ctx: Context) =>
        (await loadMany(ctx.loaders.neighbourhoodById, o.neighbourhoods)).some((n) => n.isPriority),
      location: (o: Org) => (o.location?.coordinates?.length === 2 ? { lng: o.location.coordinates[0], lat: o.location.coordinates[1] } : null),
      address: (o: Org) => (o.address && Object.values(o.address).some(Boolean) ? o.address : null),
      privateContact: (o: Org, _: unknown, ctx: Context) => (canSeePrivate(ctx.viewer, o) ? (o.privateContact ?? null) : null),
      iban: (o: Org, _: unknown, ctx: Context) => (canSeePrivate(ctx.viewer, o) ? (o.iban ?? null) : null),
      labels: (o: Org) => o.labels ?? [],
      members: async (o: Org, _: unknown, ctx: Context) => {
        if (!canSeeMembers(ctx.viewer, o)) return null;
        const users = await ctx.loaders.usersByOrganisation.load(o._id);
        // Active members only: a pending invitation grants nothing and is the invitee's to see.
        return users.flatMap((u) => {
          const m = u.memberships.find((x) => String(x.organisation) === String(o._id));
          if (!m || m.status === 'INVITED') return [];
          return [{ organisationId: String(o._id), role: m.role, title: m.title ?? null, status: 'ACTIVE', user: toViewer(u) }];
        });
      },
      permissions: (o: Org, _: unknown, ctx: Context) => ({
        canEdit: canEditOrganisation(ctx.viewer, o),
        canManageMembers: canManageMembers(ctx.viewer, o),
        canSeePrivate: canSeePrivate(ctx.viewer, o),
      }),
    },
  },
};
