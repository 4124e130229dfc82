// The coordination figures count multi-year conventions and aid in kind: the co-funding ledger's city
// share is every year's cash plus the aid in kind, and the coverage matrix of a year counts the
// conventions whose year was voted, with that year's cash and aid in kind.
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { seedReference } from '../../helpers/factories';
import { fixClock, restoreClock } from '../grants/fixtures';
import { APPROVE, caller, councilDecision, multiYearUnderReview, VOTE, world, type Call } from './helpers';

useTestDatabase();
let server: TestServer;
let call: Call;
let ref: Awaited<ReturnType<typeof seedReference>>;

beforeAll(async () => {
  fixClock();
  server = await startServer();
  call = caller(server);
  ref = await seedReference();
});
afterAll(async () => {
  restoreClock();
  await server.close();
});

const FUNDING = `query($id: ID!) { grantApplication(id: $id) { funding { totalCost cityAmount cityAmountIsDecided publicAmount } } }`;
const COVERAGE = `query($filter: CoverageFilter) { coverage(filter: $filter) { cells { domain { code } neighbourhood { code } approvedApplications amountGranted } } }`;

describe('coordination figures', () => {
  it('count every year of a convention and its aid in kind', async () => {
    const w = await world([2026, 2027]);
    const domain = ref.domainByCode.get('culture')!;
    const neighbourhood = ref.neighbourhoodByCode.get('beisson')!;
    const years = [
      { year: 2026, amount: 2_000_000 },
      { year: 2027, amount: 2_500_000 },
    ];
    const id = await multiYearUnderReview(call, w, years, { targetDomainIds: [String(domain._id)], targetNeighbourhoodIds: [String(neighbourhood._id)] });
    const approved = await call(w.tokens.officer, APPROVE, {
      id,
      i: {
        amount: 2_000_000,
        envelopeId: w.envelopes[2026],
        inKind: [
          { kind: 'PREMISES', description: 'Salle', valuation: 300_000, year: 2026 },
          { kind: 'SERVICES', description: 'Transport', valuation: 50_000, year: 2027 },
        ],
      },
    });
    expect(approved.errors).toEqual([]);

    const funding = dataOf(await server.gql(FUNDING, { id }, w.tokens.officer)).grantApplication.funding;
    // 20,000 + 25,000 EUR of cash over the two years, 3,500 EUR in kind.
    expect(funding).toMatchObject({ cityAmount: 4_850_000, cityAmountIsDecided: true, totalCost: 4_700_000 });

    const cell = async (year: number) => {
      const cells = dataOf(await server.gql(COVERAGE, { filter: { year, domainIds: [String(domain._id)] } }, w.tokens.officer)).coverage.cells;
      return cells.find((c: any) => c.neighbourhood.code === 'beisson');
    };
    expect(await cell(2026)).toMatchObject({ approvedApplications: 1, amountGranted: 2_300_000 });
    // 2027 is provisional: not counted until the council votes it.
    expect(await cell(2027)).toMatchObject({ approvedApplications: 0, amountGranted: 0 });
    const cd = await councilDecision(call, w.tokens.officer, 'DEL-COV-2027');
    expect((await call(w.tokens.officer, VOTE, { i: { applicationId: id, year: 2027, envelopeId: w.envelopes[2027], councilDecisionId: cd } })).errors).toEqual(
      [],
    );
    expect(await cell(2027)).toMatchObject({ approvedApplications: 1, amountGranted: 2_550_000 });
    expect(await cell(2026)).toMatchObject({ approvedApplications: 1, amountGranted: 2_300_000 });
  });
});
