// Issue 11, over HTTP with a real SMTP server: an invitation to an organisation is emailed to the address
// as given, account or not, with the same reply and the same outbox row (the equal-work proof of the
// commands sent is test/modules/organisation/member-invitation.work.test.ts).
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { OutboxMessageModel } from '../../../src/modules/messaging/messaging.model';
import { UserModel } from '../../../src/modules/user/user.model';
import { PUBLIC_URL, startMailbox, type Mailbox } from './mail';

useTestDatabase();
let server: TestServer;
let mail: Mailbox;

beforeAll(async () => {
  mail = await startMailbox();
  server = await startServer({ smtpUrl: mail.smtp.url, publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  await server.close();
  await mail.close();
});

const P = 'errors { code message field }';
const ADD = `mutation($i: AddOrganisationMemberInput!) { addOrganisationMember(input: $i) { membership { role } invited ${P} } }`;

describe("a manager's invitation", () => {
  it('is emailed to the address as given, whether or not it has an account, with the same reply and the same outbox row', async () => {
    const org = await makeOrganisation({ name: 'Compagnie du Bois de l’Aune' });
    const manager = await makeUser({ name: 'Léa Manager', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const member = await makeUser({ role: 'MEMBER' });
    const stranger = 'pas.encore.inscrite@example.test';

    const replies = [];
    for (const email of [member.user.email, stranger]) {
      replies.push(dataOf(await server.gql(ADD, { i: { organisationId: String(org._id), email, role: 'EDITOR' } }, manager.token)).addOrganisationMember);
    }
    expect(replies[0]).toEqual({ membership: null, invited: true, errors: [] });
    expect(replies[1]).toEqual(replies[0]);

    const rows = await OutboxMessageModel.find({ type: 'organisation.invitation' }).sort({ to: 1 }).lean();
    expect(rows.map((r) => ({ to: r.to, user: r.user ?? null, channel: r.channel }))).toEqual(
      [member.user.email, stranger].sort().map((to) => ({ to, user: null, channel: 'EMAIL' })),
    );

    await mail.deliver();
    for (const address of [member.user.email, stranger]) {
      const received = mail.to(address);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('Léa Manager vous invite à rejoindre Compagnie du Bois de l’Aune');
      expect(received[0]).toContain(`${PUBLIC_URL}/organisations/${String(org._id)}`);
    }
    // Only the member account holds the invitation; no account was made for the stranger.
    expect((await UserModel.findById(member.user._id).lean())!.memberships).toEqual([expect.objectContaining({ status: 'INVITED' })]);
    expect(await UserModel.countDocuments({ email: stranger })).toBe(0);

    // Inviting again the same day sends nothing more.
    await server.gql(ADD, { i: { organisationId: String(org._id), email: stranger } }, manager.token);
    await mail.deliver();
    expect(mail.to(stranger)).toHaveLength(1);
  });
});
