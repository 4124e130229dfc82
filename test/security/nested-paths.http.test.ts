// Authorization through nested paths: every field that leads to another object or to private data is
// reached the way a client could, by every kind of caller, and must say no where its root field would.
// One organisation is public, one private; the private one has an approved grant that went through a
// change request, a review, a private note and messages; an officer is recused from it.
import { useTestDatabase } from '../helpers/db';
import { dataOf, startServer, type TestServer } from '../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../helpers/factories';
import { ctxFor, draftApplication, makeEnvelope, makeProgramme } from '../modules/grants/fixtures';
import { submitGrantApplication } from '../../src/modules/grants/commands/submit';
import { addPrivateNote, addReview, declareConflictOfInterest, requestChanges, sendGrantMessage, startReview } from '../../src/modules/grants/commands/review';
import { approveGrantApplication } from '../../src/modules/grants/commands/decide';
import { createPartnership } from '../../src/modules/network/network.service';
import { PartnershipModel } from '../../src/modules/network/partnership.model';
import { GrantApplicationModel } from '../../src/modules/grants/application/grant-application.model';
import { UserModel } from '../../src/modules/user/user.model';
import { oneTimeToken } from '../../src/modules/user/account.service';

useTestDatabase();
let server: TestServer;

const YEAR = new Date().getUTCFullYear();
const IBAN = 'FR7630004000031234567890143';
const SECRET = {
  change: 'SECRET-CHANGE demandée par la ville',
  review: 'SECRET-REVIEW avis interne',
  note: 'SECRET-NOTE note privée',
  message: 'SECRET-MESSAGE échange avec le porteur',
};

type Who = 'anonymous' | 'member' | 'applicant' | 'outsider' | 'coordinator' | 'officer' | 'recused' | 'admin';
const tokens = {} as Record<Who, string | null>;
const ids = {} as Record<'pub' | 'priv' | 'other' | 'draft' | 'granted' | 'envelope' | 'partnership' | 'officer' | 'recused' | 'member' | 'applicant', string>;
let number = '';
const emails = {} as Record<'officer' | 'member' | 'applicant', string>;

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  const pub = await makeOrganisation({ name: 'Jardin Partagé', iban: IBAN, privateContact: { name: 'Pia', email: 'pia@example.test' } });
  const priv = await makeOrganisation({ name: 'Cercle Discret', isPublic: false, iban: IBAN, privateContact: { name: 'Paul', email: 'paul@example.test' } });
  const other = await makeOrganisation({ name: 'Autre Asso' });
  const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: pub._id, role: 'MANAGER' }] });
  const applicant = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: priv._id, role: 'MANAGER' }] });
  const outsider = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: other._id, role: 'MANAGER' }] });
  const coordinator = await makeUser({ role: 'COORDINATOR' });
  const officer = await makeUser({ role: 'OFFICER' });
  const recused = await makeUser({ role: 'OFFICER' });
  const admin = await makeUser({ role: 'ADMIN' });
  Object.assign(tokens, {
    anonymous: null,
    member: member.token,
    applicant: applicant.token,
    outsider: outsider.token,
    coordinator: coordinator.token,
    officer: officer.token,
    recused: recused.token,
    admin: admin.token,
  });
  Object.assign(emails, { officer: officer.user.email, member: member.user.email, applicant: applicant.user.email });

  const programme = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') });
  const envelope = await makeEnvelope(programme, 100_000_000);
  const draft = await draftApplication(member.user, pub, programme);
  // The private organisation's grant: change request, resubmission, review, note, message, approval.
  const granted = await draftApplication(applicant.user, priv, programme);
  const g = String(granted._id);
  await submitGrantApplication(ctxFor(applicant.user), g);
  await startReview(ctxFor(officer.user), g);
  await requestChanges(ctxFor(officer.user), g, SECRET.change);
  await submitGrantApplication(ctxFor(applicant.user), g);
  await startReview(ctxFor(officer.user), g);
  await addReview(ctxFor(officer.user), g, { recommendation: 'APPROVE', comment: SECRET.review, scores: [{ criterion: 'impact', score: 4 }] });
  await addPrivateNote(ctxFor(officer.user), g, SECRET.note);
  await sendGrantMessage(ctxFor(officer.user), g, SECRET.message);
  await approveGrantApplication(ctxFor(officer.user), g, { amount: 500_000, envelopeId: String(envelope._id), motivation: 'Projet utile.' });
  await declareConflictOfInterest(ctxFor(recused.user), String(priv._id), 'Trésorier de cette association.');
  number = granted.number;
  const partnership = await createPartnership(ctxFor(officer.user), { fromId: String(pub._id), toId: String(priv._id), kind: 'PARTNER' });

  Object.assign(ids, {
    pub: String(pub._id),
    priv: String(priv._id),
    other: String(other._id),
    draft: String(draft._id),
    granted: g,
    envelope: String(envelope._id),
    partnership: String(partnership._id),
    officer: officer.id,
    recused: recused.id,
    member: member.id,
    applicant: applicant.id,
  });
});
afterAll(() => server.close());

const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, tokens[who]);
const codes = (res: { body: { errors?: { extensions?: Record<string, any> }[] } }) => (res.body.errors ?? []).map((e) => e.extensions?.code);

const APPLICATION = `id status changesRequested
  organisation { id iban privateContact { email } members { user { id email } } }
  assignedTo { id email memberships { role } }
  reviews { comment author { email } } privateNotes { body }
  messages { body author { id email } }
  decision { motivation decidedBy { id email } }
  history { action reason actor { id email } }`;

describe('a grant application reached directly or through another object', () => {
  it('shows a coordinator a decided grant without its change request, reviews, notes or messages, in any field', async () => {
    const res = await gql('coordinator', `query($id: ID!) { grantApplication(id: $id) { ${APPLICATION} } }`, { id: ids.granted });
    const app = dataOf(res).grantApplication;
    expect(app.status).toBe('APPROVED');
    expect(app.reviews).toBeNull();
    expect(app.privateNotes).toBeNull();
    expect(app.messages).toEqual([]);
    expect(app.changesRequested).toBeNull();
    expect(app.history.map((h: any) => h.action)).toContain('REQUEST_CHANGES');
    expect(app.history.map((h: any) => h.action)).not.toContain('ADD_REVIEW');
    // Whatever the path, no message, review or note text reaches the coordinator.
    for (const secret of Object.values(SECRET)) expect(JSON.stringify(res.body)).not.toContain(secret);
    expect(app.organisation.iban).toBeNull();
    expect(app.organisation.privateContact).toBeNull();
  });

  it('shows the applicant the change request and the messages, never the reviews nor the private notes', async () => {
    const res = await gql('applicant', `query($id: ID!) { grantApplication(id: $id) { ${APPLICATION} } }`, { id: ids.granted });
    const app = dataOf(res).grantApplication;
    expect(app.changesRequested).toBe(SECRET.change);
    expect(app.messages.map((m: any) => m.body)).toEqual([SECRET.change, SECRET.message]);
    expect(app.history.find((h: any) => h.action === 'REQUEST_CHANGES').reason).toBe(SECRET.change);
    expect(app.reviews).toBeNull();
    expect(app.privateNotes).toBeNull();
    expect(app.history.map((h: any) => h.action)).not.toContain('ADD_REVIEW');
    expect(JSON.stringify(res.body)).not.toContain(SECRET.review);
    expect(JSON.stringify(res.body)).not.toContain(SECRET.note);
    // Its own organisation's private fields, yes; the officers' emails, no (its own, yes).
    expect(app.organisation.iban).toBe(IBAN);
    expect(app.assignedTo).toEqual({ id: ids.officer, email: null, memberships: null });
    expect(app.decision.decidedBy).toEqual({ id: ids.officer, email: null });
    expect(app.messages[1].author).toEqual({ id: ids.officer, email: null });
    const actors = app.history.map((h: any) => h.actor);
    expect(actors).toContainEqual({ id: ids.officer, email: null });
    expect(actors).toContainEqual({ id: ids.applicant, email: emails.applicant });
    expect(JSON.stringify(res.body)).not.toContain(emails.officer);
  });

  it('shows officers everything, reviews, notes and emails included', async () => {
    const app = dataOf(await gql('officer', `query($id: ID!) { grantApplication(id: $id) { ${APPLICATION} } }`, { id: ids.granted })).grantApplication;
    expect(app.reviews[0]).toEqual({ comment: SECRET.review, author: { email: emails.officer } });
    expect(app.privateNotes).toEqual([{ body: SECRET.note }]);
    expect(app.changesRequested).toBe(SECRET.change);
    expect(app.history.map((h: any) => h.action)).toContain('ADD_REVIEW');
    expect(app.organisation.iban).toBe(IBAN);
    expect(app.assignedTo.email).toBe(emails.officer);
  });

  it("hides another organisation's applications from members, by id, in lists and through Organisation.grantApplications", async () => {
    expect(dataOf(await gql('member', `query($id: ID!) { grantApplication(id: $id) { id } }`, { id: ids.granted })).grantApplication).toBeNull();
    expect(dataOf(await gql('outsider', `query($id: ID!) { grantApplication(id: $id) { id } }`, { id: ids.draft })).grantApplication).toBeNull();
    const list = dataOf(await gql('member', `{ grantApplications(first: 100) { totalCount edges { node { id } } } }`)).grantApplications;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([ids.draft]);
    expect(list.totalCount).toBe(1);
    const filtered = dataOf(await gql('member', `query($o: ID!) { grantApplications(filter: { organisationId: $o }) { totalCount } }`, { o: ids.priv }));
    expect(filtered.grantApplications.totalCount).toBe(0);
    const nested = dataOf(await gql('outsider', `query($id: ID!) { organisation(id: $id) { grantApplications { id } } }`, { id: ids.pub }));
    expect(nested.organisation.grantApplications).toEqual([]);
    const own = dataOf(await gql('member', `query($id: ID!) { organisation(id: $id) { grantApplications { id } } }`, { id: ids.pub }));
    expect(own.organisation.grantApplications.map((a: any) => a.id)).toEqual([ids.draft]);
  });

  it('shows anonymous callers no application at all, not even through a public organisation', async () => {
    expect(codes(await gql('anonymous', `query($id: ID!) { grantApplication(id: $id) { id } }`, { id: ids.draft }))).toEqual(['UNAUTHENTICATED']);
    const nested = dataOf(await gql('anonymous', `query($id: ID!) { organisation(id: $id) { grantApplications { id } } }`, { id: ids.pub }));
    expect(nested.organisation.grantApplications).toEqual([]);
  });

  it('shows coordinators only decided grants through Organisation.grantApplications, never drafts', async () => {
    const pub = dataOf(await gql('coordinator', `query($id: ID!) { organisation(id: $id) { grantApplications { id } } }`, { id: ids.pub }));
    expect(pub.organisation.grantApplications).toEqual([]);
    const priv = dataOf(
      await gql('coordinator', `query($id: ID!) { organisation(id: $id) { grantApplications { id changesRequested messages { body } } } }`, { id: ids.priv }),
    );
    expect(priv.organisation.grantApplications).toEqual([{ id: ids.granted, changesRequested: null, messages: [] }]);
  });
});

describe('a private organisation and private fields reached through another object', () => {
  const PARTNERS = `query($id: ID!) { organisation(id: $id) { partnerships { id from { id iban } to { id iban } } } }`;

  it("leaves a private partner out of a public organisation's partnerships for those who may not see it", async () => {
    for (const who of ['anonymous', 'outsider', 'member'] as const) {
      const res = dataOf(await gql(who, PARTNERS, { id: ids.pub }));
      expect({ who, partnerships: res.organisation.partnerships }).toEqual({ who, partnerships: [] });
    }
    const coordinator = dataOf(await gql('coordinator', PARTNERS, { id: ids.pub })).organisation.partnerships;
    expect(coordinator).toHaveLength(1);
    // Coordinators see the private organisation, never its IBAN.
    expect(JSON.stringify(coordinator)).not.toContain(IBAN);
  });

  it('keeps a private organisation out of the network graph, nodes and edges, for the public', async () => {
    const res = dataOf(await gql('anonymous', `{ network { nodes { organisation { id iban members(first: 1) { role } } } edges { from to } } }`));
    const nodeIds = res.network.nodes.map((n: any) => n.organisation.id);
    expect(nodeIds).toContain(ids.pub);
    expect(nodeIds).not.toContain(ids.priv);
    expect(JSON.stringify(res.network.edges)).not.toContain(ids.priv);
    expect(res.network.nodes.every((n: any) => n.organisation.iban === null && n.organisation.members === null)).toBe(true);
  });

  it('keeps a private organisation and every private field out of the map GeoJSON', async () => {
    const res = await server.get('/api/organisations.geojson');
    const text = await res.text();
    const features = JSON.parse(text).features as { id: string }[];
    expect(features.map((f) => f.id)).toContain(ids.pub);
    expect(features.map((f) => f.id)).not.toContain(ids.priv);
    expect(text).not.toContain(IBAN);
    expect(text).not.toContain('pia@example.test');
  });

  it('publishes no private field in the open-data exports', async () => {
    for (const path of [`/api/open-data/scdl/subventions-${YEAR}.csv`, `/api/open-data/360giving-${YEAR}.json`]) {
      const text = await (await server.get(path)).text();
      // The grant is published (so the check below reads a real row), without anything private.
      expect(text).toContain(number);
      expect(text).not.toContain(IBAN);
      expect(text).not.toContain('paul@example.test');
      for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    }
  });

  it("hides the members' emails and memberships behind Organisation.members from everyone but themselves and staff", async () => {
    const Q = `query($id: ID!) { organisation(id: $id) { members { user { id email memberships { organisation { id } } } } } }`;
    expect(dataOf(await gql('outsider', Q, { id: ids.pub })).organisation.members).toBeNull();
    expect(dataOf(await gql('anonymous', Q, { id: ids.pub })).organisation.members).toBeNull();
    const coord = dataOf(await gql('coordinator', Q, { id: ids.priv })).organisation.members;
    expect(coord).toEqual([{ user: { id: ids.applicant, email: null, memberships: null } }]);
    const self = dataOf(await gql('applicant', Q, { id: ids.priv })).organisation.members;
    expect(self).toEqual([{ user: { id: ids.applicant, email: emails.applicant, memberships: [{ organisation: { id: ids.priv } }] } }]);
    const officer = dataOf(await gql('officer', Q, { id: ids.priv })).organisation.members;
    expect(officer[0].user.email).toBe(emails.applicant);
  });

  it("shows an organisation's edit history to its members and to staff not recused, to nobody else", async () => {
    const Q = `query($id: ID!) { organisation(id: $id) { history { totalCount edges { node { action changes { field before after } } } } } }`;
    for (const who of ['anonymous', 'outsider', 'coordinator'] as const) {
      expect({ who, history: dataOf(await gql(who, Q, { id: ids.pub })).organisation.history }).toEqual({ who, history: null });
    }
    expect(dataOf(await gql('recused', Q, { id: ids.priv })).organisation.history).toBeNull();
    for (const [who, id] of [
      ['member', ids.pub],
      ['applicant', ids.priv],
      ['officer', ids.priv],
      ['admin', ids.pub],
    ] as const) {
      expect({ who, history: dataOf(await gql(who, Q, { id })).organisation.history }).toEqual({ who, history: { totalCount: 0, edges: [] } });
    }
  });

  it("lists in me.memberships only the viewer's own organisations", async () => {
    const me = dataOf(await gql('outsider', `{ me { memberships { organisation { id iban } } } }`)).me;
    expect(me.memberships).toEqual([{ organisation: { id: ids.other, iban: null } }]);
  });
});

describe("mutations on another organisation's objects (ids in inputs)", () => {
  const PAYLOAD = `application { id } errors { code field }`;

  it("refuses to edit, submit, withdraw, report on or message another organisation's application, as if it did not exist", async () => {
    const before = await GrantApplicationModel.findById(ids.draft).lean();
    for (const [mutation, vars] of [
      [`mutation($id: ID!) { updateGrantApplication(id: $id, input: { title: "Piraté" }) { ${PAYLOAD} } }`, { id: ids.draft }],
      [`mutation($id: ID!) { submitGrantApplication(id: $id) { ${PAYLOAD} } }`, { id: ids.draft }],
      [`mutation($id: ID!) { withdrawGrantApplication(id: $id) { ${PAYLOAD} } }`, { id: ids.granted }],
      [`mutation($id: ID!) { sendGrantMessage(id: $id, body: "Bonjour") { ${PAYLOAD} } }`, { id: ids.granted }],
      [
        `mutation($id: ID!) { submitFinalReport(id: $id, input: { spentLines: [], beneficiariesReached: 1, narrative: "x" }) { ${PAYLOAD} } }`,
        { id: ids.granted },
      ],
    ] as const) {
      const res = await gql('outsider', mutation, vars);
      expect({ mutation, codes: codes(res) }).toEqual({ mutation, codes: ['NOT_FOUND'] });
    }
    const after = await GrantApplicationModel.findById(ids.draft).lean();
    expect(after!.title).toBe(before!.title);
    expect(after!.status).toBe('DRAFT');
  });

  it('refuses a coordinator who can read a decided grant any write on it', async () => {
    const res = await gql('coordinator', `mutation($id: ID!) { sendGrantMessage(id: $id, body: "Bonjour") { ${PAYLOAD} } }`, { id: ids.granted });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('refuses to apply for a grant in the name of another organisation', async () => {
    const res = await gql('member', `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${PAYLOAD} } }`, {
      i: { organisationId: ids.priv, programmeId: ids.granted, title: 'x', description: 'y', requestedAmount: 100000 },
    });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it('refuses to edit another organisation or add a member to it (a private one is not found)', async () => {
    const edit = await gql('outsider', `mutation($id: ID!) { updateOrganisation(id: $id, input: { iban: null }) { organisation { id } errors { code } } }`, {
      id: ids.pub,
    });
    expect(codes(edit)).toEqual(['FORBIDDEN']);
    const ADD = `mutation($i: AddOrganisationMemberInput!) { addOrganisationMember(input: $i) { membership { role } errors { code } } }`;
    const outsiderEmail = (await UserModel.findById(ids.member).lean())!.email;
    expect(codes(await gql('outsider', ADD, { i: { organisationId: ids.pub, email: outsiderEmail } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('member', ADD, { i: { organisationId: ids.priv, email: outsiderEmail } }))).toEqual(['NOT_FOUND']);
    const user = await UserModel.findById(ids.member).lean();
    expect(user!.memberships.map((m) => String(m.organisation))).toEqual([ids.pub]);
  });

  it('refuses to link or unlink organisations one is not a member of', async () => {
    const end = await gql('outsider', `mutation($id: ID!) { endPartnership(id: $id) { partnership { id } errors { code } } }`, { id: ids.partnership });
    expect(codes(end)).toEqual(['FORBIDDEN']);
    expect((await PartnershipModel.findById(ids.partnership).lean())!.active).toBe(true);
    const CREATE = `mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { partnership { id } errors { code field } } }`;
    expect(codes(await gql('outsider', CREATE, { i: { fromId: ids.pub, toId: ids.priv, kind: 'JOINT_PROJECT' } }))).toEqual(['NOT_FOUND']);
    const res = await gql('member', CREATE, { i: { fromId: ids.other, toId: ids.priv, kind: 'JOINT_PROJECT' } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.body.errors![0]!.extensions!.field).toBe('input.toId');
  });

  it('lets a party end a partnership with a private organisation without showing it that organisation', async () => {
    const res = await gql('member', `mutation($id: ID!) { endPartnership(id: $id) { partnership { isActive from { id } to { id } } errors { code } } }`, {
      id: ids.partnership,
    });
    const { partnership, errors } = dataOf(res).endPartnership;
    expect(errors).toEqual([]);
    expect(partnership.isActive).toBe(false);
    // Symmetric kinds are stored in id order: whichever end is the private one comes back null.
    expect([partnership.from, partnership.to].filter(Boolean)).toEqual([{ id: ids.pub }]);
  });

  it("refuses a recused officer every money step and annotation on the organisation's grant", async () => {
    for (const mutation of [
      `mutation($id: ID!) { recordPayment(id: $id, input: { amount: 100000 }) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { schedulePayments(id: $id, tranches: [{ amount: 100000, dueDate: "2030-01-01" }]) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { recordConvention(id: $id, input: { reference: "C-1", signedOn: "2026-01-02" }) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { reopenGrantApplication(id: $id) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { addPrivateNote(id: $id, body: "x") { ${PAYLOAD} } }`,
      `mutation($id: ID!) { acceptFinalReport(id: $id) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { startReview(id: $id) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { requestChanges(id: $id, message: "x") { ${PAYLOAD} } }`,
      `mutation($id: ID!) { addReview(id: $id, input: { recommendation: REJECT }) { ${PAYLOAD} } }`,
      `mutation($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "x" }) { ${PAYLOAD} } }`,
      `mutation($id: ID!, $e: ID!) { approveGrantApplication(id: $id, input: { amount: 100000, envelopeId: $e }) { ${PAYLOAD} } }`,
    ]) {
      const payload = Object.values(
        dataOf(await gql('recused', mutation, { id: ids.granted, ...(mutation.includes('$e') ? { e: ids.envelope } : {}) })),
      )[0] as any;
      expect({ mutation, errors: payload.errors.map((e: any) => e.code) }).toEqual({ mutation, errors: ['CONFLICT_OF_INTEREST'] });
    }
    const app = await GrantApplicationModel.findById(ids.granted).lean();
    expect(app!.paidAmount ?? 0).toBe(0);
    expect(app!.payments ?? []).toEqual([]);
    expect(app!.status).toBe('APPROVED');
  });
});

describe('accounts and claims reached through their payloads', () => {
  it('gives a link holder the account without its email or memberships, lists accounts to admins only, and hides a claimant and a clash from others', async () => {
    const email = `link.${Date.now()}@example.test`;
    const reg = await server.gql(`mutation ($input: RegisterInput!) { register(input: $input) { accepted } }`, {
      input: { email, password: 'Lavande-Brise-Calanque-73', displayName: 'Link Holder' },
    });
    expect(dataOf(reg).register.accepted).toBe(true);
    // The link's token is only in the email; forge a known one on the account to act as its holder.
    const { token, stored } = oneTimeToken('VERIFY', 3600_000);
    await UserModel.updateOne({ email }, { $set: { verification: stored } });
    const verified = dataOf(
      await server.gql(`mutation ($t: String!) { verifyEmail(token: $t) { user { name email memberships { role } } errors { code } } }`, { t: token }),
    ).verifyEmail;
    expect(verified.user).toEqual({ name: 'Link Holder', email: null, memberships: null });

    const officer = await makeUser({ role: 'OFFICER' });
    expect((await server.gql(`{ users { edges { node { email } } } }`, {}, officer.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A private organisation is not found by someone who may not see it, claim or not.
    const privateOrg = await makeOrganisation({ isPublic: false });
    const claimant = await makeUser();
    const CLAIM = `mutation ($input: ClaimOrganisationInput!) { claimOrganisation(input: $input) { claim { id organisation { id } claimant { id email } } errors { code field } } }`;
    const hidden = await server.gql(CLAIM, { input: { organisationId: String(privateOrg._id) } }, claimant.token);
    expect(hidden.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organisationId' });
    // The claimant reads their own claim, their own email included.
    const publicOrg = await makeOrganisation();
    const own = dataOf(await server.gql(CLAIM, { input: { organisationId: String(publicOrg._id) } }, claimant.token)).claimOrganisation;
    expect(own.claim).toMatchObject({ organisation: { id: String(publicOrg._id) }, claimant: { id: claimant.id, email: claimant.user.email } });
  });
});
