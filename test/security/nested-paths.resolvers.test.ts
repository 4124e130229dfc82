// The organisation behind a membership or an application is checked where it is resolved, not only by
// the paths that lead there today: a path opened tomorrow (a public list of decided grants, another
// person's memberships) cannot reveal a private organisation.
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { ctxFor } from '../modules/grants/fixtures';
import { userModule } from '../../src/modules/user/user.resolvers';
import { grantsModule } from '../../src/modules/grants/grants.resolvers';

useTestDatabase();

type Resolve = (source: unknown, args: unknown, ctx: unknown) => Promise<{ _id: unknown } | null>;
const membershipOrganisation = (userModule.resolvers.Membership as Record<string, Resolve>).organisation!;
const applicationOrganisation = (grantsModule.resolvers.GrantApplication as Record<string, Resolve>).organisation!;

describe('an organisation reached through a membership or an application', () => {
  it('is null for a viewer who may not see the private organisation, and the organisation for those who may', async () => {
    const priv = await makeOrganisation({ isPublic: false });
    const pub = await makeOrganisation();
    const outsider = (await makeUser({ role: 'MEMBER' })).user;
    const member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: priv._id }] })).user;
    const officer = (await makeUser({ role: 'OFFICER' })).user;
    for (const [resolve, source] of [
      [membershipOrganisation, { organisationId: String(priv._id) }],
      [applicationOrganisation, { organisation: priv._id }],
    ] as const) {
      expect(await resolve(source, {}, ctxFor(outsider))).toBeNull();
      expect(await resolve(source, {}, ctxFor(null))).toBeNull();
      expect(String((await resolve(source, {}, ctxFor(member)))?._id)).toBe(String(priv._id));
      expect(String((await resolve(source, {}, ctxFor(officer)))?._id)).toBe(String(priv._id));
    }
    expect(String((await membershipOrganisation({ organisationId: String(pub._id) }, {}, ctxFor(null)))?._id)).toBe(String(pub._id));
    expect(String((await applicationOrganisation({ organisation: pub._id }, {}, ctxFor(outsider)))?._id)).toBe(String(pub._id));
  });
});
