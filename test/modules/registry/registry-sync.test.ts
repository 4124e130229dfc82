// Registry rows reach the organisations collection only through the organisation module, and only once
// they pass the Organisation model's own validators (the bulk write cannot run them itself).
import { useTestDatabase } from '../../helpers/db';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { applyRegistryRows, type RegistryRow } from '../../../src/modules/organisation/registry-sync.service';
import { schemaChecker } from '../../../src/shared/schema-check';
import { makeOrganisation } from '../../helpers/factories';
import { ActivityModel } from '../../../src/modules/activity/activity.model';
import { organisationHistory } from '../../../src/modules/organisation/organisation.history';

useTestDatabase();

const row = (rna: string, fields: RegistryRow['fields'], line = 2): RegistryRow => ({
  line,
  rna,
  fields: { name: 'Les Amis du Lavoir', description: 'entretien du lavoir et animations', status: 'ACTIVE', ...fields },
});

describe('applying registry rows', () => {
  it('stores valid rows and refuses, with the field at fault, a row the model would refuse', async () => {
    const outcomes = await applyRegistryRows([
      row('W139000001', {}),
      row('W139000002', { acronym: 'X'.repeat(31) }, 3),
      row('W139000003', { address: { street: 'rue du Lavoir', postcode: '1'.repeat(11) } }, 4),
      row('W139000004', { status: 'DISSOLVED' }, 5),
    ]);
    expect(outcomes[0]).toBe('created');
    expect(outcomes[1]).toEqual({ error: expect.stringContaining('(field acronym)') });
    expect(outcomes[2]).toEqual({ error: expect.stringContaining('(field address.postcode)') });
    expect(outcomes[3]).toBe('dissolved');
    const stored = await OrganisationModel.find({ rna: /^W13900000/ })
      .sort({ rna: 1 })
      .lean();
    expect(stored.map((o) => o.rna)).toEqual(['W139000001', 'W139000004']);
  });

  it('checks an update against the model too, and leaves the stored record as it was when refused', async () => {
    const org = await makeOrganisation({ rna: 'W139000010', source: 'RNA', name: 'Jardin Partagé' });
    const [outcome] = await applyRegistryRows([row('W139000010', { name: 'Jardin Partagé', website: `http://example.org/${'a'.repeat(300)}` })]);
    expect(outcome).toEqual({ error: expect.stringContaining('(field website)') });
    expect((await OrganisationModel.findById(org._id).lean())!.website).toBeUndefined();
    const [ok] = await applyRegistryRows([row('W139000010', { name: 'Jardin Partagé', website: 'https://jardin.example.org' })]);
    expect(ok).toBe('updated');
    expect((await OrganisationModel.findById(org._id).lean())!.website).toBe('https://jardin.example.org');
  });
});

describe('a dissolution brought by the registry', () => {
  it("lands in the organisation's trail like an officer's, with the registry as its reason, once however often the file is applied", async () => {
    const org = await makeOrganisation({ rna: 'W139000020', source: 'RNA', name: 'Les Amis du Lavoir', status: 'ACTIVE' });
    const dissolved = row('W139000020', { status: 'DISSOLVED', registryUpdatedAt: new Date('2026-02-01T00:00:00Z') });
    expect(await applyRegistryRows([dissolved])).toEqual(['dissolved']);
    expect(await applyRegistryRows([dissolved])).toEqual(['unchanged']);

    const trail = await ActivityModel.find({ objectType: 'Organisation', objectId: org._id }).lean();
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'DISSOLVE',
        actor: null,
        fromStatus: 'ACTIVE',
        toStatus: 'DISSOLVED',
        reason: 'Dissolved in the national associations registry (RNA).',
        changes: expect.arrayContaining([{ field: 'status', before: 'ACTIVE', after: 'DISSOLVED' }]),
      }),
    ]);
    const stored = await OrganisationModel.findById(org._id).select('+activityOutbox').lean<{ status: string; activityOutbox?: unknown[] }>();
    expect({ status: stored!.status, outbox: stored!.activityOutbox }).toEqual({ status: 'DISSOLVED', outbox: [] });
    // Readers of the organisation's history see it first.
    const history = await organisationHistory(org._id, { first: 5 });
    expect(history.edges.map((e) => e.node.action)).toEqual(['DISSOLVE']);

    // The registry saying it operates again is recorded too.
    expect(await applyRegistryRows([row('W139000020', { status: 'ACTIVE' })])).toEqual(['updated']);
    const actions = (await ActivityModel.find({ objectId: org._id }).sort({ at: 1 }).lean()).map((a) => [a.action, a.reason]);
    expect(actions).toEqual([
      ['DISSOLVE', 'Dissolved in the national associations registry (RNA).'],
      ['REACTIVATE', 'Shown as operating in the national associations registry (RNA).'],
    ]);
  });

  it('records nothing for a row that changes no status, nor for one the model refuses', async () => {
    const org = await makeOrganisation({ rna: 'W139000021', source: 'RNA', name: 'Jardin du Lavoir', status: 'ACTIVE' });
    expect(await applyRegistryRows([row('W139000021', { name: 'Jardin du Lavoir', description: 'un jardin partagé' })])).toEqual(['updated']);
    const [refused] = await applyRegistryRows([row('W139000021', { status: 'DISSOLVED', acronym: 'X'.repeat(31) })]);
    expect(refused).toEqual({ error: expect.stringContaining('(field acronym)') });
    expect(await ActivityModel.countDocuments({ objectId: org._id })).toBe(0);
    expect((await OrganisationModel.findById(org._id).lean())!.status).toBe('ACTIVE');
  });
});

describe('schemaChecker', () => {
  const check = schemaChecker(OrganisationModel);
  const valid = {
    name: 'Atelier Vélo',
    nameKey: 'atelier velo',
    legalForm: 'ASSOCIATION',
    description: 'réparer ensemble',
    status: 'ACTIVE',
    isPublic: true,
    source: 'RNA',
  };

  // Each record breaks one rule of the schema; Mongoose's own validation must agree on the path.
  const broken: [string, Record<string, unknown>][] = [
    ['name', { ...valid, name: undefined }],
    ['name', { ...valid, name: 'n'.repeat(201) }],
    ['legalForm', { ...valid, legalForm: 'CLUB' }],
    ['status', { ...valid, status: 'SLEEPING' }],
    ['source', { ...valid, source: 'ELSEWHERE' }],
    ['headcount.staff', { ...valid, headcount: { staff: -1 } }],
    ['privateContact.email', { ...valid, privateContact: { email: `${'e'.repeat(250)}@x.fr` } }],
  ];

  it.each(broken)('finds the same fault as Mongoose on %s', async (path, record) => {
    expect(check(record)).toEqual({ path, message: expect.any(String) });
    const err = await new OrganisationModel(record).validate().then(
      () => null,
      (e: { errors: Record<string, unknown> }) => e,
    );
    expect(Object.keys(err!.errors)).toContain(path);
  });

  it('passes a record that Mongoose accepts', async () => {
    expect(check(valid)).toBeNull();
    await expect(new OrganisationModel(valid).validate()).resolves.toBeUndefined();
  });
});
