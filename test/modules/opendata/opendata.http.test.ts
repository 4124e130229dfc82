// The legal publication through real HTTP: SCDL 2.1.1 CSV and 360Giving JSON, checked against the
// standards' rules, and the grants left out reported to officers.
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeRoles, fakeSiret } from '../../helpers/factories';
import { makeGrant, makeProgramme } from '../coordination/grant-docs';
import { centsToDecimal, subsidyShare } from '../../../src/modules/opendata/scdl';
import { scdlViolations, SCDL_2_1_1_HEADER } from './scdl-rules';

useTestDatabase();
let server: TestServer;
let roles: Awaited<ReturnType<typeof makeRoles>>;
const grants: Record<string, { number: string }> = {};

beforeAll(async () => {
  server = await startServer({ cityName: "Commune d'Aix-en-Provence", citySiret: '21130001700012' });
  roles = await makeRoles();
  const programme = await makeProgramme({ name: 'Appel à projets "Quartiers solidaires", 2026' });
  const siretOnly = await makeOrganisation({ name: 'SCIC Atelier Vélo', legalForm: 'SCIC', rna: undefined, siret: fakeSiret(4101) });
  const rnaOnly = await makeOrganisation({ name: 'Association Théâtre, Rue & Cie', rna: 'W131004102' });
  const both = await makeOrganisation({ name: 'Les Jardins Partagés', rna: 'W131004103', siret: fakeSiret(4103) });
  const neither = await makeOrganisation({ name: 'Collectif sans numéro', rna: undefined, siret: undefined });
  const p = programme._id;
  grants.big = await makeGrant({
    organisation: siretOnly._id,
    programme: p,
    amount: 123_456_78,
    expenses: [200_000_00, 74_000_00],
    title: 'Atelier vélo "solidaire", quartier Encagnane',
    decidedAt: new Date('2026-03-10T09:00:00Z'),
    convention: { reference: 'CONV-2026-01', signedAt: new Date('2026-03-20T00:00:00Z') },
    tranches: [
      { amount: 60_000_00, dueDate: '2026-04-01', paidAt: '2026-04-03' },
      { amount: 40_000_00, dueDate: '2026-09-01' },
      { amount: 23_456_78, dueDate: '2027-01-15' },
    ],
  });
  grants.small = await makeGrant({
    organisation: rnaOnly._id,
    programme: p,
    amount: 5,
    expenses: [100_00],
    title: 'Spectacle de rue',
    decidedAt: new Date('2025-12-31T23:30:00Z'),
  });
  grants.both = await makeGrant({
    organisation: both._id,
    programme: p,
    amount: 2_500_00,
    expenses: [2_500_00],
    tranches: [{ amount: 2_500_00, dueDate: '2026-06-30' }],
    status: 'COMPLETED',
    decidedAt: new Date('2026-06-01T10:00:00Z'),
  });
  grants.excluded = await makeGrant({ organisation: neither._id, programme: p, amount: 1_000_00, decidedAt: new Date('2026-07-01T10:00:00Z') });
  await makeGrant({ organisation: both._id, programme: p, amount: 7_00, decidedAt: new Date('2026-12-31T23:30:00Z') }); // 2027 in Paris
  await makeGrant({ organisation: both._id, programme: p, status: 'UNDER_REVIEW' });
  await makeGrant({ organisation: both._id, programme: p, status: 'REJECTED' });
});
afterAll(() => server.close());

describe('GET /api/open-data/scdl/subventions-<year>.csv', () => {
  it('publishes every grant approved that year in SCDL 2.1.1, valid against the standard', async () => {
    const res = await server.get('/api/open-data/scdl/subventions-2026.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('x-excluded-grants')).toBe('1');
    const text = await res.text();
    expect(text.startsWith(`${SCDL_2_1_1_HEADER.join(',')}\r\n`)).toBe(true);
    const rows = parse(text, { relax_column_count: true }) as string[][];
    expect(scdlViolations(rows)).toEqual([]);
    expect(rows.slice(1).map((r) => r[3])).toEqual([grants.small!.number, grants.big!.number, grants.both!.number]);
  });

  it('writes each field as the standard wants it: amounts with a decimal point, days, identifiers, tranches', async () => {
    const rows = parse(await (await server.get('/api/open-data/scdl/subventions-2026.csv')).text(), { columns: true }) as Record<string, string>[];
    const [small, big, both] = rows;
    expect(big).toEqual({
      nomAttribuant: "Commune d'Aix-en-Provence",
      idAttribuant: '21130001700012',
      dateConvention: '2026-03-20',
      referenceDecision: grants.big!.number,
      nomBeneficiaire: 'SCIC Atelier Vélo',
      idBeneficiaire: fakeSiret(4101),
      rnaBeneficiaire: '',
      objet: 'Atelier vélo "solidaire", quartier Encagnane',
      montant: '123456.78',
      nature: 'aide en numéraire',
      conditionsVersement: 'échelonné',
      datesPeriodeVersement: '2026-04-03/2027-01-15',
      idRAE: '',
      notificationUE: 'non',
      // The beneficiary's share of the grant, not of the project's cost (issue 13): one beneficiary, 1.00.
      pourcentageSubvention: '1.00',
      // An identifier of the national aid-scheme schema, which the programmes do not carry: empty (issue 13).
      dispositifAide: '',
    });
    // Decided at 00:30 on 1 January in Paris: a 2026 grant; 5 cents is 0.05 EUR. No schedule: the day of the
    // single payment is unknown, so the schema wants the period it falls in (decision to end of the year).
    expect(small).toMatchObject({
      dateConvention: '2026-01-01',
      montant: '0.05',
      rnaBeneficiaire: 'W131004102',
      idBeneficiaire: '',
      conditionsVersement: 'unique',
      datesPeriodeVersement: '2026-01-01/2026-12-31',
      pourcentageSubvention: '1.00',
    });
    expect(both).toMatchObject({
      idBeneficiaire: fakeSiret(4103),
      rnaBeneficiaire: 'W131004103',
      montant: '2500.00',
      datesPeriodeVersement: '2026-06-30',
      pourcentageSubvention: '1.00',
    });
  });

  it('gives an empty but valid file for a year without grants, and refuses a malformed year on its parameter', async () => {
    const empty = await server.get('/api/open-data/scdl/subventions-2019.csv');
    expect(await empty.text()).toBe(`${SCDL_2_1_1_HEADER.join(',')}\r\n`);
    const bad = await server.get('/api/open-data/scdl/subventions-26.csv');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [{ message: 'The year must be written with 4 digits, from 2000 to 2100 (got "26").', extensions: { code: 'BAD_USER_INPUT', field: 'year' } }],
    });
  });
});

describe('GET /api/open-data/360giving-<year>.json', () => {
  it('publishes the same grants in the 360Giving shape, amounts as numbers', async () => {
    const res = await server.get('/api/open-data/360giving-2026.json');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"amountAwarded":123456.78,');
    const body = JSON.parse(text) as { grants: Record<string, any>[] };
    expect(body.grants).toHaveLength(3);
    for (const g of body.grants) {
      expect(g.id).toMatch(/^360G-/);
      expect(typeof g.title).toBe('string');
      expect(typeof g.description).toBe('string');
      expect(g.currency).toBe('EUR');
      expect(typeof g.amountAwarded).toBe('number');
      expect(g.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(g.recipientOrganization[0]).toEqual({ id: expect.stringMatching(/^FR-(SIRET-\d{14}|RNA-W\d{9})$/), name: expect.any(String) });
      expect(g.fundingOrganization).toEqual([{ id: 'FR-SIRET-21130001700012', name: "Commune d'Aix-en-Provence" }]);
    }
    expect(body.grants.map((g) => g.amountAwarded)).toEqual([0.05, 123456.78, 2500]);
    expect(body.grants[0]!.recipientOrganization[0].id).toBe('FR-RNA-W131004102');
  });
});

describe('openDataExclusions', () => {
  const Q = `query($year: Int!) { openDataExclusions(year: $year) { application { number } organisation { name } reason } }`;
  it('tells officers which grants were left out and why; nobody else', async () => {
    const res = dataOf(await server.gql(Q, { year: 2026 }, roles.officer.token));
    expect(res.openDataExclusions).toEqual([
      {
        application: { number: grants.excluded!.number },
        organisation: { name: 'Collectif sans numéro' },
        reason: expect.stringContaining('neither a SIRET nor an RNA number'),
      },
    ]);
    expect((await server.gql(Q, { year: 2026 }, roles.coordinator.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(Q, { year: 2026 })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('formats', () => {
  it('turns cents into euros with a decimal point and shares into hundredths, with integers only', () => {
    expect([centsToDecimal(0), centsToDecimal(5), centsToDecimal(100), centsToDecimal(123456789), centsToDecimal(9007199254740991)]).toEqual([
      '0.00',
      '0.05',
      '1.00',
      '1234567.89',
      '90071992547409.91',
    ]);
    expect([subsidyShare(1, 3), subsidyShare(2, 3), subsidyShare(1, 200), subsidyShare(5, 1000), subsidyShare(10, 5), subsidyShare(10, 0)]).toEqual([
      '0.33',
      '0.67',
      '0.01',
      '0.01',
      '1.00',
      '1.00',
    ]);
  });
});
