// Coverage gaps and the co-funding ledger through GraphQL over HTTP.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeRoles, seedReference } from '../../helpers/factories';
import { isPublicFunder, fundingOf } from '../../../src/modules/coordination/cofunding.service';
import { makeGrant, makeProgramme } from './grant-docs';

useTestDatabase();
let server: TestServer;
let roles: Awaited<ReturnType<typeof makeRoles>>;
let ref: Awaited<ReturnType<typeof seedReference>>;
const id = (x: { _id: unknown }) => String(x._id);

beforeAll(async () => {
  server = await startServer();
  ref = await seedReference();
  roles = await makeRoles();
});
afterAll(() => server.close());

const COVERAGE = `query($filter: CoverageFilter) {
  coverage(filter: $filter) {
    year gapCount
    cells { domain { code } neighbourhood { code isPriority } activeOrganisations approvedApplications amountGranted isGap }
  }
}`;

describe('coverage', () => {
  it('gives one cell per domain x neighbourhood, priority neighbourhoods first, with gaps, organisations and grants of the year', async () => {
    const d = (c: string) => ref.domainByCode.get(c)!._id;
    const h = (c: string) => ref.neighbourhoodByCode.get(c)!._id;
    const occitan = await makeOrganisation({ domains: [d('culture-occitane')], neighbourhoods: [h('encagnane'), h('centre-historique')] });
    await makeOrganisation({ domains: [d('culture')], neighbourhoods: [h('encagnane')], isPublic: false });
    await makeOrganisation({ domains: [d('culture')], neighbourhoods: [h('corsy')], status: 'DISSOLVED' });
    await makeOrganisation({ domains: [d('migrants')], neighbourhoods: [h('beisson')] });
    const programme = await makeProgramme();
    await makeGrant({ organisation: occitan._id, programme: programme._id, amount: 12_500_00, decidedAt: new Date('2026-05-02T08:00:00Z') });
    await makeGrant({
      organisation: occitan._id,
      programme: programme._id,
      amount: 3_000_00,
      targetDomains: [d('culture')],
      targetNeighbourhoods: [h('corsy')],
      decidedAt: new Date('2026-06-02T08:00:00Z'),
    });
    await makeGrant({ organisation: occitan._id, programme: programme._id, amount: 99_00, decidedAt: new Date('2025-12-31T22:30:00Z') }); // 2025-12-31 23:30 in Paris
    await makeGrant({ organisation: occitan._id, programme: programme._id, amount: 77_00, status: 'UNDER_REVIEW' });

    const res = dataOf(
      await server.gql(
        COVERAGE,
        { filter: { year: 2026, domainIds: [id(ref.domainByCode.get('culture')!), id(ref.domainByCode.get('culture-occitane')!)] } },
        roles.coordinator.token,
      ),
    );
    const { cells } = res.coverage;
    expect(cells).toHaveLength(2 * 15);
    expect(cells.slice(0, 8).every((c: { neighbourhood: { isPriority: boolean } }) => c.neighbourhood.isPriority)).toBe(true);
    expect(cells.slice(8).some((c: { neighbourhood: { isPriority: boolean } }) => c.neighbourhood.isPriority)).toBe(false);
    const cell = (dc: string, hc: string) =>
      cells.find((c: { domain: { code: string }; neighbourhood: { code: string } }) => c.domain.code === dc && c.neighbourhood.code === hc);
    // The parent domain counts its child's organisation and its own private one; the dissolved one counts nowhere.
    expect(cell('culture', 'encagnane')).toMatchObject({ activeOrganisations: 2, approvedApplications: 1, amountGranted: 12_500_00, isGap: false });
    expect(cell('culture-occitane', 'encagnane')).toMatchObject({ activeOrganisations: 1, approvedApplications: 1, amountGranted: 12_500_00, isGap: false });
    expect(cell('culture', 'corsy')).toMatchObject({ activeOrganisations: 0, approvedApplications: 1, amountGranted: 3_000_00, isGap: true });
    expect(cell('culture-occitane', 'centre-historique')).toMatchObject({ activeOrganisations: 1, isGap: false });
    expect(cell('culture', 'facultes')).toMatchObject({ activeOrganisations: 0, isGap: false });
    expect(res.coverage.gapCount).toBe(cells.filter((c: { isGap: boolean }) => c.isGap).length);
    // Four QPV x two domains; only Encagnane has partners in both (the parent through its child).
    expect(res.coverage.gapCount).toBe(6);
  });

  it('is for coordinators, officers and admins; it refuses a bad year and an unknown domain on their fields', async () => {
    expect((await server.gql(COVERAGE, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(COVERAGE, {}, roles.member.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await server.gql(COVERAGE, { filter: { year: 1789 } }, roles.officer.token);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.year' });
    const unknown = await server.gql(COVERAGE, { filter: { domainIds: ['65a0a0a0a0a0a0a0a0a0a0a0'] } }, roles.officer.token);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.domainIds' });
  });
});

const FUNDING = `query($id: ID!) { grantApplication(id: $id) { number funding {
  totalCost cityAmount cityAmountIsDecided otherPublicAmount privateAmount publicAmount publicShareBasisPoints flags
  sources { name amount status isPublic } } } }`;
const ALERTS = `query($year: Int!) { cofundingAlerts(year: $year) { flag message application { number } related { number } funding { publicAmount totalCost } } }`;

describe('co-funding', () => {
  it('gives the ledger of an application: cost, public and private shares', async () => {
    const org = await makeOrganisation();
    const programme = await makeProgramme();
    const g = await makeGrant({
      organisation: org._id,
      programme: programme._id,
      amount: 20_000_00,
      expenses: [50_000_00, 10_000_00],
      otherFunders: [
        { name: 'Région Sud', amount: 15_000_00, status: 'GRANTED' },
        { name: 'CAF des Bouches-du-Rhône', amount: 5_000_00, status: 'REQUESTED' },
        { name: 'Fondation de France', amount: 8_000_00, status: 'GRANTED' },
      ],
    });
    const res = dataOf(await server.gql(FUNDING, { id: id(g) }, roles.officer.token));
    expect(res.grantApplication.funding).toEqual({
      totalCost: 60_000_00,
      cityAmount: 20_000_00,
      cityAmountIsDecided: true,
      otherPublicAmount: 20_000_00,
      privateAmount: 8_000_00,
      publicAmount: 40_000_00,
      publicShareBasisPoints: 6667,
      flags: [],
      sources: [
        { name: 'Région Sud', amount: 15_000_00, status: 'GRANTED', isPublic: true },
        { name: 'CAF des Bouches-du-Rhône', amount: 5_000_00, status: 'REQUESTED', isPublic: true },
        { name: 'Fondation de France', amount: 8_000_00, status: 'GRANTED', isPublic: false },
      ],
    });
  });

  it('flags public money above cost and the same project funded twice in a year, and lists them for officers only', async () => {
    const org = await makeOrganisation();
    const programme = await makeProgramme({ year: 2031 });
    const over = await makeGrant({
      organisation: org._id,
      programme: programme._id,
      year: 2031,
      amount: 9_000_00,
      expenses: [10_000_00],
      otherFunders: [{ name: 'Département des Bouches-du-Rhône', amount: 2_000_00, status: 'GRANTED' }],
    });
    const first = await makeGrant({ organisation: org._id, programme: programme._id, year: 2031, title: 'Fête de quartier à Corsy', amount: 1_000_00 });
    const second = await makeGrant({ organisation: org._id, programme: programme._id, year: 2031, title: 'FÊTE DE QUARTIER — à Corsy!', amount: 2_000_00 });
    await makeGrant({ organisation: org._id, programme: programme._id, year: 2031, title: 'Fête de quartier à Corsy', status: 'REJECTED' });

    const ledger = dataOf(await server.gql(FUNDING, { id: id(second) }, roles.officer.token)).grantApplication.funding;
    expect(ledger.flags).toEqual(['DUPLICATE_CITY_FUNDING']);
    const overLedger = dataOf(await server.gql(FUNDING, { id: id(over) }, roles.officer.token)).grantApplication.funding;
    expect(overLedger).toMatchObject({ flags: ['PUBLIC_FUNDING_EXCEEDS_COST'], publicShareBasisPoints: 11000 });

    const alerts = dataOf(await server.gql(ALERTS, { year: 2031 }, roles.officer.token)).cofundingAlerts;
    expect(alerts.map((a: { flag: string; application: { number: string } }) => [a.flag, a.application.number])).toEqual([
      ['PUBLIC_FUNDING_EXCEEDS_COST', over.number],
      ['DUPLICATE_CITY_FUNDING', first.number],
      ['DUPLICATE_CITY_FUNDING', second.number],
    ]);
    expect(alerts[0].message).toBe("Public funding (11,000.00 EUR) exceeds the project's cost (10,000.00 EUR) by 1,000.00 EUR.");
    expect(alerts[1].related).toEqual([{ number: second.number }]);

    expect((await server.gql(ALERTS, { year: 2031 }, roles.coordinator.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql(ALERTS, { year: 3000 }, roles.officer.token)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'year',
    });
  });
});

describe('the ledger rules', () => {
  it('recognises public funders by name', () => {
    for (const name of [
      'État – Politique de la ville',
      'Région Sud Provence-Alpes-Côte d’Azur',
      'Conseil départemental 13',
      'Métropole Aix-Marseille-Provence',
      'CAF 13',
      'ANCT',
      'Union européenne (FSE+)',
      'France Travail',
    ]) {
      expect([name, isPublicFunder(name)]).toEqual([name, true]);
    }
    for (const name of ['Fondation de France', 'Crédit Coopératif', 'Mécénat Boulangerie Martin', 'Cotisations des adhérents']) {
      expect([name, isPublicFunder(name)]).toEqual([name, false]);
    }
  });

  it('trusts what the applicant declared over the name: a public foundation counts, a private "Office" does not', () => {
    const f = fundingOf({
      _id: {} as never,
      organisation: {} as never,
      title: 't',
      year: 2026,
      status: 'SUBMITTED',
      requestedAmount: 1_000_00,
      decision: null,
      budgetLines: [{ kind: 'EXPENSE', label: 'Projet', amount: 10_000_00 }],
      otherFunders: [
        { name: 'Fondation publique des Hôpitaux', amount: 2_000_00, status: 'GRANTED', isPublic: true },
        { name: 'Office de Tourisme privé', amount: 3_000_00, status: 'GRANTED', isPublic: false },
        { name: 'Région Sud', amount: 1_000_00, status: 'GRANTED' },
      ],
    } as never);
    expect(f.sources.map((s: { name: string; isPublic: boolean }) => [s.name, s.isPublic])).toEqual([
      ['Fondation publique des Hôpitaux', true],
      ['Office de Tourisme privé', false],
      ['Région Sud', true],
    ]);
  });

  it('uses the requested amount before a decision and flags a budget without expenses', () => {
    const f = fundingOf({
      _id: {} as never,
      organisation: {} as never,
      title: 't',
      year: 2026,
      status: 'SUBMITTED',
      requestedAmount: 5_000_00,
      decision: null,
      budgetLines: [],
      otherFunders: [],
    } as never);
    expect(f).toMatchObject({ cityAmount: 5_000_00, cityAmountIsDecided: false, totalCost: 0, publicShareBasisPoints: null, flags: ['NO_EXPENSES'] });
  });
});
