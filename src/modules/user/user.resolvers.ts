import { AUTHENTICATED, PUBLIC } from '../../auth/policy';
import { isStaff, type Viewer } from '../../auth/viewer';
import type { Context } from '../../context';
import { payload } from '../../shared/payload';
import type { AppModule } from '../module';
import { visibleOrganisation } from '../organisation/organisation.service';
import { login, toViewer } from './user.service';
import type { UserDoc } from './user.model';

type UserSource = Viewer | UserDoc;
const asViewer = (u: UserSource): Viewer => ('_id' in u ? toViewer(u) : u);
const canSeeAccount = (ctx: Context, u: Viewer) => !!ctx.viewer && (ctx.viewer.id === u.id || isStaff(ctx.viewer));

export const userModule: AppModule = {
  name: 'user',
  policies: {
    Query: { me: AUTHENTICATED },
    Mutation: { login: PUBLIC },
  },
  resolvers: {
    Query: {
      me: (_: unknown, __: unknown, ctx: Context) => ctx.viewer,
    },
    Mutation: {
      login: (_: unknown, args: { email: string; password: string }, ctx: Context) =>
        // Wrong credentials are an expected refusal: they come back in `errors`, not as a GraphQL error.
        payload('session', () => login(args.email, args.password, { ...ctx.config, gate: ctx.signIn }), { alsoInPayload: ['UNAUTHENTICATED'] }).then((p) => {
          // The rest of this response is read as the person who just signed in.
          if (p.session) ctx.viewer = p.session.user;
          return {
          token: p.session?.token ?? null,
          user: p.session?.user ?? null,
          expiresAt: p.session ? new Date(Date.now() + ctx.config.jwtTtlSeconds * 1000) : null,
          errors: p.errors,
          };
        }),
    },
    User: {
      id: (u: UserSource) => asViewer(u).id,
      email: (u: UserSource, _: unknown, ctx: Context) => (canSeeAccount(ctx, asViewer(u)) ? asViewer(u).email : null),
      memberships: (u: UserSource, _: unknown, ctx: Context) => {
        const v = asViewer(u);
        if (!canSeeAccount(ctx, v)) return null;
        return v.memberships.map((m) => ({ ...m, status: 'ACTIVE', user: v }));
      },
      invitations: (u: UserSource, _: unknown, ctx: Context) => {
        const v = asViewer(u);
        if (!canSeeAccount(ctx, v)) return null;
        return (v.invitations ?? []).map((m) => ({ ...m, status: 'INVITED', user: v }));
      },
    },
    Membership: {
      status: (m: { status?: string }) => m.status ?? 'ACTIVE',
      organisation: (m: { organisationId: string }, _: unknown, ctx: Context) => visibleOrganisation(ctx, m.organisationId),
    },
  },
};
