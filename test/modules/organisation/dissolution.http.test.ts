// A dissolved organisation is read-only for its members and managers (issue 9, finding 11): every
// organisation mutation they try is refused with ORGANISATION_DISSOLVED and a message that says who can
// reactivate it, and nothing is written; officers and admins not recused still edit it and reactivate it
// (updateOrganisation with status ACTIVE), and each step lands in the organisation's history.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { makeProgramme } from '../grants/fixtures';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { UserModel } from '../../../src/modules/user/user.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';

useTestDatabase();
let server: TestServer;

const IBAN = 'FR7630004000031234567890143';
const P = 'errors { code message field }';
const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { organisation { id name status description } ${P} } }`;
const ADD = `mutation($i: AddOrganisationMemberInput!) { addOrganisationMember(input: $i) { membership { role } invited ${P} } }`;
const ACCEPT = `mutation($o: ID!) { acceptMembership(organisationId: $o) { membership { role } ${P} } }`;
const HISTORY = `query($id: ID!) { organisation(id: $id) { status permissions { canEdit canManageMembers canSeePrivate }
  history { edges { node { action fromStatus toStatus actor { id } changes { field before after } } } } } }`;

let org: { _id: unknown };
let cast: Record<'manager' | 'editor' | 'invitee' | 'officer' | 'officer2' | 'admin', Awaited<ReturnType<typeof makeUser>>>;
let programmeId = '';

beforeAll(async () => {
  await seedReference();
  server = await startServer();
  org = await makeOrganisation({ name: 'La Troupe du Cours', iban: IBAN });
  cast = {
    manager: await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] }),
    editor: await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'EDITOR' }] }),
    invitee: await makeUser({ role: 'MEMBER' }),
    officer: await makeUser({ role: 'OFFICER' }),
    officer2: await makeUser({ role: 'OFFICER' }),
    admin: await makeUser({ role: 'ADMIN' }),
  };
  programmeId = String((await makeProgramme({ year: new Date().getUTCFullYear(), opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01') }))._id);
  // An invitation sent while the organisation operated, accepted only after its dissolution.
  const invited = dataOf(await server.gql(ADD, { i: { organisationId: String(org._id), email: cast.invitee.user.email } }, cast.manager.token));
  expect(invited.addOrganisationMember.invited).toBe(true);
  const { gql } = server;
  const { errors } = dataOf(await gql(UPDATE, { id: String(org._id), input: { status: 'DISSOLVED' } }, cast.officer.token)).updateOrganisation;
  expect(errors).toEqual([]);
});
afterAll(() => server.close());

const id = () => String(org._id);

describe('a dissolved organisation', () => {
  it('refuses its manager and editors every edit (name, IBAN, visibility, status) with ORGANISATION_DISSOLVED, saying who can reactivate it', async () => {
    const before = await OrganisationModel.findById(id()).lean();
    for (const who of ['manager', 'editor'] as const) {
      for (const input of [
        { name: 'La Troupe Reprise' },
        { iban: 'FR1420041010050500013M02606' },
        { isPublic: false },
        { description: 'Nous reprenons nos activités.' },
      ]) {
        const res = dataOf(await server.gql(UPDATE, { id: id(), input }, cast[who].token)).updateOrganisation;
        expect({ who, input, organisation: res.organisation, codes: res.errors.map((e: { code: string }) => e.code) }).toEqual({
          who,
          input,
          organisation: null,
          codes: ['ORGANISATION_DISSOLVED'],
        });
        expect(res.errors[0].message).toMatch(/dissolved.*officer or admin.*reactivate/);
      }
    }
    // Reactivating is not theirs either (a status is staff's to set).
    const status = await server.gql(UPDATE, { id: id(), input: { status: 'ACTIVE' } }, cast.manager.token);
    expect(status.body.data?.updateOrganisation?.organisation ?? null).toBeNull();
    const after = await OrganisationModel.findById(id()).lean();
    expect({ name: after!.name, iban: after!.iban, isPublic: after!.isPublic, status: after!.status, description: after!.description }).toEqual({
      name: before!.name,
      iban: IBAN,
      isPublic: true,
      status: 'DISSOLVED',
      description: before!.description,
    });
  });

  it('refuses its manager new invitations, and an invitation sent before cannot be accepted while it is dissolved', async () => {
    const someone = await makeUser({ role: 'MEMBER' });
    const add = dataOf(
      await server.gql(ADD, { i: { organisationId: id(), email: someone.user.email, role: 'MANAGER' } }, cast.manager.token),
    ).addOrganisationMember;
    expect(add.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([['ORGANISATION_DISSOLVED', 'input.organisationId']]);
    expect((await UserModel.findById(someone.id).lean())!.memberships).toEqual([]);

    const accept = dataOf(await server.gql(ACCEPT, { o: id() }, cast.invitee.token)).acceptMembership;
    expect(accept.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([['ORGANISATION_DISSOLVED', 'organisationId']]);
    const invitee = await UserModel.findById(cast.invitee.id).lean();
    expect(invitee!.memberships.map((m) => m.status)).toEqual(['INVITED']);
  });

  it('refuses its members a new grant application', async () => {
    const res = dataOf(
      await server.gql(
        `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id } ${P} } }`,
        {
          i: { organisationId: id(), programmeId, title: 'Festival', description: 'Un festival de rue.', requestedAmount: 100_000 },
        },
        cast.manager.token,
      ),
    ).createGrantApplication;
    expect(res.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([['ORGANISATION_DISSOLVED', 'input.organisationId']]);
    expect(await GrantApplicationModel.countDocuments({ organisation: id() })).toBe(0);
  });

  it('still shows its members the profile and tells them it cannot be edited', async () => {
    const seen = dataOf(await server.gql(HISTORY, { id: id() }, cast.manager.token)).organisation;
    expect(seen.status).toBe('DISSOLVED');
    expect(seen.permissions).toEqual({ canEdit: false, canManageMembers: false, canSeePrivate: true });
    expect(seen.history.edges[0].node).toEqual({
      action: 'DISSOLVE',
      fromStatus: 'ACTIVE',
      toStatus: 'DISSOLVED',
      actor: { id: cast.officer.id },
      changes: [{ field: 'status', before: 'ACTIVE', after: 'DISSOLVED' }],
    });
  });

  it('refuses a recused officer its reactivation, and lets another officer edit it and an admin reactivate it', async () => {
    await server.gql(
      `mutation($o: ID!) { declareConflictOfInterest(organisationId: $o, reason: "Ancien président.") { ${P} } }`,
      { o: id() },
      cast.officer2.token,
    );
    const recused = dataOf(await server.gql(UPDATE, { id: id(), input: { status: 'ACTIVE' } }, cast.officer2.token)).updateOrganisation;
    expect(recused.errors.map((e: { code: string }) => e.code)).toEqual(['CONFLICT_OF_INTEREST']);

    expect(dataOf(await server.gql(HISTORY, { id: id() }, cast.officer.token)).organisation.permissions).toEqual({
      canEdit: true,
      canManageMembers: true,
      canSeePrivate: true,
    });
    const edited = dataOf(
      await server.gql(UPDATE, { id: id(), input: { description: 'Troupe dissoute par son assemblée en 2025.' } }, cast.officer.token),
    ).updateOrganisation;
    expect(edited.errors).toEqual([]);
    expect(edited.organisation).toMatchObject({ status: 'DISSOLVED', description: 'Troupe dissoute par son assemblée en 2025.' });

    const reactivated = dataOf(await server.gql(UPDATE, { id: id(), input: { status: 'ACTIVE' } }, cast.admin.token)).updateOrganisation;
    expect(reactivated.errors).toEqual([]);
    expect(reactivated.organisation.status).toBe('ACTIVE');
    const history = dataOf(await server.gql(HISTORY, { id: id() }, cast.admin.token)).organisation.history.edges.map(
      (e: { node: { action: string; actor: { id: string } } }) => [e.node.action, e.node.actor.id],
    );
    expect(history).toEqual([
      ['REACTIVATE', cast.admin.id],
      ['UPDATE', cast.officer.id],
      ['DISSOLVE', cast.officer.id],
    ]);

    // Operating again: its manager edits it and the pending invitation can be accepted.
    const back = dataOf(await server.gql(UPDATE, { id: id(), input: { name: 'La Troupe du Cours (reformée)' } }, cast.manager.token)).updateOrganisation;
    expect(back.errors).toEqual([]);
    expect(dataOf(await server.gql(ACCEPT, { o: id() }, cast.invitee.token)).acceptMembership.errors).toEqual([]);
  });
});
