// A second city, proven: the product booted as Bellerive-sur-Lune (a fictional commune far from Aix) from
// its settings alone, its neighbourhoods imported by the real command from files in the published QPV and
// IRIS formats, its domains created through the API, then its main paths: the directory's search and
// filters, a grant from draft to payment, coverage with its priority neighbourhoods first, and the open-data
// publication in its name and SIRET. Nothing of the seeds, nothing of Aix.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { fakeRna, makeUser } from '../helpers/factories';
import { loadConfig, type Config } from '../../src/config';

const execute = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'neighbourhoods');
const YEAR = new Date().getUTCFullYear();
const db = useTestDatabase();

/** The city's settings, as its IT department writes them in the environment. */
const ENV = {
  NODE_ENV: 'test',
  CITY_NAME: 'Commune de Bellerive-sur-Lune',
  CITY_SIRET: '21459990000013',
  CITY_INSEE: '45999',
  CITY_ADDRESS: 'Hôtel de ville; 1, place de la Mairie; 45999 Bellerive-sur-Lune',
  CITY_COURT: "tribunal administratif d'Orléans",
  CITY_BOUNDS: join(FIXTURES, 'bellerive-outline.geojson'),
  CITY_LOGO: join(ROOT, 'test', 'fixtures', 'city-logo.svg'),
  PUBLIC_URL: 'https://subventions.bellerive-sur-lune.example',
};
const CITY_KEYS = ['cityName', 'citySiret', 'cityInsee', 'cityAddress', 'cityCourt', 'cityBoundsPath', 'cityLogoPath', 'publicUrl'] as const;

let server: TestServer;
let admin: Awaited<ReturnType<typeof makeUser>>;
let officer: Awaited<ReturnType<typeof makeUser>>;
let coordinator: Awaited<ReturnType<typeof makeUser>>;
const domainId: Record<string, string> = {};
const hoodId: Record<string, string> = {};
const orgId: Record<string, string> = {};

async function importFile(...args: string[]) {
  const r = await execute(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'import-neighbourhoods.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...ENV, NODE_ENV: 'development', MONGODB_URI: db.uri(), LOG_LEVEL: 'silent' },
  });
  return r.stdout;
}

async function ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const data = dataOf(await server.gql(query, variables, token)) as Record<string, { errors?: unknown[] }>;
  for (const value of Object.values(data)) if (value && typeof value === 'object' && 'errors' in value) expect(value.errors).toEqual([]);
  return data as T;
}

beforeAll(async () => {
  const settings: Config = loadConfig(ENV);
  server = await startServer(Object.fromEntries(CITY_KEYS.map((k) => [k, settings[k]])) as Partial<Config>);
  admin = await makeUser({ role: 'ADMIN' });
  officer = await makeUser({ role: 'OFFICER' });
  coordinator = await makeUser({ role: 'COORDINATOR' });
}, 60_000);
afterAll(() => server.close());

describe('Bellerive-sur-Lune, deployed without a change to the code', () => {
  it('tells clients which city they talk to', async () => {
    const { city } = await ok(null, '{ city { name insee siret address publicUrl } apiVersion }');
    expect(city).toEqual({
      name: 'Commune de Bellerive-sur-Lune',
      insee: '45999',
      siret: '21459990000013',
      address: ['Hôtel de ville', '1, place de la Mairie', '45999 Bellerive-sur-Lune'],
      publicUrl: 'https://subventions.bellerive-sur-lune.example',
    });
  });

  it('imports its districts and its priority neighbourhoods with the import command', async () => {
    const districts = await importFile(join(FIXTURES, 'iris-bellerive.geojson'), '--name-property', 'nom_iris', '--code-property', 'code_iris');
    expect(districts).toMatch(/^ {2}created\s+4\b/m);
    const qpv = await importFile(
      join(FIXTURES, 'qpv-bellerive.geojson'),
      '--name-property',
      'nom_qp',
      '--code-property',
      'code_qp',
      '--priority',
      '--where',
      'commune_qp=Bellerive-sur-Lune',
    );
    expect(qpv).toMatch(/^ {2}created\s+3\b/m);
    expect(qpv).toMatch(/^ {2}skipped\s+1\b/m);
    const { neighbourhoods } = await ok(null, '{ neighbourhoods { id code name isPriority geometry } }');
    for (const n of neighbourhoods) hoodId[n.code] = n.id;
    expect(neighbourhoods.map((n: { code: string; isPriority: boolean }) => [n.code, n.isPriority])).toEqual([
      ['QN04503M', true], // Clos-Fleuri
      ['QN04502M', true], // La Source-Lune
      ['QN04501M', true], // Les Acacias
      ['459990102', false], // Nord-Est, then by name
      ['459990101', false],
      ['459990104', false],
      ['459990103', false],
    ]);
    // The shapes as published: a MultiPolygon of two parts stays one, a hole stays a hole.
    const published = JSON.parse(readFileSync(join(FIXTURES, 'qpv-bellerive.geojson'), 'utf8')) as {
      features: { properties: { code_qp: string }; geometry: unknown }[];
    };
    for (const f of published.features.slice(0, 3)) {
      expect(neighbourhoods.find((n: { code: string }) => n.code === f.properties.code_qp).geometry).toEqual(f.geometry);
    }
  }, 60_000);

  it('creates its own domains through the API', async () => {
    const CREATE = 'mutation($i: CreateDomainInput!) { createDomain(input: $i) { domain { id code proposal } errors { code message field } } }';
    for (const [code, name, proposal, parent] of [
      ['solidarite', 'Solidarité', 1, null],
      ['aide-alimentaire', 'Aide alimentaire', null, 'solidarite'],
      ['culture', 'Culture et patrimoine', 2, null],
    ] as const) {
      const { createDomain } = await ok(admin.token, CREATE, {
        i: { code, name, ...(proposal ? { proposal } : {}), ...(parent ? { parentId: domainId[parent] } : {}) },
      });
      domainId[code] = createDomain.domain.id;
    }
    const { domains } = await ok(null, '{ domains { code proposal parent { code } } }');
    expect(domains).toEqual([
      { code: 'solidarite', proposal: 1, parent: null },
      { code: 'culture', proposal: 2, parent: null },
      { code: 'aide-alimentaire', proposal: 1, parent: { code: 'solidarite' } },
    ]);
  });

  it('registers organisations located in the city, each suggested the neighbourhood of its location, and refuses one elsewhere', async () => {
    const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id neighbourhoods { code } } errors { code message field } } }`;
    const orgs = [
      [
        'epicerie',
        'Épicerie solidaire des Acacias',
        'Une épicerie solidaire pour les familles du quartier.',
        ['aide-alimentaire'],
        { lat: 47.905, lng: 1.875 },
      ],
      ['theatre', 'Théâtre de la Source', 'Ateliers de théâtre et spectacles de quartier.', ['culture'], { lat: 47.8865, lng: 1.907 }],
      ['amicale', 'Amicale du Nord-Ouest', 'Solidarité de voisinage et sorties.', ['solidarite'], { lat: 47.915, lng: 1.865 }],
      // Outside every neighbourhood, inside the commune's outline (CITY_BOUNDS).
      ['rive', 'Les Amis de la Rive', 'Nettoyage des berges et culture fluviale.', ['culture'], { lat: 47.925, lng: 1.945 }],
    ] as const;
    for (const [key, name, description, domains, location] of orgs) {
      const suggestion = await ok(null, 'query($lat: Float!, $lng: Float!) { neighbourhoodAt(lat: $lat, lng: $lng) { code } }', location);
      const { createOrganisation } = await ok(officer.token, CREATE, {
        i: {
          name,
          legalForm: 'ASSOCIATION',
          rna: fakeRna(459000 + Object.keys(orgId).length),
          description,
          domainIds: domains.map((d) => domainId[d]),
          location,
        },
      });
      orgId[key] = createOrganisation.organisation.id;
      const served = createOrganisation.organisation.neighbourhoods.map((n: { code: string }) => n.code);
      expect([key, served]).toEqual([key, suggestion.neighbourhoodAt ? expect.arrayContaining([suggestion.neighbourhoodAt.code]) : []]);
    }
    const outside = dataOf(
      await server.gql(
        CREATE,
        {
          i: {
            name: 'Ailleurs',
            legalForm: 'ASSOCIATION',
            rna: fakeRna(459900),
            description: 'Une association ailleurs.',
            location: { lat: 48.8566, lng: 2.3522 },
          },
        },
        officer.token,
      ),
    );
    expect(outside.createOrganisation.errors).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.location', message: expect.stringMatching(/must be inside the city/) },
    ]);
  });

  it('searches and filters its directory by its own domains and neighbourhoods', async () => {
    const names = async (filter: Record<string, unknown>) =>
      (await ok(null, 'query($f: OrganisationFilter) { organisations(filter: $f, first: 50) { edges { node { name } } } }', { f: filter })).organisations.edges
        .map((e: { node: { name: string } }) => e.node.name)
        .sort();
    expect(await names({ search: 'épicerie' })).toEqual(['Épicerie solidaire des Acacias']);
    // A parent domain includes its sub-domains.
    expect(await names({ domainIds: [domainId.solidarite] })).toEqual(['Amicale du Nord-Ouest', 'Épicerie solidaire des Acacias']);
    expect(await names({ neighbourhoodIds: [hoodId.QN04502M] })).toEqual(['Théâtre de la Source']);
    expect(await names({ priorityNeighbourhoodsOnly: true })).toEqual(['Théâtre de la Source', 'Épicerie solidaire des Acacias'].sort());
    const map = (await (await server.get(`/api/organisations.geojson?domain=culture&neighbourhood=QN04502M`)).json()) as {
      features: { properties: { name: string } }[];
    };
    expect(map.features.map((f) => f.properties.name)).toEqual(['Théâtre de la Source']);
  });

  let applicationId = '';
  it('takes a grant from draft to payment', async () => {
    const member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: orgId.epicerie, role: 'MANAGER' }] });
    const { createFundingProgramme } = await ok(
      admin.token,
      'mutation($i: CreateFundingProgrammeInput!) { createFundingProgramme(input: $i) { programme { id } errors { code message field } } }',
      {
        i: { name: `Solidarités ${YEAR}`, year: YEAR, opensOn: `${YEAR}-01-01`, closesOn: `${YEAR}-12-31`, minAmount: 50000, maxAmount: 2000000 },
      },
    );
    const programmeId = createFundingProgramme.programme.id;
    await ok(
      admin.token,
      'mutation($p: ID!) { setDocumentRequirements(programmeId: $p, requirements: []) { programme { id } errors { code message field } } }',
      { p: programmeId },
    );
    const { createBudgetEnvelope } = await ok(
      admin.token,
      'mutation($i: CreateBudgetEnvelopeInput!) { createBudgetEnvelope(input: $i) { envelope { id } errors { code message field } } }',
      {
        i: { programmeId, label: 'Crédits solidarité', total: 5000000 },
      },
    );
    const APP = 'application { id status paidAmount } errors { code message field }';
    const { createGrantApplication } = await ok(member.token, `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${APP} } }`, {
      i: {
        organisationId: orgId.epicerie,
        programmeId,
        title: 'Paniers solidaires',
        description: 'Des paniers de produits frais pour les familles des Acacias.',
        requestedAmount: 800000,
        targetNeighbourhoodIds: [hoodId.QN04501M],
        targetDomainIds: [domainId['aide-alimentaire']],
      },
    });
    const id = (applicationId = createGrantApplication.application.id);
    expect(createGrantApplication.application.status).toBe('DRAFT');
    await ok(member.token, `mutation($id: ID!, $i: UpdateGrantApplicationInput!) { updateGrantApplication(id: $id, input: $i) { ${APP} } }`, {
      id,
      i: {
        republicanContractAttested: true,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Produits frais', amount: 1000000 },
          { kind: 'INCOME', label: 'Participation des familles', amount: 200000 },
        ],
      },
    });
    await ok(member.token, `mutation($id: ID!) { submitGrantApplication(id: $id) { ${APP} } }`, { id });
    await ok(officer.token, `mutation($id: ID!) { startReview(id: $id) { ${APP} } }`, { id });
    const { approveGrantApplication } = await ok(
      officer.token,
      `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${APP} } }`,
      {
        id,
        i: { amount: 800000, envelopeId: createBudgetEnvelope.envelope.id, motivation: 'Besoin avéré dans le quartier.' },
      },
    );
    expect(approveGrantApplication.application.status).toBe('APPROVED');
    const { schedulePayments } = await ok(
      officer.token,
      'mutation($id: ID!, $t: [TrancheInput!]!) { schedulePayments(id: $id, tranches: $t) { application { payments { id } } errors { code message field } } }',
      {
        id,
        t: [{ amount: 800000, dueDate: `${YEAR + 1}-01-15` }],
      },
    );
    const { recordPayment } = await ok(officer.token, `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { ${APP} } }`, {
      id,
      i: { trancheId: schedulePayments.application.payments[0].id },
    });
    expect(recordPayment.application.paidAmount).toBe(800000);
  });

  it("shows coverage with the city's priority neighbourhoods first", async () => {
    const { coverage } = await ok(
      coordinator.token,
      'query($f: CoverageFilter) { coverage(filter: $f) { cells { domain { code } neighbourhood { code isPriority } activeOrganisations approvedApplications amountGranted } } }',
      { f: { year: YEAR } },
    );
    const hoods = [...new Set(coverage.cells.map((c: { neighbourhood: { code: string } }) => c.neighbourhood.code))];
    expect(hoods).toEqual(['QN04503M', 'QN04502M', 'QN04501M', '459990102', '459990101', '459990104', '459990103']);
    const cell = (d: string, n: string) =>
      coverage.cells.find((c: { domain: { code: string }; neighbourhood: { code: string } }) => c.domain.code === d && c.neighbourhood.code === n);
    expect(cell('aide-alimentaire', 'QN04501M')).toMatchObject({ activeOrganisations: 1, approvedApplications: 1, amountGranted: 800000 });
    // The parent domain counts its sub-domain's grant.
    expect(cell('solidarite', 'QN04501M')).toMatchObject({ approvedApplications: 1, amountGranted: 800000 });
  });

  it("publishes its grants in the open-data formats in the city's name and with its SIRET", async () => {
    const csv = await server.get(`/api/open-data/scdl/subventions-${YEAR}.csv`);
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { columns: true, delimiter: [',', ';'] }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nomAttribuant: 'Commune de Bellerive-sur-Lune', idAttribuant: '21459990000013', objet: 'Paniers solidaires' });
    const giving = await (await server.get(`/api/open-data/360giving-${YEAR}.json`)).json();
    expect(JSON.stringify(giving)).toContain('FR-SIRET-21459990000013');
    expect(JSON.stringify(giving)).not.toContain('21130001700012');
    expect(applicationId).not.toBe('');
  });
});
