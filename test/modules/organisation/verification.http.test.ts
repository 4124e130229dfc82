// Verified organisations over HTTP: a member's creation is unverified and approved for nothing until an
// officer verifies it; an RNA in use points to the claim; the registry import sets an unverified squatter
// aside and imports the real association beside it, shown to officers; a claim makes its author MANAGER.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser } from '../../helpers/factories';
import { fakeRna } from '../../../seeds/random';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { applyRegistryRows } from '../../../src/modules/organisation/registry-sync.service';
import { UserModel } from '../../../src/modules/user/user.model';
import { fixClock, makeEnvelope, makeProgramme, restoreClock, underReview } from '../grants/fixtures';
import { PUBLIC_URL, startMailbox, type Mailbox } from '../user/mail';

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

const CREATE = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id isVerified } errors { code field message } } }`;
const VERIFY = `mutation ($id: ID!) { verifyOrganisation(id: $id) { organisation { id isVerified } errors { code field } } }`;
const ORG = `query ($id: ID!) { organisation(id: $id) { id rna isVerified registryClash { rna detectedAt organisation { id name rna } } } }`;
let rnaSeq = 900_000 + Math.floor(Math.random() * 90_000);
const freshRna = () => fakeRna(++rnaSeq);
const association = (rna: string, name = 'Les Jardins Partagés du Jas') => ({
  name,
  legalForm: 'ASSOCIATION',
  rna,
  description: 'Jardins partagés et ateliers de compostage.',
});

describe('verification', () => {
  afterEach(() => restoreClock());

  it('leaves a member’s organisation unverified, refuses to approve a grant for it, until an officer verifies it', async () => {
    const founder = await makeUser();
    const officer = await makeUser({ role: 'OFFICER' });
    const created = dataOf(await server.gql(CREATE, { input: association(freshRna()) }, founder.token)).createOrganisation;
    expect(created).toMatchObject({ organisation: { isVerified: false }, errors: [] });
    const id = created.organisation.id;
    expect(dataOf(await server.gql(ORG, { id }, officer.token)).organisation).toMatchObject({ isVerified: false, registryClash: null });

    fixClock();
    const programme = await makeProgramme();
    const envelope = await makeEnvelope(programme, 10_000_000);
    const manager = await UserModel.findById(founder.user._id).lean();
    const app = await underReview(manager!, officer.user, { _id: id }, programme);
    const APPROVE = `mutation ($id: ID!, $input: ApproveInput!) { approveGrantApplication(id: $id, input: $input) { application { status } errors { code field message } } }`;
    const input = { amount: 500_000, envelopeId: String(envelope._id), motivation: 'Utile au quartier.' };
    const refused = dataOf(await server.gql(APPROVE, { id: String(app._id), input }, officer.token)).approveGrantApplication;
    expect(refused.errors).toEqual([expect.objectContaining({ code: 'ORGANISATION_NOT_VERIFIED', message: expect.stringMatching(/verifyOrganisation/) })]);

    // Only staff verify.
    expect((await server.gql(VERIFY, { id }, founder.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await server.gql(VERIFY, { id }, officer.token)).verifyOrganisation).toEqual({ organisation: { id, isVerified: true }, errors: [] });
    expect(dataOf(await server.gql(VERIFY, { id }, officer.token)).verifyOrganisation.errors).toEqual([]);
    const approved = dataOf(await server.gql(APPROVE, { id: String(app._id), input }, officer.token)).approveGrantApplication;
    expect(approved).toMatchObject({ application: { status: 'APPROVED' }, errors: [] });
  });

  it('counts existing and staff-created organisations as verified', async () => {
    const seeded = await makeOrganisation();
    const officer = await makeUser({ role: 'OFFICER' });
    expect(dataOf(await server.gql(ORG, { id: String(seeded._id) }, officer.token)).organisation.isVerified).toBe(true);
    const byStaff = dataOf(await server.gql(CREATE, { input: association(freshRna(), 'Régie de quartier') }, officer.token)).createOrganisation;
    expect(byStaff.organisation.isVerified).toBe(true);
  });

  it('answers CONFLICT on the RNA in use, naming the organisation and claimOrganisation', async () => {
    const rna = freshRna();
    const holder = await makeOrganisation({ rna });
    const member = await makeUser();
    const res = dataOf(await server.gql(CREATE, { input: association(rna) }, member.token)).createOrganisation;
    expect(res.organisation).toBeNull();
    expect(res.errors).toEqual([
      { code: 'CONFLICT', field: 'input.rna', message: expect.stringContaining(`claimOrganisation (organisationId ${String(holder._id)})`) },
    ]);
  });
});

describe('the registry import beside an unverified record', () => {
  it('imports the real association as its own record, never merges into the squatter, and shows officers the clash', async () => {
    const rna = freshRna();
    const squatter = await makeUser();
    const officer = await makeUser({ role: 'OFFICER' });
    const created = dataOf(
      await server.gql(CREATE, { input: { ...association(rna, 'Faux Nom'), iban: 'FR7630006000011234567890189' } }, squatter.token),
    ).createOrganisation;
    const squatId = created.organisation.id;

    const outcomes = await applyRegistryRows([
      {
        line: 1,
        rna,
        fields: {
          name: 'Association des Jardins du Jas de Bouffan',
          description: 'Objet officiel',
          status: 'ACTIVE',
          registryUpdatedAt: new Date('2026-01-02'),
        },
      },
    ]);
    expect(outcomes).toEqual(['created']);

    const real = await OrganisationModel.findOne({ rna }).lean();
    expect(real).toMatchObject({ name: 'Association des Jardins du Jas de Bouffan', source: 'RNA' });
    expect(String(real!._id)).not.toBe(squatId);
    expect(real!.iban).toBeUndefined();
    const squat = await OrganisationModel.findById(squatId).lean();
    expect(squat).toMatchObject({ name: 'Faux Nom', isVerified: false, iban: 'FR7630006000011234567890189' });
    expect(squat!.rna).toBeUndefined();
    // The squatter's managers manage only their own record.
    expect(await UserModel.countDocuments({ 'memberships.organisation': real!._id })).toBe(0);

    const seen = dataOf(await server.gql(ORG, { id: squatId }, officer.token)).organisation;
    expect(seen.registryClash).toMatchObject({ rna, organisation: { id: String(real!._id), rna } });
    expect(dataOf(await server.gql(ORG, { id: squatId }, squatter.token)).organisation.registryClash).toBeNull();
    const CLASHES = `{ organisationClashes(first: 50) { totalCount edges { node { id registryClash { rna } } } } }`;
    const list = dataOf(await server.gql(CLASHES, {}, officer.token)).organisationClashes;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(squatId);
    expect((await server.gql(CLASHES, {}, squatter.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Imported again: updated in place, still beside the squatter.
    expect(await applyRegistryRows([{ line: 1, rna, fields: { name: 'Jardins du Jas (nouveau nom)' } }])).toEqual(['updated']);
    expect(await OrganisationModel.countDocuments({ rna })).toBe(1);
    expect((await OrganisationModel.findById(squatId).lean())!.name).toBe('Faux Nom');
  });

  it('still merges into a record an officer verified', async () => {
    const rna = freshRna();
    const member = await makeUser();
    const officer = await makeUser({ role: 'OFFICER' });
    const id = dataOf(await server.gql(CREATE, { input: association(rna, 'Nom local') }, member.token)).createOrganisation.organisation.id;
    await server.gql(VERIFY, { id }, officer.token);
    expect(await applyRegistryRows([{ line: 1, rna, fields: { website: 'https://jardins.example.org' } }])).toEqual(['updated']);
    expect(await OrganisationModel.findById(id).lean()).toMatchObject({ rna, website: 'https://jardins.example.org', name: 'Nom local' });
  });
});

describe('claims', () => {
  const CLAIM = `mutation ($input: ClaimOrganisationInput!) { claimOrganisation(input: $input) { claim { id status message organisation { id } claimant { id } } errors { code field message } } }`;
  const DECIDE = `mutation ($id: ID!, $input: DecideOrganisationClaimInput!) { decideOrganisationClaim(id: $id, input: $input) { claim { id status reason decidedAt } errors { code field message } } }`;
  const CLAIMS = `query ($status: OrganisationClaimStatus) { organisationClaims(status: $status, first: 100) { totalCount edges { node { id status organisation { id } claimant { id } } } } }`;

  it('lets a person claim an organisation nobody manages; an officer approves and the claimant becomes MANAGER and is told', async () => {
    const imported = await makeOrganisation({ source: 'RNA' });
    const claimant = await makeUser();
    const rival = await makeUser();
    const officer = await makeUser({ role: 'OFFICER' });

    const made = dataOf(
      await server.gql(CLAIM, { input: { organisationId: String(imported._id), message: 'Je suis la présidente élue en 2025.' } }, claimant.token),
    ).claimOrganisation;
    expect(made).toMatchObject({ claim: { status: 'PENDING', organisation: { id: String(imported._id) }, claimant: { id: claimant.id } }, errors: [] });
    const twice = dataOf(await server.gql(CLAIM, { input: { organisationId: String(imported._id) } }, claimant.token)).claimOrganisation;
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'input.organisationId' })]);
    const other = dataOf(await server.gql(CLAIM, { input: { organisationId: String(imported._id) } }, rival.token)).claimOrganisation;
    expect(other.errors).toEqual([]);

    expect((await server.gql(CLAIMS, { status: 'PENDING' }, claimant.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const pending = dataOf(await server.gql(CLAIMS, { status: 'PENDING' }, officer.token)).organisationClaims;
    expect(pending.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expect.arrayContaining([made.claim.id, other.claim.id]));

    const noReason = dataOf(await server.gql(DECIDE, { id: other.claim.id, input: { approve: false } }, officer.token)).decideOrganisationClaim;
    expect(noReason.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.reason' })]);
    const approved = dataOf(
      await server.gql(DECIDE, { id: made.claim.id, input: { approve: true, reason: 'Statuts vérifiés.' } }, officer.token),
    ).decideOrganisationClaim;
    expect(approved).toMatchObject({ claim: { status: 'APPROVED', reason: 'Statuts vérifiés.' }, errors: [] });
    const again = dataOf(await server.gql(DECIDE, { id: made.claim.id, input: { approve: false, reason: 'x' } }, officer.token)).decideOrganisationClaim;
    expect(again.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);

    const me = dataOf(await server.gql(`{ me { memberships { role organisation { id } } } }`, {}, claimant.token)).me;
    expect(me.memberships).toEqual([{ role: 'MANAGER', organisation: { id: String(imported._id) } }]);
    // The rival's claim is answered: someone manages the organisation now.
    const rejected = dataOf(await server.gql(CLAIMS, { status: 'REJECTED' }, officer.token)).organisationClaims;
    expect(rejected.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(other.claim.id);
    // Managed now: no new claim.
    const late = dataOf(await server.gql(CLAIM, { input: { organisationId: String(imported._id) } }, (await makeUser()).token)).claimOrganisation;
    expect(late.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/already has a manager/) })]);

    await mail.deliver();
    expect(mail.to(claimant.user.email).some((t) => t.includes('est acceptée'))).toBe(true);
  });

  it('refuses staff claims and unknown organisations on their fields', async () => {
    const officer = await makeUser({ role: 'OFFICER' });
    const org = await makeOrganisation();
    const staff = dataOf(await server.gql(CLAIM, { input: { organisationId: String(org._id) } }, officer.token)).claimOrganisation;
    expect(staff.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.organisationId' })]);
    const member = await makeUser();
    const missing = await server.gql(CLAIM, { input: { organisationId: 'not-an-id' } }, member.token);
    expect(dataOf(missing).claimOrganisation.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.organisationId' })]);
  });
});
