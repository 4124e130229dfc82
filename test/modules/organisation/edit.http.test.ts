// Creating and editing organisations through HTTP: who may, validation field by field, and identifiers
// that must stay unique even under concurrent requests (the unique index decides, not a read-then-write).
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { fakeRna, fakeSiret, makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { NEIGHBOURHOODS } from '../../../seeds/reference';
import { OrganisationModel, type OrganisationDoc } from '../../../src/modules/organisation/organisation.model';
import { UserModel } from '../../../src/modules/user/user.model';

useTestDatabase();
let server: TestServer;

const ORG_FIELDS = `id name acronym legalForm rna siret description iban website publicEmail status isPublic
  domains { code } neighbourhoods { code } location { lat lng } privateContact { email }
  members { role user { id } } permissions { canEdit canManageMembers }`;
const CREATE = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { ${ORG_FIELDS} } errors { code message field } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { organisation { ${ORG_FIELDS} } errors { code message field } }
}`;
const ADD_MEMBER = `mutation($input: AddOrganisationMemberInput!) {
  addOrganisationMember(input: $input) { membership { role title status organisation { id } user { id name } } invited errors { code message field } }
}`;

let refs: Awaited<ReturnType<typeof seedReference>>;
let n = 0;
const uniqueRna = () => fakeRna(700000 + ++n);
const uniqueSiret = () => fakeSiret(700000 + ++n);
const centre = NEIGHBOURHOODS.find((x) => x.code === 'centre-historique')!;

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: 'Les Jardins du Pays d’Aix',
  legalForm: 'ASSOCIATION',
  rna: uniqueRna(),
  description: 'Jardins partagés et ateliers de cuisine pour les habitants.',
  ...overrides,
});

interface Problem {
  code: string;
  message: string;
  field: string | null;
}

async function create(input: Record<string, unknown>, token: string | null) {
  return server.gql(CREATE, { input }, token);
}

/** The problems of a refused mutation, asserting that nothing was stored and no GraphQL error was raised. */
async function refusedCreate(input: Record<string, unknown>, token: string): Promise<Problem[]> {
  const res = dataOf(await create(input, token));
  expect(res.createOrganisation.organisation).toBeNull();
  return res.createOrganisation.errors;
}

let officer: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let coordinator: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  server = await startServer();
  refs = await seedReference();
  officer = await makeUser({ role: 'OFFICER' });
  admin = await makeUser({ role: 'ADMIN' });
  coordinator = await makeUser({ role: 'COORDINATOR' });
  outsider = await makeUser({ role: 'MEMBER' });
});
afterAll(() => server.close());

describe('createOrganisation', () => {
  it('lets a member create one and makes them its MANAGER', async () => {
    const member = await makeUser({ role: 'MEMBER' });
    const input = valid({
      acronym: 'JPA',
      iban: 'FR76 3000 4000 0312 3456 7890 143',
      domainIds: [String(refs.domainByCode.get('circuits-courts')!._id)],
      location: { lat: centre.lat, lng: centre.lng },
      website: 'https://jardins.example.org',
      publicEmail: 'Contact@Jardins.example.org',
      privateContact: { email: 'presidente@jardins.example.org' },
    });
    const res = dataOf(await create(input, member.token)).createOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation).toMatchObject({
      name: 'Les Jardins du Pays d’Aix',
      acronym: 'JPA',
      rna: input.rna,
      // Spaces removed, and readable by its new manager in the same response.
      iban: 'FR7630004000031234567890143',
      publicEmail: 'contact@jardins.example.org',
      domains: [{ code: 'circuits-courts' }],
      // Neighbourhoods deduced from the location when not given.
      neighbourhoods: [{ code: 'centre-historique' }],
      location: { lat: centre.lat, lng: centre.lng },
      status: 'ACTIVE',
      isPublic: true,
      permissions: { canEdit: true, canManageMembers: true },
      members: [{ role: 'MANAGER', user: { id: member.id } }],
    });
    const stored = await UserModel.findById(member.id).lean();
    expect(stored!.memberships.map((m) => [String(m.organisation), m.role])).toEqual([[res.organisation.id, 'MANAGER']]);
    const me = dataOf(await server.gql('{ me { memberships { role organisation { id name } } } }', {}, member.token));
    expect(me.me.memberships).toEqual([{ role: 'MANAGER', organisation: { id: res.organisation.id, name: 'Les Jardins du Pays d’Aix' } }]);
  });

  it.each([['officer'], ['admin']])('lets an %s create one without becoming a member', async (who) => {
    const user = who === 'officer' ? officer : admin;
    const res = dataOf(await create(valid(), user.token)).createOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation.members).toEqual([]);
    expect((await UserModel.findById(user.id).lean())!.memberships).toEqual([]);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED and stores nothing', async () => {
    const before = await OrganisationModel.countDocuments();
    const res = await create(valid(), null);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0]?.message).toMatch(/sign in/i);
    expect(res.body.data).toBeNull();
    expect(await OrganisationModel.countDocuments()).toBe(before);
  });

  it('refuses a status on creation in the contract itself: a new organisation is active', async () => {
    const res = await create(valid({ status: 'DISSOLVED' }), officer.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/Field "status" is not defined/);
  });

  it('accepts a non-association with a valid SIRET, spaces allowed', async () => {
    const siret = uniqueSiret();
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    const res = dataOf(await create(valid({ legalForm: 'SCOP', rna: null, siret: spaced }), officer.token)).createOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation.siret).toBe(siret);
  });

  it.each([
    ['an establishment of La Poste whose digit sum is a multiple of 5', '35600000000001'],
    ['the head office of La Poste, which keeps the Luhn key', '35600000000048'],
  ])('accepts %s', async (_label, siret) => {
    const res = dataOf(await create(valid({ legalForm: 'OTHER', rna: null, siret }), officer.token)).createOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation.siret).toBe(siret);
  });
});

describe('validation, field by field', () => {
  const long = (k: number) => 'x'.repeat(k);
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an empty name', { name: '  ' }, 'input.name', /name is required/i],
    ['a one-letter name', { name: 'A' }, 'input.name', /2 to 200/],
    ['a name over 200 characters', { name: long(201) }, 'input.name', /2 to 200/],
    ['an acronym over 30 characters', { acronym: long(31) }, 'input.acronym', /30 characters/],
    ['a purpose under 10 characters', { description: 'Trop court'.slice(0, 9) }, 'input.description', /at least 10/],
    ['a purpose over 5,000 characters', { description: long(5001) }, 'input.description', /5,000/],
    ['an RNA number without its W', { rna: '131234567' }, 'input.rna', /W followed by 9 digits/],
    ['an RNA number with 8 digits', { rna: 'W13123456' }, 'input.rna', /W followed by 9 digits/],
    ['an association with neither RNA nor SIRET', { rna: null }, 'input.rna', /RNA number or its SIRET/],
    ['a cooperative without SIRET', { legalForm: 'SCIC', rna: null }, 'input.siret', /SIRET is required/],
    ['a SIRET of 13 digits', { siret: '1234567890123' }, 'input.siret', /14 digits/],
    ['a SIRET with letters', { siret: '1234567890123A' }, 'input.siret', /14 digits/],
    ['a SIRET with a wrong check digit', { siret: '73282932000075' }, 'input.siret', /check digit/],
    ['a La Poste SIRET whose digit sum is not a multiple of 5, though Luhn-valid', { siret: '35600000000014' }, 'input.siret', /check digit/],
    ['an unknown domain', { domainIds: ['0123456789abcdef01234567'] }, 'input.domainIds', /domains does not exist/],
    ['a malformed domain id', { domainIds: ['culture'] }, 'input.domainIds[0]', /not a valid id/],
    ['an unknown neighbourhood', { neighbourhoodIds: ['0123456789abcdef01234567'] }, 'input.neighbourhoodIds', /neighbourhoods does not exist/],
    ['a location in Marseille', { location: { lat: 43.2965, lng: 5.3698 } }, 'input.location', /inside the city/],
    ['a location with latitude and longitude swapped', { location: { lat: 5.447, lng: 43.529 } }, 'input.location', /swapped/],
    ['an IBAN with a wrong key', { iban: 'FR7630004000031234567890144' }, 'input.iban', /IBAN is not valid/],
    ['an IBAN too short', { iban: 'FR76300040' }, 'input.iban', /IBAN is not valid/],
    ['a website without http', { website: 'www.example.org' }, 'input.website', /http/],
    ['a website with spaces', { website: 'https://exa mple.org' }, 'input.website', /http/],
    ['a public email without domain', { publicEmail: 'contact@' }, 'input.publicEmail', /valid email/],
    ['a private contact email without @', { privateContact: { email: 'presidente.example.org' } }, 'input.privateContact.email', /valid email/],
    ['a public phone with letters', { publicPhone: 'call me' }, 'input.publicPhone', /phone number/],
    ['a postcode of 4 digits', { address: { postcode: '1310' } }, 'input.address.postcode', /5 digits/],
    ['a negative head-count', { headcount: { staff: -1 } }, 'input.headcount.staff', /whole number/],
    ['too many labels', { labels: Array.from({ length: 21 }, (_, i) => `label ${i}`) }, 'input.labels', /20 labels/],
  ])('refuses %s, naming the field', async (_label, overrides, field, message) => {
    const problems = await refusedCreate(valid(overrides), officer.token);
    expect(problems).toEqual([{ code: 'BAD_USER_INPUT', field, message: expect.stringMatching(message) }]);
  });

  it('reports every problem at once, each on its field', async () => {
    const problems = await refusedCreate(valid({ name: 'A', rna: 'X1', iban: 'FR00', website: 'nope', location: { lat: 0, lng: 0 } }), officer.token);
    expect(problems.map((p) => p.field).sort()).toEqual(['input.iban', 'input.location', 'input.name', 'input.rna', 'input.website']);
    expect(problems.every((p) => p.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('refuses a missing required field in the contract itself, naming it', async () => {
    const { description: _omit, ...input } = valid();
    const res = await create(input, officer.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/description/);
  });

  it('refuses an unknown legal form in the contract itself', async () => {
    const res = await create(valid({ legalForm: 'SARL' }), officer.token);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/legalForm/);
  });
});

describe('identifiers already used', () => {
  it('refuses an RNA number used by another organisation with CONFLICT on input.rna', async () => {
    const existing = await makeOrganisation();
    const problems = await refusedCreate(valid({ rna: existing.rna }), officer.token);
    // The message names the holder and the way to take charge of it (issue 11: creation points to the claim).
    expect(problems).toEqual([
      {
        code: 'CONFLICT',
        field: 'input.rna',
        message: expect.stringMatching(
          /^This RNA number is already used by another organisation \(id [0-9a-f]{24}\)\. If it is yours, ask to manage it with claimOrganisation/,
        ),
      },
    ]);
  });

  it('refuses a SIRET used by another organisation with CONFLICT on input.siret', async () => {
    const siret = uniqueSiret();
    await makeOrganisation({ siret });
    const problems = await refusedCreate(valid({ siret }), officer.token);
    expect(problems).toEqual([
      {
        code: 'CONFLICT',
        field: 'input.siret',
        message: expect.stringMatching(
          /^This SIRET is already used by another organisation \(id [0-9a-f]{24}\)\. If it is yours, ask to manage it with claimOrganisation/,
        ),
      },
    ]);
  });

  it('refuses an update that takes another organisation’s SIRET', async () => {
    const siret = uniqueSiret();
    await makeOrganisation({ siret });
    const mine = await makeOrganisation();
    const res = dataOf(await server.gql(UPDATE, { id: String(mine._id), input: { siret } }, officer.token)).updateOrganisation;
    expect(res.errors).toEqual([{ code: 'CONFLICT', field: 'input.siret', message: expect.stringMatching(/already used/) }]);
    expect((await OrganisationModel.findById(mine._id).lean())!.siret).toBeUndefined();
  });

  it('lets exactly one of several concurrent creates with the same RNA succeed, the others get CONFLICT', async () => {
    const rna = uniqueRna();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => create(valid({ rna, name: `Course ${i}` }), officer.token)));
    const payloads = results.map((r) => dataOf(r).createOrganisation);
    expect(payloads.filter((p) => p.organisation)).toHaveLength(1);
    for (const p of payloads.filter((x) => !x.organisation)) {
      expect(p.errors).toEqual([{ code: 'CONFLICT', field: 'input.rna', message: expect.any(String) }]);
    }
    expect(await OrganisationModel.countDocuments({ rna })).toBe(1);
    for (const r of results) expect(JSON.stringify(r.body)).not.toMatch(/E11000|index|dup key|Mongo/);
  });

  it('keeps allowing many organisations without RNA (absent identifiers never collide)', async () => {
    const a = dataOf(await create(valid({ legalForm: 'SCOP', rna: null, siret: uniqueSiret() }), officer.token)).createOrganisation;
    const b = dataOf(await create(valid({ legalForm: 'SCOP', rna: null, siret: uniqueSiret() }), officer.token)).createOrganisation;
    expect([a.errors, b.errors]).toEqual([[], []]);
  });
});

describe('updateOrganisation', () => {
  let org: OrganisationDoc;
  let manager: Awaited<ReturnType<typeof makeUser>>;
  let editor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    org = await makeOrganisation({ name: 'Atelier Vélo', acronym: 'AV' });
    manager = await makeUser({ memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    editor = await makeUser({ memberOf: [{ organisation: org._id, role: 'EDITOR' }] });
  });
  const update = (input: Record<string, unknown>, token: string | null, id: unknown = org._id) => server.gql(UPDATE, { id: String(id), input }, token);

  it.each([['manager'], ['editor'], ['officer'], ['admin']])('lets the %s edit it', async (who) => {
    const token = { manager, editor, officer, admin }[who as 'manager']!.token;
    const res = dataOf(await update({ description: `Réparation de vélos, édité par ${who}.` }, token)).updateOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation.description).toBe(`Réparation de vélos, édité par ${who}.`);
  });

  it.each([['an outsider member'], ['a coordinator']])('refuses %s with FORBIDDEN and changes nothing', async (label) => {
    const token = label === 'a coordinator' ? coordinator.token : outsider.token;
    const before = await OrganisationModel.findById(org._id).lean();
    const res = await update({ name: 'Piraté' }, token);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
    expect((await OrganisationModel.findById(org._id).lean())!.name).toBe(before!.name);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const res = await update({ name: 'Piraté' }, null);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeNull();
  });

  it('answers NOT_FOUND for a private organisation the caller cannot see, without revealing it', async () => {
    const hidden = await makeOrganisation({ isPublic: false });
    const res = await update({ name: 'Piraté' }, outsider.token, hidden._id);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('lets only staff change the status', async () => {
    const refused = await update({ status: 'DISSOLVED' }, manager.token);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await makeOrganisation();
    const done = dataOf(await update({ status: 'DISSOLVED' }, officer.token, other._id)).updateOrganisation;
    expect(done.organisation.status).toBe('DISSOLVED');
  });

  it('changes only the fields given, and clears an optional field given as null', async () => {
    const res = dataOf(await update({ acronym: null, website: 'https://velo.example.org' }, manager.token)).updateOrganisation;
    expect(res.errors).toEqual([]);
    expect(res.organisation).toMatchObject({ name: 'Atelier Vélo', acronym: null, website: 'https://velo.example.org' });
    const stored = await OrganisationModel.findById(org._id).lean();
    expect(stored!.acronym).toBeUndefined();
    expect(stored!.locallyEditedFields).toEqual(expect.arrayContaining(['acronym', 'website']));
  });

  it('keeps the sort key in step with the name', async () => {
    dataOf(await update({ name: 'Éco-Atelier Vélo' }, manager.token));
    expect((await OrganisationModel.findById(org._id).lean())!.nameKey).toBe('eco-atelier velo');
  });

  it('validates like creation, naming the field', async () => {
    const res = dataOf(await update({ rna: 'W1', location: { lat: 48.85, lng: 2.35 } }, manager.token)).updateOrganisation;
    expect(res.organisation).toBeNull();
    expect(res.errors.map((e: Problem) => e.field).sort()).toEqual(['input.location', 'input.rna']);
  });

  it('refuses removing the last identifier of an association', async () => {
    const res = dataOf(await update({ rna: null }, manager.token)).updateOrganisation;
    expect(res.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.rna', message: expect.stringMatching(/RNA number or its SIRET/) }]);
  });

  it('refuses an invalid id with BAD_USER_INPUT on id, in the payload', async () => {
    const res = dataOf(await update({ name: 'Valide' }, officer.token, 'not-an-id')).updateOrganisation;
    expect(res).toEqual({ organisation: null, errors: [{ code: 'BAD_USER_INPUT', field: 'id', message: '`id` is not a valid id.' }] });
  });
});

describe('addOrganisationMember', () => {
  let org: OrganisationDoc;
  let manager: Awaited<ReturnType<typeof makeUser>>;
  let editor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    org = await makeOrganisation({ name: 'Réseau Bénévole', iban: 'FR7630004000031234567890143' });
    manager = await makeUser({ memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    editor = await makeUser({ memberOf: [{ organisation: org._id, role: 'EDITOR' }] });
  });
  const add = (input: Record<string, unknown>, token: string | null) => server.gql(ADD_MEMBER, { input: { organisationId: String(org._id), ...input } }, token);

  const IBAN = 'query($id: ID!) { organisation(id: $id) { iban } }';
  const ACCEPT =
    'mutation($id: ID!) { acceptMembership(organisationId: $id) { membership { role title status organisation { name } } invited errors { code message field } } }';
  const DECLINE = 'mutation($id: ID!) { declineMembership(organisationId: $id) { membership { role } invited errors { code message field } } }';

  it('lets a manager invite an existing account, who becomes a member (and sees private fields) only once they accept', async () => {
    const newcomer = await makeUser({ name: 'Nadia Nouvelle' });
    const res = dataOf(await add({ email: newcomer.user.email.toUpperCase(), title: 'Trésorière' }, manager.token)).addOrganisationMember;
    expect(res).toEqual({ membership: null, invited: true, errors: [] });
    // Invited, not yet a member: no rights, but the invitation is visible to the person.
    expect(dataOf(await server.gql(IBAN, { id: String(org._id) }, newcomer.token)).organisation.iban).toBeNull();
    const pending = dataOf(await server.gql('{ me { memberships { role } invitations { role title status organisation { name } } } }', {}, newcomer.token));
    expect(pending.me).toEqual({
      memberships: [],
      invitations: [{ role: 'EDITOR', title: 'Trésorière', status: 'INVITED', organisation: { name: 'Réseau Bénévole' } }],
    });
    const members = dataOf(await server.gql('query($id: ID!) { organisation(id: $id) { members { user { id } } } }', { id: String(org._id) }, manager.token));
    expect(members.organisation.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(newcomer.id);

    const accepted = dataOf(await server.gql(ACCEPT, { id: String(org._id) }, newcomer.token)).acceptMembership;
    expect(accepted).toEqual({
      membership: { role: 'EDITOR', title: 'Trésorière', status: 'ACTIVE', organisation: { name: 'Réseau Bénévole' } },
      invited: false,
      errors: [],
    });
    expect(dataOf(await server.gql(IBAN, { id: String(org._id) }, newcomer.token)).organisation.iban).toBe('FR7630004000031234567890143');
    const me = dataOf(await server.gql('{ me { memberships { role title status organisation { name } } invitations { role } } }', {}, newcomer.token));
    expect(me.me).toEqual({
      memberships: [{ role: 'EDITOR', title: 'Trésorière', status: 'ACTIVE', organisation: { name: 'Réseau Bénévole' } }],
      invitations: [],
    });
    // Accepting twice is refused, naming the field.
    const again = dataOf(await server.gql(ACCEPT, { id: String(org._id) }, newcomer.token)).acceptMembership;
    expect(again.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'organisationId', message: 'You have no pending invitation to this organisation.' }]);
  });

  it('lets the invited person decline, which removes the invitation', async () => {
    const newcomer = await makeUser();
    expect(dataOf(await add({ email: newcomer.user.email }, manager.token)).addOrganisationMember.invited).toBe(true);
    const declined = dataOf(await server.gql(DECLINE, { id: String(org._id) }, newcomer.token)).declineMembership;
    expect(declined).toEqual({ membership: null, invited: false, errors: [] });
    expect((await UserModel.findById(newcomer.id).lean())!.memberships).toEqual([]);
    const accept = dataOf(await server.gql(ACCEPT, { id: String(org._id) }, newcomer.token)).acceptMembership;
    expect(accept.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organisationId' });
  });

  it('answers a manager the same whatever the email, so accounts cannot be probed', async () => {
    const answers = [];
    for (const email of ['nobody-here@example.test', officer.user.email, editor.user.email, (await makeUser()).user.email]) {
      answers.push(dataOf(await add({ email }, manager.token)).addOrganisationMember);
    }
    expect(answers).toEqual(Array(4).fill({ membership: null, invited: true, errors: [] }));
    // Only the member account that was not yet in the organisation got an invitation.
    expect((await UserModel.findById(officer.id).lean())!.memberships).toEqual([]);
    expect((await UserModel.findById(editor.id).lean())!.memberships).toHaveLength(1);
  });

  it.each([['officer'], ['admin']])('lets an %s add a member as MANAGER at once', async (who) => {
    const newcomer = await makeUser();
    const res = dataOf(await add({ email: newcomer.user.email, role: 'MANAGER' }, (who === 'officer' ? officer : admin).token)).addOrganisationMember;
    expect(res.errors).toEqual([]);
    expect(res.invited).toBe(false);
    expect(res.membership).toMatchObject({ role: 'MANAGER', status: 'ACTIVE' });
  });

  it.each([['an editor of the organisation'], ['an outsider member'], ['a coordinator']])('refuses %s with FORBIDDEN', async (label) => {
    const token = label.startsWith('an editor') ? editor.token : label.startsWith('a coordinator') ? coordinator.token : outsider.token;
    const newcomer = await makeUser();
    const res = await add({ email: newcomer.user.email }, token);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await UserModel.findById(newcomer.id).lean())!.memberships).toEqual([]);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const res = await add({ email: 'someone@example.test' }, null);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each<[string, () => Promise<Record<string, unknown>>, string, RegExp]>([
    ['a malformed email', async () => ({ email: 'not-an-email' }), 'BAD_USER_INPUT', /valid email/],
    ['an email no account uses', async () => ({ email: 'nobody-here@example.test' }), 'BAD_USER_INPUT', /No account uses this email/],
    ['a city officer', async () => ({ email: officer.user.email }), 'BAD_USER_INPUT', /Only member accounts/],
    ['a title over 80 characters', async () => ({ email: (await makeUser()).user.email, title: 'x'.repeat(81) }), 'BAD_USER_INPUT', /80 characters/],
    ['someone already a member', async () => ({ email: editor.user.email }), 'CONFLICT', /already a member/],
  ])('tells an officer why it refuses %s, in the payload, naming the field', async (_label, input, code, message) => {
    const res = dataOf(await add(await input(), officer.token)).addOrganisationMember;
    expect(res.membership).toBeNull();
    expect(res.errors).toEqual([{ code, field: expect.stringMatching(/^input\.(email|title)$/), message: expect.stringMatching(message) }]);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'input.email'],
    ['a title over 80 characters', { email: 'someone@example.test', title: 'x'.repeat(81) }, 'input.title'],
  ])('refuses a manager %s, which says nothing about accounts', async (_label, input, field) => {
    const res = dataOf(await add(input, manager.token)).addOrganisationMember;
    expect(res).toMatchObject({ membership: null, invited: false, errors: [{ code: 'BAD_USER_INPUT', field }] });
  });

  it('adds a person once when a manager invites them while an officer adds them', async () => {
    const newcomer = await makeUser();
    const results = await Promise.all([add({ email: newcomer.user.email }, manager.token), add({ email: newcomer.user.email }, officer.token)]);
    const [byManager, byOfficer] = results.map((r) => dataOf(r).addOrganisationMember);
    expect(byManager).toEqual({ membership: null, invited: true, errors: [] });
    expect(byOfficer.membership !== null || byOfficer.errors[0]?.code === 'CONFLICT').toBe(true);
    expect((await UserModel.findById(newcomer.id).lean())!.memberships).toHaveLength(1);
  });
});
