import { AUTHENTICATED, PUBLIC, roles } from '../../auth/policy';
import { isStaff, type Viewer } from '../../auth/viewer';
import { continueAs, type Context } from '../../context';
import { payload } from '../../shared/payload';
import { firstOf } from '../../shared/pagination';
import type { AppModule } from '../module';
import type { UserParent } from '../parents';
import { visibleOrganisation } from '../organisation/organisation.service';
import { login, toViewer } from './user.service';
import { changePassword, register, requestPasswordReset, resendVerificationEmail, resetPassword, verifyEmail } from './account.service';
import { createAccount, listAccounts, updateAccount } from './admin.service';

/** The one shape of the requests that must not tell whether an account exists. */
const accountRequest = (run: () => Promise<string>) =>
  payload('message', run).then((p) => ({ accepted: !p.errors.length, message: p.message, errors: p.errors }));

/** A stored field of the account behind a parent (a document has it; the viewer's shape is read through the loader). */
async function accountField<K extends 'emailVerified' | 'disabled'>(u: UserParent, key: K, ctx: Context) {
  if ('_id' in u) return u[key];
  return (await ctx.loaders.user.byId.load(u.id))?.[key];
}

const asViewer = (u: UserParent): Viewer => ('_id' in u ? toViewer(u) : u);
const canSeeAccount = (ctx: Context, u: Viewer) => !!ctx.viewer && (ctx.viewer.id === u.id || isStaff(ctx.viewer));

export const userModule: AppModule = {
  name: 'user',
  policies: {
    Query: { me: AUTHENTICATED, users: roles('ADMIN') },
    Mutation: {
      login: PUBLIC,
      register: PUBLIC,
      verifyEmail: PUBLIC,
      resendVerificationEmail: PUBLIC,
      requestPasswordReset: PUBLIC,
      resetPassword: PUBLIC,
      changePassword: AUTHENTICATED,
      createUser: roles('ADMIN'),
      updateUser: roles('ADMIN'),
    },
  },
  resolvers: {
    Query: {
      me: (_, __, ctx) => ctx.viewer,
      users: (_, args) => listAccounts(args.filter, args),
    },
    Mutation: {
      register: (_, args, ctx) => accountRequest(() => register(ctx, args.input)),
      resendVerificationEmail: (_, args, ctx) => accountRequest(() => resendVerificationEmail(ctx, args.email)),
      requestPasswordReset: (_, args, ctx) => accountRequest(() => requestPasswordReset(ctx, args.email)),
      verifyEmail: (_, args) => payload('user', () => verifyEmail(args.token)),
      resetPassword: (_, args, ctx) => payload('user', () => resetPassword(ctx, args.token, args.newPassword)),
      changePassword: async (_, args, ctx) => {
        const p = await payload('changed', () => changePassword(ctx, args.currentPassword, args.newPassword));
        return {
          token: p.changed?.token ?? null,
          expiresAt: p.changed ? new Date(Date.now() + ctx.config.jwtTtlSeconds * 1000) : null,
          user: p.changed?.user ?? null,
          errors: p.errors,
        };
      },
      createUser: (_, args, ctx) => payload('user', () => createAccount(ctx, args.input)),
      updateUser: (_, args, ctx) => payload('user', () => updateAccount(ctx, args.id, args.input)),
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
      emailVerified: async (u, _, ctx) => (canSeeAccount(ctx, asViewer(u)) ? (await accountField(u, 'emailVerified', ctx)) !== false : null),
      disabled: async (u, _, ctx) => (canSeeAccount(ctx, asViewer(u)) ? !!(await accountField(u, 'disabled', ctx)) : null),
      memberships: (u, args, ctx) =>
        firstOf(args.first, () => {
          const v = asViewer(u);
          if (!canSeeAccount(ctx, v)) return null;
          return v.memberships.map((m) => ({ ...m, status: 'ACTIVE' as const, user: v }));
        }),
      invitations: (u, args, ctx) =>
        firstOf(args.first, () => {
          const v = asViewer(u);
          if (!canSeeAccount(ctx, v)) return null;
          return (v.invitations ?? []).map((m) => ({ ...m, status: 'INVITED' as const, user: v }));
        }),
    },
    UserConnection: {
      totalCount: (c) => c.totalCount(),
    },
    Membership: {
      status: (m) => m.status ?? 'ACTIVE',
      organisation: (m, _, ctx) => visibleOrganisation(ctx, m.organisationId),
    },
  },
};
