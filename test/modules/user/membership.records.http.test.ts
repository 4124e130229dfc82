// A member added by staff is recorded in the organisation's trail (issue 9, finding 2), and the record is
// written in the same update as the membership: a crash right after that write (here, the trail refusing
// the copy) leaves the record waiting on the account, and the next reader of the organisation's history
// finds it there. No membership ever stands without its record.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { ctxFor } from '../grants/fixtures';
import { addOrganisationMember } from '../../../src/modules/organisation/organisation.service';
import { ActivityModel } from '../../../src/modules/activity/activity.model';
import { UserModel } from '../../../src/modules/user/user.model';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => jest.restoreAllMocks());

const HISTORY = `query($id: ID!) { organisation(id: $id) { history(first: 10) { totalCount edges { node { action actor { id } changes { field before after } } } } } }`;

describe('a member added by staff', () => {
  it('is never a membership without its record: a crash before the copy leaves the record on the account, and the history shows it', async () => {
    const org = await makeOrganisation();
    const officer = await makeUser({ role: 'OFFICER' });
    const person = await makeUser({ role: 'MEMBER', name: 'Inès Martin' });
    // The process dies as the trail is written: the first insert into the trail fails.
    jest.spyOn(ActivityModel.collection, 'insertOne').mockRejectedValueOnce(new Error('process killed'));
    await expect(addOrganisationMember(ctxFor(officer.user), { organisationId: String(org._id), email: person.user.email, role: 'MANAGER' })).rejects.toThrow(
      'process killed',
    );
    jest.restoreAllMocks();

    // The membership was written, and its record with it.
    const stored = await UserModel.findById(person.user._id).select('+activityOutbox').lean<{ memberships: unknown[]; activityOutbox?: unknown[] }>();
    expect(stored!.memberships).toEqual([expect.objectContaining({ organisation: org._id, role: 'MANAGER', status: 'ACTIVE' })]);
    expect(stored!.activityOutbox).toEqual([expect.objectContaining({ action: 'ADD_MEMBER', objectId: org._id })]);
    expect(await ActivityModel.countDocuments({ objectId: org._id })).toBe(0);

    // The officer reading the organisation's history sees who added whom.
    const history = dataOf(await server.gql(HISTORY, { id: String(org._id) }, officer.token)).organisation.history;
    expect(history.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { action: 'ADD_MEMBER', actor: { id: officer.id }, changes: [{ field: 'members', before: null, after: 'Inès Martin (MANAGER)' }] },
    ]);
    // Copied once: reading again adds nothing, and the account holds nothing more.
    expect(dataOf(await server.gql(HISTORY, { id: String(org._id) }, officer.token)).organisation.history.totalCount).toBe(1);
    const after = await UserModel.findById(person.user._id).select('+activityOutbox').lean<{ activityOutbox?: unknown[] }>();
    expect(after!.activityOutbox).toEqual([]);
  });

  it('lands in the trail at once when nothing fails, and a refused add (already a member) writes no record', async () => {
    const org = await makeOrganisation();
    const admin = await makeUser({ role: 'ADMIN' });
    const person = await makeUser({ role: 'MEMBER', name: 'Paul Roux' });
    const add = () => addOrganisationMember(ctxFor(admin.user), { organisationId: String(org._id), email: person.user.email });
    await add();
    await expect(add()).rejects.toMatchObject({ code: 'CONFLICT' });
    const trail = await ActivityModel.find({ objectId: org._id }).lean();
    expect(trail.map((a) => [a.action, String(a.actor), a.changes?.[0]?.after])).toEqual([['ADD_MEMBER', admin.id, 'Paul Roux (EDITOR)']]);
    expect((await UserModel.findById(person.user._id).select('+activityOutbox').lean<{ activityOutbox?: unknown[] }>())!.activityOutbox).toEqual([]);
  });
});
