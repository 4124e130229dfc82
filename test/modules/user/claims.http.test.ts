// Issue 11's claims, over HTTP with a real SMTP server: a claim rejected because another one was approved
// is told to its author; and two officers approving two different claims on one organisation at the same
// time cannot both succeed (real concurrent requests, several rounds).
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { OrganisationClaimModel } from '../../../src/modules/organisation/organisation-claim.model';
import { RIVAL_APPROVED_REASON } from '../../../src/modules/organisation/verification.service';
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
const CLAIM = `mutation($input: ClaimOrganisationInput!) { claimOrganisation(input: $input) { claim { id status } ${P} } }`;
const DECIDE = `mutation($id: ID!, $input: DecideOrganisationClaimInput!) { decideOrganisationClaim(id: $id, input: $input) { claim { id status } ${P} } }`;

describe('claims on one organisation', () => {
  it('tells the author of a claim rejected because another was approved, with the reason, once', async () => {
    const org = await makeOrganisation({ name: 'Les Amis de la Torse', source: 'RNA' });
    const officer = await makeUser({ role: 'OFFICER' });
    const [winner, rival] = [await makeUser(), await makeUser()];
    const claims = [];
    for (const who of [winner, rival])
      claims.push(dataOf(await server.gql(CLAIM, { input: { organisationId: String(org._id) } }, who.token)).claimOrganisation.claim.id);

    const approved = dataOf(await server.gql(DECIDE, { id: claims[0], input: { approve: true } }, officer.token)).decideOrganisationClaim;
    expect(approved).toMatchObject({ claim: { status: 'APPROVED' }, errors: [] });
    const rivalClaim = await OrganisationClaimModel.findById(claims[1]).lean();
    expect({ status: rivalClaim!.status, reason: rivalClaim!.reason }).toEqual({ status: 'REJECTED', reason: RIVAL_APPROVED_REASON });

    await mail.deliver();
    const told = mail.to(rival.user.email);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("Votre demande de gestion de Les Amis de la Torse n'est pas acceptée.");
    expect(told[0]).toContain(RIVAL_APPROVED_REASON);
    expect(mail.to(winner.user.email).filter((t) => t.includes('est acceptée'))).toHaveLength(1);
    // And in the API, the rival's notification.
    const notes = dataOf(await server.gql(`{ me { notifications(first: 10) { edges { node { kind title } } } } }`, {}, rival.token)).me.notifications.edges;
    expect(notes.map((e: { node: { kind: string } }) => e.node.kind)).toEqual(['ORGANISATION_CLAIM_DECIDED']);
  });

  it('cannot have two different claims approved at the same time by two officers: one wins, one manager, the other claim rejected', async () => {
    const officers = [await makeUser({ role: 'OFFICER' }), await makeUser({ role: 'ADMIN' })];
    for (let round = 0; round < 6; round++) {
      const org = await makeOrganisation({ source: 'RNA' });
      const claimants = [await makeUser(), await makeUser()];
      const ids: string[] = [];
      for (const who of claimants)
        ids.push(dataOf(await server.gql(CLAIM, { input: { organisationId: String(org._id) } }, who.token)).claimOrganisation.claim.id);

      const answers = await Promise.all(
        ids.map(async (id, i) => dataOf(await server.gql(DECIDE, { id, input: { approve: true } }, officers[i]!.token)).decideOrganisationClaim),
      );
      const won = answers.filter((a) => a.errors.length === 0);
      const lost = answers.filter((a) => a.errors.length > 0);
      expect({ round, won: won.length, lost: lost.map((a) => a.errors.map((e: { code: string }) => e.code)) }).toEqual({
        round,
        won: 1,
        lost: [[expect.stringMatching(/^(CONFLICT|INVALID_TRANSITION)$/)]],
      });
      const managers = await UserModel.countDocuments({ memberships: { $elemMatch: { organisation: org._id, role: 'MANAGER', status: 'ACTIVE' } } });
      expect({ round, managers }).toEqual({ round, managers: 1 });
      const statuses = (await OrganisationClaimModel.find({ organisation: org._id }).lean()).map((c) => c.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: ['APPROVED', 'REJECTED'] });
    }
  });
});
