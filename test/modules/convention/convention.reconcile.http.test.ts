// A council vote cut midway is repaired like an approval: reconciliation finishes a vote whose year is
// committed on its envelope, clears one that never reached the envelope, and releases a year's commitment
// that no voted year holds; each exactly once, whatever the number of passes.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { startServer, type TestServer } from '../../helpers/server';
import { clock } from '../../../src/modules/grants/kernel/clock';
import { fixClock, restoreClock } from '../grants/fixtures';
import { GrantApplicationModel, type App } from '../../../src/modules/grants/application/grant-application.model';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { commit } from '../../../src/modules/grants/budget/budget-envelope.service';
import { reconcileEnvelopes } from '../../../src/modules/grants/commands/reconcile';
import { APPROVE, caller, councilDecision, multiYearUnderReview, world, type Call } from './helpers';

useTestDatabase();
let server: TestServer;
let call: Call;

beforeAll(async () => {
  fixClock();
  server = await startServer();
  call = caller(server);
});
afterAll(async () => {
  restoreClock();
  await server.close();
});

const committed = async (id: string) => (await BudgetEnvelopeModel.findById(id, { committed: 1 }).lean<{ committed: number }>())!.committed;
const yearsOf = async (id: string) => (await GrantApplicationModel.findById(id).lean<App>())!.multiYear!.years;

describe('reconciliation of the council votes', () => {
  it('finishes a vote cut after its commitment, clears one cut before, and releases an orphan year commitment', async () => {
    const w = await world([2026, 2027, 2028]);
    const id = await multiYearUnderReview(call, w, [
      { year: 2026, amount: 1_000_000 },
      { year: 2027, amount: 1_100_000 },
      { year: 2028, amount: 1_200_000 },
    ]);
    expect((await call(w.tokens.officer, APPROVE, { id, i: { amount: 1_000_000, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);
    const cd = new Types.ObjectId(await councilDecision(call, w.tokens.officer, 'DEL-CRASH-1'));
    const appId = new Types.ObjectId(id);
    const env2027 = new Types.ObjectId(w.envelopes[2027]);
    const env2028 = new Types.ObjectId(w.envelopes[2028]);
    const voting = (envelope: Types.ObjectId) => ({ token: `t-${envelope}`, envelope, councilDecision: cd, actor: null, startedAt: clock.now() });

    // 2027: claimed and committed, then the process died before the finish.
    await GrantApplicationModel.updateOne({ _id: appId, 'multiYear.years.year': 2027 }, { $set: { 'multiYear.years.$.voting': voting(env2027) } });
    await commit(env2027, appId, 1_100_000, clock.now(), 2027);
    // 2028: claimed, then the process died before the envelope.
    await GrantApplicationModel.updateOne({ _id: appId, 'multiYear.years.year': 2028 }, { $set: { 'multiYear.years.$.voting': voting(env2028) } });

    const first = await reconcileEnvelopes({ graceMs: 0 });
    expect(first).toMatchObject({ pendingFinished: 1, pendingRolledBack: 1, unrepaired: [] });
    let years = await yearsOf(id);
    expect(years.map((y) => [y.year, y.status, y.voting ?? null])).toEqual([
      [2026, 'COMMITTED', null],
      [2027, 'COMMITTED', null],
      [2028, 'PROVISIONAL', null],
    ]);
    expect(String(years[1]!.councilDecision)).toBe(String(cd));
    expect(await committed(w.envelopes[2027]!)).toBe(1_100_000);
    expect(await committed(w.envelopes[2028]!)).toBe(0);

    // A 2028 commitment no voted year holds (its vote was cleared meanwhile): released.
    await commit(env2028, appId, 1_200_000, clock.now(), 2028);
    expect(await committed(w.envelopes[2028]!)).toBe(1_200_000);
    const second = await reconcileEnvelopes({ graceMs: 0 });
    expect(second).toMatchObject({ commitmentsReleased: 1, unrepaired: [] });
    expect(await committed(w.envelopes[2028]!)).toBe(0);

    // Idempotent: a further pass changes nothing.
    const third = await reconcileEnvelopes({ graceMs: 0 });
    expect(third).toMatchObject({ pendingFinished: 0, pendingRolledBack: 0, commitmentsReleased: 0, commitmentsRestored: 0 });
    years = await yearsOf(id);
    expect(years.map((y) => y.status)).toEqual(['COMMITTED', 'COMMITTED', 'PROVISIONAL']);
    expect([await committed(w.envelopes[2026]!), await committed(w.envelopes[2027]!), await committed(w.envelopes[2028]!)]).toEqual([1_000_000, 1_100_000, 0]);
  });
});
