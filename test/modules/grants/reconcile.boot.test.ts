// The boot's reconciliation (incremental): it repairs what an interrupted step left on applications and
// ledger entries written since the last complete pass, and does not read what a complete pass already found
// consistent; the on-demand pass still checks everything. The repairs themselves are proven in
// grants.service.test.ts, grants.crash.http.test.ts and envelope-ledger.http.test.ts.
import { useTestDatabase } from '../../helpers/db';
import { seedReference } from '../../helpers/factories';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { EnvelopeCommitmentModel } from '../../../src/modules/grants/budget/envelope-ledger.model';
import { approveGrantApplication } from '../../../src/modules/grants/commands/decide';
import { recordPayment } from '../../../src/modules/grants/commands/pay';
import { CLOCK_MARGIN_MS, checkedThrough, reconcileEnvelopes } from '../../../src/modules/grants/commands/reconcile';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { ctxFor, envelopeWithLedger, fixClock, makeCast, makeEnvelope, makeProgramme, restoreClock, TODAY, underReview } from './fixtures';

useTestDatabase();
beforeAll(async () => {
  await seedReference();
});
beforeEach(() => {
  fixClock();
});
afterEach(() => {
  restoreClock();
  delete faults.afterPaymentMarked;
});

const boot = () => reconcileEnvelopes({ graceMs: 0, incremental: true });
const onDemand = () => reconcileEnvelopes({ graceMs: 0 });
const NOTHING = {
  pendingFinished: 0,
  pendingRolledBack: 0,
  commitmentsReleased: 0,
  commitmentsRestored: 0,
  paymentsRestored: 0,
  countersFixed: 0,
  activitiesFlushed: 0,
  unrepaired: [],
};
/** Written long before the last complete pass: what an old, settled grant looks like. */
const LONG_AGO = new Date('2026-02-01T00:00:00Z');
const age = async (application: unknown) => {
  await GrantApplicationModel.collection.updateOne({ _id: application as never }, { $set: { updatedAt: LONG_AGO } });
  await EnvelopeCommitmentModel.collection.updateMany({ application: application as never }, { $set: { stepAt: LONG_AGO } });
};

describe('the boot reconciliation', () => {
  it('checks everything on a database it never passed over, then starts from where its last complete pass ended', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const a = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(a._id), { amount: 1_000_000, envelopeId: String(env._id) });
    await age(a._id);
    // Damage no interrupted step can leave (the commitment deleted by hand, the application untouched).
    await EnvelopeCommitmentModel.deleteMany({ application: a._id });

    expect(await checkedThrough()).toBeNull();
    // No mark yet: the first boot checks everything, repairs, and marks.
    expect(await boot()).toMatchObject({ commitmentsRestored: 1, unrepaired: [] });
    expect(await checkedThrough()).toEqual(new Date(TODAY.getTime() - CLOCK_MARGIN_MS));

    await age(a._id);
    await EnvelopeCommitmentModel.deleteMany({ application: a._id });
    // The next boot reads only what was written since, and the envelopes whose counters differ from their
    // ledger: it sets the counter to the ledger, but the old, untouched grant is not looked at...
    expect(await boot()).toEqual({ ...NOTHING, countersFixed: 1 });
    // ...while the on-demand pass checks everything and gives it its commitment back.
    expect(await onDemand()).toEqual({ ...NOTHING, commitmentsRestored: 1 });
    expect((await envelopeWithLedger(env._id)).committed).toBe(1_000_000);
  });

  it('repairs what an interrupted step left on an application written since the last complete pass', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    // Small grants: together below the threshold above which a payment needs a convention.
    const paid = await underReview(member, officer, org, programme, 500_000);
    const reopened = await underReview(member, officer, org, programme, 500_000);
    const settled = await underReview(member, officer, org, programme, 500_000);
    for (const app of [paid, reopened, settled]) {
      await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 500_000, envelopeId: String(env._id) });
      await age(app._id);
    }
    await onDemand();

    // A payment cut before the envelope counted it.
    faults.afterPaymentMarked = () => {
      throw new Error('crash');
    };
    await expect(recordPayment(ctxFor(officer), String(paid._id), { amount: 200_000 })).rejects.toThrow('crash');
    // A reopening cut before its commitment was released (the commitment itself is old).
    await GrantApplicationModel.updateOne({ _id: reopened._id }, { $set: { status: 'UNDER_REVIEW', decision: null } });

    expect(await boot()).toMatchObject({ paymentsRestored: 1, commitmentsReleased: 1, commitmentsRestored: 0, unrepaired: [] });
    const ledger = await envelopeWithLedger(env._id);
    expect([ledger.committed, ledger.paid]).toEqual([1_000_000, 200_000]);
    expect(ledger.commitments.map((c) => String(c.application)).sort()).toEqual([String(paid._id), String(settled._id)].sort());
    // Consistent now: a second boot finds nothing, and so does a full pass.
    expect(await boot()).toEqual(NOTHING);
    expect(await onDemand()).toEqual(NOTHING);
  });

  it('keeps its mark where it was when a pass leaves something for a person, so the next boot checks it again', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 1_000_000);
    const app = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 1_000_000, envelopeId: String(env._id) });
    const before = await checkedThrough();
    // The approval's commitment lost (entry and counter) while another took the whole envelope: it cannot be restored.
    await EnvelopeCommitmentModel.deleteMany({ application: app._id });
    await BudgetEnvelopeModel.updateOne({ _id: env._id }, { $set: { committed: 0 } });
    const other = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(other._id), { amount: 1_000_000, envelopeId: String(env._id) });

    const first = await boot();
    expect(first.unrepaired).toEqual([expect.stringContaining(`Application ${app._id}`)]);
    expect(await checkedThrough()).toEqual(before);
    expect((await boot()).unrepaired).toEqual(first.unrepaired);
  });
});
