// Issue 11's claims, over HTTP with a real SMTP server: a claim rejected because another one was approved
// is told to its author.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { OrganisationClaimModel } from '../../../src/modules/organisation/organisation-claim.model';
import { RIVAL_APPROVED_REASON } from '../../../src/modules/organisation/verification.service';
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
});
