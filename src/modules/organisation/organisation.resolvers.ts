import { AUTHENTICATED, PUBLIC, roles } from '../../auth/policy';
import { isStaff } from '../../auth/viewer';
import { loadMany } from '../../shared/loaders';
import { payload } from '../../shared/payload';
import { firstOf } from '../../shared/pagination';
import { nullIfNotFound } from '../../errors/app-error';
import type { AppModule } from '../module';
import { toViewer } from '../user/user.service';
import { connectionNodeProjection } from './organisation.projection';
import { actorOf, withActor } from './organisation.actor';
import { organisationHistory } from './organisation.history';
import { canEditOrganisation, canManageMembers, canSeeMembers, canSeePrivate } from './organisation.policy';
import {
  acceptMembership,
  addOrganisationMember,
  declineMembership,
  createOrganisation,
  getOrganisation,
  searchOrganisations,
  updateOrganisation,
  visibleOrganisation,
} from './organisation.service';
import { isVerified } from './organisation.model';
import { claimOrganisation, decideOrganisationClaim, listClaims, listRegistryClashes, verifyOrganisation } from './verification.service';

export const organisationModule: AppModule = {
  name: 'organisation',
  policies: {
    Query: { organisations: PUBLIC, organisation: PUBLIC, organisationClaims: roles('OFFICER', 'ADMIN'), organisationClashes: roles('OFFICER', 'ADMIN') },
    Mutation: {
      verifyOrganisation: roles('OFFICER', 'ADMIN'),
      claimOrganisation: AUTHENTICATED,
      decideOrganisationClaim: roles('OFFICER', 'ADMIN'),
      createOrganisation: AUTHENTICATED,
      updateOrganisation: AUTHENTICATED,
      addOrganisationMember: AUTHENTICATED,
      acceptMembership: AUTHENTICATED,
      declineMembership: AUTHENTICATED,
    },
  },
  resolvers: {
    Query: {
      // Only the document fields the query's selection needs (organisation.projection.ts).
      organisations: (_, args, ctx, info) => withActor(ctx, searchOrganisations(ctx, args.filter, args, { project: connectionNodeProjection(info) })),
      organisation: (_, args, ctx) =>
        withActor(
          ctx,
          nullIfNotFound(() => getOrganisation(ctx, args.id)),
        ),
      organisationClaims: (_, args) => listClaims(args.status, args),
      organisationClashes: (_, args) => listRegistryClashes(args),
    },
    Mutation: {
      verifyOrganisation: (_, args, ctx) => payload('organisation', () => verifyOrganisation(ctx, args.id)),
      claimOrganisation: (_, args, ctx) => payload('claim', () => claimOrganisation(ctx, args.input)),
      decideOrganisationClaim: (_, args, ctx) => payload('claim', () => decideOrganisationClaim(ctx, args.id, args.input)),
      createOrganisation: (_, args, ctx) => payload('organisation', () => createOrganisation(ctx, args.input)),
      updateOrganisation: (_, args, ctx) => payload('organisation', () => updateOrganisation(ctx, args.id, args.input)),
      addOrganisationMember: async (_, args, ctx) => {
        const p = await payload('added', () => addOrganisationMember(ctx, args.input));
        return { membership: p.added?.membership ?? null, invited: p.added?.invited ?? false, errors: p.errors };
      },
      acceptMembership: async (_, args, ctx) => {
        const p = await payload('membership', () => acceptMembership(ctx, args.organisationId));
        return { ...p, invited: false };
      },
      declineMembership: async (_, args, ctx) => {
        const p = await payload('declined', () => declineMembership(ctx, args.organisationId));
        return { membership: null, invited: false, errors: p.errors };
      },
    },
    OrganisationClaimConnection: {
      totalCount: (c) => c.totalCount(),
    },
    OrganisationClaim: {
      id: (c) => String(c._id),
      organisation: (c, _, ctx) => visibleOrganisation(ctx, c.organisation),
      // The claimant's account: the claimant and staff (who alone list claims) see it.
      claimant: async (c, _, ctx) => (isStaff(ctx.viewer) || ctx.viewer?.id === String(c.claimant) ? ctx.loaders.user.byId.load(c.claimant) : null),
      message: (c) => c.message ?? '',
      reason: (c) => c.reason ?? null,
      decidedAt: (c) => c.decidedAt ?? null,
    },
    RegistryClash: {
      rna: (r) => r.rna ?? null,
      siret: (r) => r.siret ?? null,
      organisation: (r, _, ctx) => (r.organisation ? visibleOrganisation(ctx, r.organisation) : null),
    },
    OrganisationConnection: {
      totalCount: (c) => c.totalCount(),
    },
    Organisation: {
      id: (o) => String(o._id),
      description: (o) => o.description ?? '',
      domains: (o, _, ctx) => loadMany(ctx.loaders.reference.domainById, o.domains),
      neighbourhoods: (o, _, ctx) => loadMany(ctx.loaders.reference.neighbourhoodById, o.neighbourhoods),
      servesPriorityNeighbourhood: async (o, _, ctx) => (await loadMany(ctx.loaders.reference.neighbourhoodById, o.neighbourhoods)).some((n) => n.isPriority),
      location: (o) => (o.location?.coordinates?.length === 2 ? { lng: o.location.coordinates[0], lat: o.location.coordinates[1] } : null),
      address: (o) => (o.address && Object.values(o.address).some(Boolean) ? o.address : null),
      privateContact: async (o, _, ctx) => (canSeePrivate(await actorOf(ctx), o) ? (o.privateContact ?? null) : null),
      iban: async (o, _, ctx) => (canSeePrivate(await actorOf(ctx), o) ? (o.iban ?? null) : null),
      labels: (o) => o.labels ?? [],
      members: (o, args, ctx) =>
        firstOf(args.first, async () => {
          if (!canSeeMembers(await actorOf(ctx), o)) return null;
          const users = await ctx.loaders.user.byOrganisation.load(o._id);
          // Active members only: a pending invitation grants nothing and is the invitee's to see.
          return users.flatMap((u) => {
            const m = u.memberships.find((x) => String(x.organisation) === String(o._id));
            if (!m || m.status === 'INVITED') return [];
            return [{ organisationId: String(o._id), role: m.role, title: m.title ?? null, status: 'ACTIVE', user: toViewer(u) }];
          });
        }),
      isVerified: (o) => isVerified(o),
      registryClash: (o, _, ctx) => (isStaff(ctx.viewer) && o.registryClash?.detectedAt ? o.registryClash : null),
      history: async (o, args, ctx) => (canSeePrivate(await actorOf(ctx), o) ? organisationHistory(o._id, args) : null),
      permissions: async (o, _, ctx) => {
        const actor = await actorOf(ctx);
        return {
          canEdit: canEditOrganisation(actor, o),
          canManageMembers: canManageMembers(actor, o),
          canSeePrivate: canSeePrivate(actor, o),
        };
      },
    },
  },
};
