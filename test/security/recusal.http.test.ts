// Recusal reaches every staff action (issue 9, finding 2). officer2 declared a link to member2's
// organisation: over HTTP, every staff mutation on that organisation and on its applications is refused
// with CONFLICT_OF_INTEREST and changes nothing, and the staff-only fields read as hidden, while the public
// file stays readable and a colleague who is not recused keeps every right. Every edit of the organisation
// lands in its history, bank details masked. Beyond the file: the co-funding alerts leave its applications
// out for that officer, and its partnerships are neither made nor ended by them.
import { useTestDatabase } from '../helpers/db';
import { dataOf, startServer, type TestServer } from '../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../helpers/factories';
import { completeContent, ctxFor, draftApplication, makeEnvelope, makeProgramme } from '../modules/grants/fixtures';
import { createGrantApplication, submitGrantApplication } from '../../src/modules/grants/commands/submit';
import { addPrivateNote, addReview, declareConflictOfInterest, requestChanges, sendGrantMessage, startReview } from '../../src/modules/grants/commands/review';
import { approveGrantApplication } from '../../src/modules/grants/commands/decide';
import { schedulePayments } from '../../src/modules/grants/commands/pay';
import { submitFinalReport } from '../../src/modules/grants/commands/report';
import { GrantApplicationModel } from '../../src/modules/grants/application/grant-application.model';
import { OrganisationModel } from '../../src/modules/organisation/organisation.model';
import { ActivityModel } from '../../src/modules/activity/activity.model';
import { UserModel } from '../../src/modules/user/user.model';
import { PartnershipModel } from '../../src/modules/network/partnership.model';

useTestDatabase();
let server: TestServer;

const IBAN = 'FR7630004000031234567890143';
const OTHER_IBAN = 'FR1420041010050500013M02606';
const SECRET = {
  change: 'SECRET-CHANGE précisez le budget',
  review: 'SECRET-REVIEW avis favorable',
  note: 'SECRET-NOTE à vérifier',
  message: 'SECRET-MESSAGE bonjour',
};

type Who = 'member2' | 'officer' | 'officer2' | 'admin';
const tokens = {} as Record<Who, string>;
const ids = {} as Record<'org' | 'reviewing' | 'approved' | 'tranche' | 'envelope' | 'officer' | 'outsider', string>;
let outsiderEmail = '';

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  const org = await makeOrganisation({ name: 'Les Amis du Jas de Bouffan', iban: IBAN, privateContact: { name: 'Nadia', email: 'nadia@example.test' } });
  const member2 = await makeUser({ role: 'MEMBER', name: 'Member Two', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  const officer = await makeUser({ role: 'OFFICER', name: 'Officer One' });
  const officer2 = await makeUser({ role: 'OFFICER', name: 'Officer Two' });
  const admin = await makeUser({ role: 'ADMIN' });
  const outsider = await makeUser({ role: 'MEMBER', name: 'Olga Outsider' });
  Object.assign(tokens, { member2: member2.token, officer: officer.token, officer2: officer2.token, admin: admin.token });
  outsiderEmail = outsider.user.email;

  const programme = await makeProgramme({ year: new Date().getUTCFullYear(), opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') });
  const envelope = await makeEnvelope(programme, 100_000_000);
  // Under review, after a change request, with a review, a private note and messages both ways.
  const reviewing = String((await draftApplication(member2.user, org, programme))._id);
  await submitGrantApplication(ctxFor(member2.user), reviewing);
  await startReview(ctxFor(officer.user), reviewing);
  await requestChanges(ctxFor(officer.user), reviewing, SECRET.change);
  await submitGrantApplication(ctxFor(member2.user), reviewing);
  await startReview(ctxFor(officer.user), reviewing);
  await addReview(ctxFor(officer.user), reviewing, { recommendation: 'APPROVE', comment: SECRET.review });
  await addPrivateNote(ctxFor(officer.user), reviewing, SECRET.note);
  await sendGrantMessage(ctxFor(officer.user), reviewing, SECRET.message);
  // Approved, with a tranche scheduled and a final report submitted.
  const approved = String((await draftApplication(member2.user, org, programme))._id);
  await submitGrantApplication(ctxFor(member2.user), approved);
  await startReview(ctxFor(officer.user), approved);
  await approveGrantApplication(ctxFor(officer.user), approved, { amount: 500_000, envelopeId: String(envelope._id) });
  const scheduled = await schedulePayments(ctxFor(officer.user), approved, [
    { amount: 500_000, dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
  ]);
  await submitFinalReport(ctxFor(member2.user), approved, {
    spentLines: [{ label: 'Animateur', amount: 500_000 }],
    beneficiariesReached: 40,
    narrative: 'Ateliers tenus.',
  });

  await declareConflictOfInterest(ctxFor(officer2.user), String(org._id), 'Trésorier de cette association.');
  Object.assign(ids, {
    org: String(org._id),
    reviewing,
    approved,
    tranche: String(scheduled.payments[0]!._id),
    envelope: String(envelope._id),
    officer: officer.id,
    outsider: outsider.id,
  });
});
afterAll(() => server.close());

const gql = (who: Who, query: string, variables: Record<string, unknown> = {}) => server.gql(query, variables, tokens[who]);
const P = 'errors { code message field }';

describe('an officer recused from an organisation', () => {
  it('is refused every organisation mutation done as staff: its IBAN, its dissolution, a manager added without consent', async () => {
    const before = await OrganisationModel.findById(ids.org).lean();
    const cases: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!) { updateOrganisation(id: $id, input: { iban: "${OTHER_IBAN}" }) { organisation { id } ${P} } }`, { id: ids.org }],
      [`mutation($id: ID!) { updateOrganisation(id: $id, input: { status: DISSOLVED }) { organisation { id } ${P} } }`, { id: ids.org }],
      [`mutation($id: ID!) { updateOrganisation(id: $id, input: { isPublic: false, name: "Repris" }) { organisation { id } ${P} } }`, { id: ids.org }],
      [
        `mutation($i: AddOrganisationMemberInput!) { addOrganisationMember(input: $i) { membership { role } invited ${P} } }`,
        { i: { organisationId: ids.org, email: outsiderEmail, role: 'MANAGER' } },
      ],
    ];
    for (const [mutation, variables] of cases) {
      const res = await gql('officer2', mutation, variables);
      const payload = Object.values(dataOf(res))[0] as { errors: { code: string; message: string }[] };
      expect({ mutation, codes: payload.errors.map((e) => e.code) }).toEqual({ mutation, codes: ['CONFLICT_OF_INTEREST'] });
      expect(payload.errors[0]!.message).toMatch(/declared a link to this organisation/);
    }
    const after = await OrganisationModel.findById(ids.org).lean();
    expect({ iban: after!.iban, status: after!.status, name: after!.name, isPublic: after!.isPublic }).toEqual({
      iban: before!.iban,
      status: 'ACTIVE',
      name: before!.name,
      isPublic: true,
    });
    expect((await UserModel.findById(ids.outsider).lean())!.memberships).toEqual([]);
  });

  it('is refused every staff step on its applications: review, note, message, change request, decision, payments, schedule, final report, reopening', async () => {
    const before = await GrantApplicationModel.find({ organisation: ids.org }).lean();
    const onReviewing = [
      `mutation($id: ID!) { startReview(id: $id) { application { id } ${P} } }`,
      `mutation($id: ID!) { requestChanges(id: $id, message: "Encore") { application { id } ${P} } }`,
      `mutation($id: ID!) { addReview(id: $id, input: { recommendation: REJECT }) { application { id } ${P} } }`,
      `mutation($id: ID!) { addPrivateNote(id: $id, body: "Entre nous") { application { id } ${P} } }`,
      `mutation($id: ID!) { sendGrantMessage(id: $id, body: "Bonjour, c'est officer2") { application { id } ${P} } }`,
      `mutation($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "Non" }) { application { id } ${P} } }`,
      `mutation($id: ID!, $e: ID!) { approveGrantApplication(id: $id, input: { amount: 100000, envelopeId: $e }) { application { id } ${P} } }`,
    ];
    const onApproved = [
      `mutation($id: ID!) { schedulePayments(id: $id, tranches: [{ amount: 100000, dueDate: "2099-01-01" }]) { application { id } ${P} } }`,
      `mutation($id: ID!) { recordConvention(id: $id, input: { reference: "C-1", signedOn: "2026-01-02" }) { application { id } ${P} } }`,
      `mutation($id: ID!, $t: ID!) { recordPayment(id: $id, input: { trancheId: $t }) { application { id } ${P} } }`,
      `mutation($id: ID!) { acceptFinalReport(id: $id) { application { id } ${P} } }`,
      `mutation($id: ID!) { reopenGrantApplication(id: $id) { application { id } ${P} } }`,
      `mutation($id: ID!) { sendGrantMessage(id: $id, body: "Relance") { application { id } ${P} } }`,
    ];
    for (const [id, mutations] of [
      [ids.reviewing, onReviewing],
      [ids.approved, onApproved],
    ] as const) {
      for (const mutation of mutations) {
        const res = await gql('officer2', mutation, {
          id,
          ...(mutation.includes('$e') ? { e: ids.envelope } : {}),
          ...(mutation.includes('$t') ? { t: ids.tranche } : {}),
        });
        const payload = Object.values(dataOf(res))[0] as { application: unknown; errors: { code: string; field: string }[] };
        expect({ mutation, application: payload.application, errors: payload.errors.map((e) => [e.code, e.field]) }).toEqual({
          mutation,
          application: null,
          errors: [['CONFLICT_OF_INTEREST', 'id']],
        });
      }
    }
    // Nothing was written: no message, note, review, payment, acceptance or status change.
    expect(await GrantApplicationModel.find({ organisation: ids.org }).lean()).toEqual(before);
  });

  it('reads the public file, but not the IBAN, private contact, members or edit history, and is told it may do nothing', async () => {
    const res = await gql(
      'officer2',
      `query($id: ID!) { organisation(id: $id) {
      id name status iban privateContact { email } members { role } history { totalCount }
      permissions { canEdit canManageMembers canSeePrivate } } }`,
      { id: ids.org },
    );
    expect(dataOf(res).organisation).toEqual({
      id: ids.org,
      name: 'Les Amis du Jas de Bouffan',
      status: 'ACTIVE',
      iban: null,
      privateContact: null,
      members: null,
      history: null,
      permissions: { canEdit: false, canManageMembers: false, canSeePrivate: false },
    });
    expect(JSON.stringify(res.body)).not.toContain(IBAN);
  });

  it("sees its applications without the colleagues' reviews, private notes, messages or change request, in any field", async () => {
    const Q = `query($id: ID!) { grantApplication(id: $id) { id status reviews { comment } privateNotes { body } messages { body } changesRequested
      history { action reason } organisation { iban }
      permissions { canReview canDecide canReopen canPay canAcceptReport } } }`;
    const res = await gql('officer2', Q, { id: ids.reviewing });
    const app = dataOf(res).grantApplication;
    expect({ id: app.id, status: app.status }).toEqual({ id: ids.reviewing, status: 'UNDER_REVIEW' });
    expect({ reviews: app.reviews, privateNotes: app.privateNotes, messages: app.messages, changesRequested: app.changesRequested }).toEqual({
      reviews: null,
      privateNotes: null,
      messages: [],
      changesRequested: null,
    });
    const actions = app.history.map((h: { action: string }) => h.action);
    expect(actions).toContain('REQUEST_CHANGES');
    expect(actions).not.toContain('ADD_REVIEW');
    expect(app.history.find((h: { action: string }) => h.action === 'REQUEST_CHANGES').reason).toBeNull();
    expect(app.organisation.iban).toBeNull();
    expect(Object.values(app.permissions)).toEqual([false, false, false, false, false]);
    for (const secret of Object.values(SECRET)) expect(JSON.stringify(res.body)).not.toContain(secret);

    // A colleague who is not recused reads everything, as before.
    const colleague = dataOf(await gql('officer', Q, { id: ids.reviewing })).grantApplication;
    expect(colleague.reviews).toEqual([{ comment: SECRET.review }]);
    expect(colleague.privateNotes).toEqual([{ body: SECRET.note }]);
    expect(colleague.messages.map((m: { body: string }) => m.body)).toEqual([SECRET.change, SECRET.message]);
    expect(colleague.permissions.canReview).toBe(true);
  });

  it("leaves a colleague's rights on the organisation whole, and the edit lands in its history with the IBAN masked", async () => {
    const res = await gql(
      'officer',
      `mutation($id: ID!) { updateOrganisation(id: $id, input: { iban: "${OTHER_IBAN}", publicPhone: "04 42 00 00 00" }) {
      organisation { iban history(first: 5) { totalCount edges { node { action fromStatus toStatus at actor { id } changes { field before after } } } } } ${P} } }`,
      { id: ids.org },
    );
    const { organisation, errors } = dataOf(res).updateOrganisation;
    expect(errors).toEqual([]);
    expect(organisation.iban).toBe(OTHER_IBAN);
    const latest = organisation.history.edges[0].node;
    expect(latest).toMatchObject({ action: 'UPDATE', fromStatus: 'ACTIVE', toStatus: 'ACTIVE', actor: { id: ids.officer } });
    expect(Date.now() - Date.parse(latest.at)).toBeLessThan(60_000);
    expect(latest.changes).toEqual([
      { field: 'iban', before: 'FR76 •••• •••• 0143', after: 'FR14 •••• •••• 2606' },
      { field: 'publicPhone', before: null, after: '04 42 00 00 00' },
    ]);
    // The applicant reads the same trail; the full IBAN is stored nowhere in it.
    const seen = dataOf(
      await gql('member2', `query($id: ID!) { organisation(id: $id) { history { edges { node { action actor { id } changes { field before after } } } } } }`, {
        id: ids.org,
      }),
    );
    expect(seen.organisation.history.edges[0].node.changes[0]).toEqual({ field: 'iban', before: 'FR76 •••• •••• 0143', after: 'FR14 •••• •••• 2606' });
    const stored = JSON.stringify(await ActivityModel.find({ objectId: ids.org }).lean());
    expect(stored).not.toContain(IBAN);
    expect(stored).not.toContain(OTHER_IBAN);
    // Nothing is left waiting in the organisation's outbox.
    expect((await OrganisationModel.findById(ids.org).select('+activityOutbox').lean<{ activityOutbox?: unknown[] }>())!.activityOutbox).toEqual([]);
  });
});

describe('an officer recused from an organisation, beyond its own file', () => {
  const ALERTS = `query($y: Int!) { cofundingAlerts(year: $y) { flag application { id organisation { id } } } }`;
  const CREATE = `mutation($i: CreatePartnershipInput!) { createPartnership(input: $i) { partnership { id } ${P} } }`;
  const END = `mutation($id: ID!) { endPartnership(id: $id) { partnership { id isActive } ${P} } }`;

  /** A submitted application whose public funding exceeds its cost: it raises a co-funding alert. */
  async function alertingApplication(org: { _id: unknown }, programme: { _id: unknown }) {
    const manager = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const app = await createGrantApplication(ctxFor(manager.user), {
      organisationId: String(org._id),
      programmeId: String(programme._id),
      ...completeContent(1_000_000),
      otherFunders: [{ name: 'Région Sud', amount: 1_000_000, status: 'GRANTED' }],
    } as never);
    await submitGrantApplication(ctxFor(manager.user), String(app._id));
    return String(app._id);
  }

  it('is not shown the co-funding alerts of its applications, while a colleague sees them, and other organisations stay in its list', async () => {
    const year = new Date().getUTCFullYear();
    const programme = await makeProgramme({ year, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') });
    const recusedApp = await alertingApplication({ _id: ids.org }, programme);
    const other = await makeOrganisation({ name: 'Les Jardins de Saint-Mitre' });
    const otherApp = await alertingApplication(other, programme);

    const seenBy = async (who: Who) =>
      (dataOf(await gql(who, ALERTS, { y: year })).cofundingAlerts as { flag: string; application: { id: string; organisation: { id: string } } }[]).map(
        (a) => a.application,
      );
    const colleague = await seenBy('officer');
    expect(colleague.map((a) => a.id)).toEqual(expect.arrayContaining([recusedApp, otherApp]));
    const recused = await seenBy('officer2');
    expect(recused.map((a) => a.id)).toContain(otherApp);
    expect(recused.filter((a) => a.organisation.id === ids.org)).toEqual([]);
  });

  it('is refused linking it to another organisation and ending its partnerships, on the field at fault; a colleague may do both', async () => {
    const partner = await makeOrganisation({ name: 'Centre social Albert Camus' });
    const link = { fromId: ids.org, toId: String(partner._id), kind: 'JOINT_PROJECT' };
    for (const [input, field] of [
      [link, 'input.fromId'],
      [{ ...link, fromId: link.toId, toId: link.fromId }, 'input.toId'],
    ] as const) {
      const refused = dataOf(await gql('officer2', CREATE, { i: input })).createPartnership;
      expect({ partnership: refused.partnership, errors: refused.errors.map((e: { code: string; field: string }) => [e.code, e.field]) }).toEqual({
        partnership: null,
        errors: [['CONFLICT_OF_INTEREST', field]],
      });
      expect(refused.errors[0].message).toMatch(/declared a link to this organisation/);
    }
    expect(await PartnershipModel.countDocuments({ parties: ids.org })).toBe(0);

    const created = dataOf(await gql('officer', CREATE, { i: link })).createPartnership;
    expect(created.errors).toEqual([]);
    const PERMS = `query($id: ID!) { organisation(id: $id) { partnerships { id permissions { canEnd } } } }`;
    const shown = async (who: Who) => dataOf(await gql(who, PERMS, { id: String(partner._id) })).organisation.partnerships;
    expect(await shown('officer2')).toEqual([{ id: created.partnership.id, permissions: { canEnd: false } }]);

    const end = dataOf(await gql('officer2', END, { id: created.partnership.id })).endPartnership;
    expect({ partnership: end.partnership, errors: end.errors.map((e: { code: string; field: string }) => [e.code, e.field]) }).toEqual({
      partnership: null,
      errors: [['CONFLICT_OF_INTEREST', 'id']],
    });
    expect((await PartnershipModel.findById(created.partnership.id).lean())!.active).toBe(true);

    expect(await shown('officer')).toEqual([{ id: created.partnership.id, permissions: { canEnd: true } }]);
    const ended = dataOf(await gql('officer', END, { id: created.partnership.id })).endPartnership;
    expect({ errors: ended.errors, isActive: ended.partnership.isActive }).toEqual({ errors: [], isActive: false });
  });
});

describe('an officer recused from an organisation nobody manages yet', () => {
  const DECLARE = `mutation($o: ID!) { declareConflictOfInterest(organisationId: $o, reason: "Fondatrice de l'association.") { ${P} } }`;
  const VERIFY = `mutation($id: ID!) { verifyOrganisation(id: $id) { organisation { id isVerified } ${P} } }`;
  const CLAIM = `mutation($i: ClaimOrganisationInput!) { claimOrganisation(input: $i) { claim { id } ${P} } }`;
  const DECIDE = `mutation($id: ID!) { decideOrganisationClaim(id: $id, input: { approve: true }) { claim { id status } ${P} } }`;
  const HISTORY = `query($id: ID!) { organisation(id: $id) { history(first: 10) { edges { node { action actor { id } changes { field before after } } } } } }`;
  const codes = (payload: { errors: { code: string; field: string }[] }) => payload.errors.map((e) => [e.code, e.field]);

  it('can neither verify it nor approve a claim on it (which would make its manager); a colleague can, and both steps land in its trail', async () => {
    const org = await makeOrganisation({ name: 'Collectif des Platanes', isVerified: false, source: 'MAILLAGE' });
    const id = String(org._id);
    expect(dataOf(await gql('officer2', DECLARE, { o: id })).declareConflictOfInterest.errors).toEqual([]);

    const refusedVerify = dataOf(await gql('officer2', VERIFY, { id })).verifyOrganisation;
    expect({ organisation: refusedVerify.organisation, errors: codes(refusedVerify) }).toEqual({
      organisation: null,
      errors: [['CONFLICT_OF_INTEREST', 'id']],
    });
    expect((await OrganisationModel.findById(id).lean())!.isVerified).toBe(false);

    const claimant = await makeUser({ role: 'MEMBER', name: 'Chloé Platane' });
    const claim = dataOf(await server.gql(CLAIM, { i: { organisationId: id } }, claimant.token)).claimOrganisation.claim.id as string;
    const refusedDecide = dataOf(await gql('officer2', DECIDE, { id: claim })).decideOrganisationClaim;
    expect({ claim: refusedDecide.claim, errors: codes(refusedDecide) }).toEqual({ claim: null, errors: [['CONFLICT_OF_INTEREST', 'id']] });
    expect((await UserModel.findById(claimant.id).lean())!.memberships).toEqual([]);

    expect(dataOf(await gql('officer', VERIFY, { id })).verifyOrganisation).toEqual({ organisation: { id, isVerified: true }, errors: [] });
    expect(dataOf(await gql('officer', DECIDE, { id: claim })).decideOrganisationClaim).toEqual({ claim: { id: claim, status: 'APPROVED' }, errors: [] });
    const trail = dataOf(await gql('officer', HISTORY, { id })).organisation.history.edges.map(
      (e: { node: { action: string; actor: { id: string }; changes: { field: string; after: string }[] } }) => e.node,
    );
    expect(trail.map((n: { action: string; actor: { id: string } }) => [n.action, n.actor.id])).toEqual([
      ['APPROVE_CLAIM', ids.officer],
      ['VERIFY', ids.officer],
    ]);
    expect(trail[0].changes).toEqual([{ field: 'members', before: null, after: 'Chloé Platane (MANAGER)' }]);
    expect(trail[1].changes).toContainEqual({ field: 'isVerified', before: 'false', after: 'true' });
  });
});
