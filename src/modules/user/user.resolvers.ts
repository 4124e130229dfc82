import { AUTHENTICATED, PUBLIC } from '../../auth/policy';
import { isStaff, type Viewer } from '../../auth/viewer';
import { continueAs, type Context } from '../../context';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import type { UserParent } from '../parents';
import { visibleOrganisation } from '../organisation/organisation.service';
import { login, toViewer } from './user.service';

const asViewer = (u: UserParent): Viewer => ('_id' in u ? toViewer(u) : u);
const canSeeAccount = (ctx: Context, u: Viewer) => !!ctx.viewer && (ctx.viewer.id === u.id || isStaff(ctx.viewer));

export const userModule: AppModule = {
  name: 'user',
  policies: {
    Query: { me: AUTHENTICATED },
    Mutation: { login: PUBLIC },
  },
  resolvers: {
    Query: {
      me: (_, __, ctx) => ctx.viewer,
    },
    Mutation: {
      login: (_, args, ctx) =>
        // Wrong credentials are an expected refusal: they come back in `errors`, not as a GraphQL error.
        payload('session', () => login(args.email, args.password, { ...ctx.config, gate: ctx.signIn }), { alsoInPayload: ['UNAUTHENTICATED'] }).then((p) => {
          // The rest of this response is read as the person who just signed in.
          if (p.session) continueAs(ctx, p.session.user);
          return {
          token: p.session?.token ?? null,
          user: p.session?.user ?? null,
          expiresAt: p.session ? new Date(Date.now() + ctx.config.jwtTtlSeconds * 1000) : null,
          errors: p.errors,
          };
        }),
    },
    User: {
      id: (u) => asViewer(u).id,
      email: (u, _, ctx) => (canSeeAccount(ctx, asViewer(u)) ? asViewer(u).email : null),
      memberships: (u, _, ctx) => {
        const v = asViewer(u);
        if (!canSeeAccount(ctx, v)) return null;
        return v.memberships.map((m) => ({ ...m, status: 'ACTIVE' as const, user: v }));
      },
      invitations: (u, _, ctx) => {
        const v = asViewer(u);
        if (!canSeeAccount(ctx, v)) return null;
        return (v.invitations ?? []).map((m) => ({ ...m, status: 'INVITED' as const, user: v }));
      },
    },
    Membership: {
      status: (m) => m.status ?? 'ACTIVE',
      organisation: (m, _, ctx) => visibleOrganisation(ctx, m.organisationId),
    },
  },
};
