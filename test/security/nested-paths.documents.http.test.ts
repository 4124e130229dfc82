// Nested paths to the vault (issue 12): Organisation.documents and what a Document leads to (its versions)
// are reached the way a client could, by every kind of caller; only the organisation's members, and officers
// and admins not recused, get documents. A private organisation's vault is no more visible than a public one's.
import { Types } from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { makeOrganisation, makeUser } from '../helpers/factories';
import { startServer, type TestServer } from '../helpers/server';
import { ConflictOfInterestModel } from '../../src/modules/organisation/conflict-of-interest.model';
import { pdf, upload } from '../modules/document/document-fixtures';

useTestDatabase();
let server: TestServer;

type Who = 'anonymous' | 'member' | 'outsider' | 'coordinator' | 'officer' | 'recused' | 'admin';
const tokens = {} as Record<Who, string | null>;
const orgs = {} as Record<'pub' | 'priv', string>;

const QUERY = `query($id: ID!) { organisation(id: $id) { id documents { totalCount nodes { id filename supersedes { id filename } supersededBy { id } } edges { node { id } } } } }`;

beforeAll(async () => {
  server = await startServer();
  for (const [key, isPublic] of [
    ['pub', true],
    ['priv', false],
  ] as const) {
    const org = await makeOrganisation({ isPublic });
    orgs[key] = String(org._id);
  }
  const member = await makeUser({ memberOf: [{ organisation: new Types.ObjectId(orgs.pub) }, { organisation: new Types.ObjectId(orgs.priv) }] });
  const recused = await makeUser({ role: 'OFFICER' });
  for (const id of Object.values(orgs)) {
    await ConflictOfInterestModel.create({ officer: recused.user._id, organisation: id, reason: 'Membre du bureau.', declaredAt: new Date() });
  }
  Object.assign(tokens, {
    anonymous: null,
    member: member.token,
    outsider: (await makeUser()).token,
    coordinator: (await makeUser({ role: 'COORDINATOR' })).token,
    officer: (await makeUser({ role: 'OFFICER' })).token,
    recused: recused.token,
    admin: (await makeUser({ role: 'ADMIN' })).token,
  });
  for (const id of Object.values(orgs)) {
    await upload(server, member.token, { organisationId: id, kind: 'BANK_DETAILS' }, { data: pdf(`RIB ancien ${id}`), filename: 'rib-2025.pdf' });
    await upload(server, member.token, { organisationId: id, kind: 'BANK_DETAILS' }, { data: pdf(`RIB nouveau ${id}`), filename: 'rib-2026.pdf' });
  }
});
afterAll(() => server.close());

const SEES: Record<Who, boolean> = { anonymous: false, member: true, outsider: false, coordinator: false, officer: true, recused: false, admin: true };

describe('nested paths to documents', () => {
  it.each(Object.keys(SEES) as Who[])('Organisation.documents and its versions, as %s', async (who) => {
    for (const key of ['pub', 'priv'] as const) {
      const res = await server.gql(QUERY, { id: orgs[key] }, tokens[who]);
      expect(res.body.errors).toBeUndefined();
      const org = res.body.data.organisation;
      // A private organisation is itself hidden from those who may not see it: no path at all.
      if (!org) {
        expect(key).toBe('priv');
        continue;
      }
      if (!SEES[who]) {
        expect(org.documents).toBeNull();
        continue;
      }
      expect(org.documents.totalCount).toBe(2);
      expect(org.documents.nodes[0]).toMatchObject({ filename: 'rib-2026.pdf', supersedes: { filename: 'rib-2025.pdf' }, supersededBy: null });
      expect(org.documents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(org.documents.nodes.map((n: { id: string }) => n.id));
    }
  });
});
