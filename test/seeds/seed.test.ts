// The demo data: complete (proposals 12 to 23, 15 neighbourhoods, 300+ organisations, demo accounts),
// coherent (every organisation located inside a neighbourhood it serves) and idempotent.
import mongoose from 'mongoose';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { seedAll, type SeedContext } from '../../seeds/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seeds/users';
import { DomainModel } from '../../src/modules/reference/domain.model';
import { NeighbourhoodModel } from '../../src/modules/reference/neighbourhood.model';
import { OrganisationModel } from '../../src/modules/organisation/organisation.model';
import { UserModel } from '../../src/modules/user/user.model';
import { isValidRna, isValidSiret } from '../../src/shared/identifiers';
import { isValidIban } from '../../src/modules/organisation/organisation.service';

useTestDatabase();
const quiet = { info: () => undefined };
let seeded: SeedContext;
let server: TestServer;

/** Every document of every collection, in a stable order: what "nothing changed" compares. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of await mongoose.connection.db!.collections()) {
    // The data-version tokens (src/shared/versions.ts) are cache stamps, not data: every write through
    // the models replaces them, even one that changes nothing, so they say nothing about idempotency.
    if (c.collectionName === 'dataversions') continue;
    out[c.collectionName] = await c.find({}).sort({ _id: 1 }).toArray();
  }
  return out;
}

beforeAll(async () => {
  seeded = await seedAll({ log: quiet, bcryptCost: 4 });
  server = await startServer();
});
afterAll(() => server.close());

describe('seedAll', () => {
  it('loads at least 300 organisations by default', async () => {
    expect(seeded.organisationIds.length).toBeGreaterThanOrEqual(300);
    expect(await OrganisationModel.countDocuments()).toBe(seeded.organisationIds.length);
  });

  it('is idempotent: a second run changes no count and no document', async () => {
    const before = await snapshot();
    const again = await seedAll({ log: quiet, bcryptCost: 4 });
    const after = await snapshot();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      expect({ name, count: after[name]!.length }).toEqual({ name, count: before[name]!.length });
      expect(after[name]).toEqual(before[name]);
    }
    expect(again.organisationIds.map(String)).toEqual(seeded.organisationIds.map(String));
  });

  it('covers every domain of proposals 12 to 23', async () => {
    const proposals = (await DomainModel.distinct('proposal')).sort((a, b) => a - b);
    expect(proposals).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('has 15 neighbourhoods, the priority ones being Corsy, Beisson, Jas de Bouffan and Encagnane', async () => {
    expect(await NeighbourhoodModel.countDocuments()).toBe(15);
    const priority = await NeighbourhoodModel.find({ isPriority: true }).lean();
    expect(priority.map((n) => n.name).sort()).toEqual(['Beisson', 'Corsy', 'Encagnane', 'Jas de Bouffan']);
  });

  it('locates every organisation inside one of the neighbourhoods it serves', async () => {
    const inside = new Map<string, Set<string>>();
    for (const n of await NeighbourhoodModel.find().lean()) {
      const orgs = await OrganisationModel.find({ location: { $geoIntersects: { $geometry: n.geometry! } } }, { _id: 1 }).lean();
      for (const o of orgs) {
        if (!inside.has(String(o._id))) inside.set(String(o._id), new Set());
        inside.get(String(o._id))!.add(String(n._id));
      }
    }
    const orgs = await OrganisationModel.find({}, { name: 1, neighbourhoods: 1, location: 1 }).lean();
    const misplaced = orgs.filter((o) => !o.neighbourhoods.some((n) => inside.get(String(o._id))?.has(String(n))));
    expect(misplaced.map((o) => o.name)).toEqual([]);
  });

  it('gives every organisation valid identifiers, a domain and a varied legal form', async () => {
    const orgs = await OrganisationModel.find().lean();
    for (const o of orgs) {
      expect(o.rna || o.siret).toBeTruthy();
      if (o.rna) expect(isValidRna(o.rna)).toBe(true);
      if (o.siret) expect(isValidSiret(o.siret)).toBe(true);
      if (o.iban) expect(isValidIban(o.iban)).toBe(true);
      if (o.legalForm !== 'ASSOCIATION') expect(o.siret).toBeTruthy();
      expect(o.domains.length).toBeGreaterThan(0);
      expect(o.nameKey).toBe(
        o.name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .trim(),
      );
    }
    expect(new Set(orgs.map((o) => o.legalForm)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
  });

  it('says the data is invented', async () => {
    const orgs = await OrganisationModel.find({}, { description: 1 }).lean();
    expect(orgs.every((o) => /fictive/.test(o.description ?? ''))).toBe(true);
  });
});

describe('demo accounts', () => {
  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email role } errors { code } } }';

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a.role]))('%s signs in with the demo password as %s', async (email, role) => {
    const res = dataOf(await server.gql(LOGIN, { email, password: DEMO_PASSWORD }));
    expect(res.login.errors).toEqual([]);
    expect(res.login.user).toEqual({ email, role });
  });

  it('includes the four accounts the issue names', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.email)).toEqual(
      expect.arrayContaining(['admin@maillage.test', 'officer@maillage.test', 'coordinator@maillage.test', 'member@maillage.test']),
    );
  });

  it('makes the demo member a member of seeded organisations, who sees their private fields', async () => {
    const login = dataOf(await server.gql(LOGIN, { email: 'member@maillage.test', password: DEMO_PASSWORD })).login;
    const me = dataOf(await server.gql('{ me { memberships { role organisation { id name iban permissions { canEdit } } } } }', {}, login.token)).me;
    expect(me.memberships.length).toBeGreaterThanOrEqual(1);
    for (const m of me.memberships) {
      expect(seeded.organisationIds.map(String)).toContain(m.organisation.id);
      expect(m.organisation.permissions.canEdit).toBe(true);
    }
    expect(me.memberships[0]).toMatchObject({ role: 'MANAGER', organisation: { name: 'Maison des Solidarités d’Encagnane' } });
  });

  it('never resets a password changed after seeding', async () => {
    await UserModel.updateOne({ email: 'member2@maillage.test' }, { $set: { passwordHash: 'changed' } });
    await seedAll({ log: quiet, bcryptCost: 4 });
    expect((await UserModel.findOne({ email: 'member2@maillage.test' }).select('+passwordHash').lean())!.passwordHash).toBe('changed');
  });
});
