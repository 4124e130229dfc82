// The grants' rules, through the services: completeness, transitions, conflicts of interest, envelopes,
// payments, final reports, and reconciliation after a decision interrupted between its steps.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { makeUser, seedReference } from '../../helpers/factories';
import { AppError } from '../../../src/errors/app-error';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { BudgetEnvelopeModel, ensureEnvelopeValidator } from '../../../src/modules/grants/budget/budget-envelope.model';
import { EnvelopeCommitmentModel } from '../../../src/modules/grants/budget/envelope-ledger.model';
import { ActivityModel, type ActivityDoc } from '../../../src/modules/activity/activity.model';
import { submitGrantApplication, updateGrantApplication, withdrawGrantApplication } from '../../../src/modules/grants/commands/submit';
import { listGrantApplications } from '../../../src/modules/grants/application/grant-application.queries';
import { DomainModel } from '../../../src/modules/reference/domain.model';
import { declareConflictOfInterest, requestChanges, startReview, addReview } from '../../../src/modules/grants/commands/review';
import { approveGrantApplication, rejectGrantApplication, reopenGrantApplication } from '../../../src/modules/grants/commands/decide';
import { recordConvention, recordPayment, schedulePayments } from '../../../src/modules/grants/commands/pay';
import { acceptFinalReport, submitFinalReport } from '../../../src/modules/grants/commands/report';
import { reconcileEnvelopes } from '../../../src/modules/grants/commands/reconcile';
import { updateBudgetEnvelope } from '../../../src/modules/grants/budget/funding-programme.service';
import { faults } from '../../../src/modules/grants/kernel/faults';
import { ctxFor, envelopeWithLedger, draftApplication, fixClock, makeCast, makeEnvelope, makeProgramme, restoreClock, underReview } from './fixtures';

useTestDatabase();
beforeAll(async () => {
  await seedReference();
});
let moveClock: (to: Date) => void;
beforeEach(() => {
  moveClock = fixClock();
});
afterEach(() => {
  restoreClock();
  delete faults.afterCommit;
  delete faults.afterPaymentMarked;
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const historyOf = async (id: unknown) =>
  (await ActivityModel.find({ objectId: new Types.ObjectId(String(id)) })
    .sort({ at: 1, _id: 1 })
    .lean()) as unknown as ActivityDoc[];
const envelope = envelopeWithLedger;
const application = async (id: unknown) => (await GrantApplicationModel.findById(id).lean())!;

describe('applying', () => {
  it('creates a numbered DRAFT whose history starts with its creation', async () => {
    const { org, member } = await makeCast();
    const programme = await makeProgramme();
    const app = await draftApplication(member, org, programme);
    expect(app.status).toBe('DRAFT');
    expect(app.number).toMatch(/^2026-\d{5}$/);
    const history = await historyOf(app._id);
    expect(history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([['CREATE', null, 'DRAFT']]);
  });

  it('lists every missing item at once, each with its field, when submitting an incomplete application', async () => {
    const { org, member } = await makeCast();
    const programme = await makeProgramme({ eligibleLegalForms: ['SCOP'], opensOn: new Date('2026-06-01'), minAmount: 2_000_000 });
    const app = await draftApplication(member, org, programme);
    await updateGrantApplication(ctxFor(member), String(app._id), {
      republicanContractAttested: false,
      budgetLines: [{ kind: 'EXPENSE', label: 'Salaires', amount: 900_000 }],
    });
    const err = await refusal(submitGrantApplication(ctxFor(member), String(app._id)));
    expect(err.code).toBe('INCOMPLETE_APPLICATION');
    const fields = err.details.map((d) => d.field).sort();
    expect(fields).toEqual(['budgetLines', 'organisationId', 'programmeId', 'republicanContractAttested', 'requestedAmount', 'requestedAmount'].sort());
    expect(err.details.every((d) => d.code === 'INCOMPLETE_APPLICATION' && d.message.length > 10)).toBe(true);
    expect((await application(app._id)).status).toBe('DRAFT');
    expect(await historyOf(app._id)).toHaveLength(1);
  });

  it('lists, for a parent domain, the applications that target one of its sub-domains', async () => {
    const { org, member } = await makeCast();
    const ess = (await DomainModel.findOne({ code: 'ess' }).lean())!;
    const insertion = (await DomainModel.findOne({ code: 'insertion' }).lean())!;
    const culture = (await DomainModel.findOne({ code: 'culture' }).lean())!;
    const inChild = await draftApplication(member, org, await makeProgramme());
    await updateGrantApplication(ctxFor(member), String(inChild._id), { targetDomainIds: [String(insertion._id)] });
    const elsewhere = await draftApplication(member, org, await makeProgramme());
    await updateGrantApplication(ctxFor(member), String(elsewhere._id), { targetDomainIds: [String(culture._id)] });
    const page = await listGrantApplications(ctxFor(member), { domainIds: [String(ess._id)] }, { first: 100 });
    expect(page.nodes.map((a) => String(a._id))).toEqual([String(inChild._id)]);
  });

  it('refuses a member of another organisation as if the application did not exist', async () => {
    const { org, member } = await makeCast();
    const other = await makeCast();
    const app = await draftApplication(member, org, await makeProgramme());
    expect((await refusal(updateGrantApplication(ctxFor(other.member), String(app._id), { title: 'Pris' }))).code).toBe('NOT_FOUND');
  });

  it('goes through changes requested and back to submitted, one activity record per transition', async () => {
    const { org, member, officer } = await makeCast();
    const app = await underReview(member, officer, org, await makeProgramme());
    await requestChanges(ctxFor(officer), String(app._id), 'Précisez le public visé.');
    await updateGrantApplication(ctxFor(member), String(app._id), { objectives: '40 jeunes du quartier' });
    await submitGrantApplication(ctxFor(member), String(app._id));
    await withdrawGrantApplication(ctxFor(member), String(app._id), 'Projet reporté');
    const history = await historyOf(app._id);
    expect(history.map((h) => h.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'SUBMITTED', 'WITHDRAWN']);
    expect(history[3]!.reason).toBe('Précisez le public visé.');
  });
});

describe('refusals change nothing', () => {
  it('refuses an invalid transition without writing history', async () => {
    const { org, member, officer } = await makeCast();
    const app = await draftApplication(member, org, await makeProgramme());
    const err = await refusal(startReview(ctxFor(officer), String(app._id)));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect((await application(app._id)).status).toBe('DRAFT');
    expect(await historyOf(app._id)).toHaveLength(1);
  });

  it('recuses an officer who declared a link to the organisation', async () => {
    const { org, member, officer, officer2 } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 10_000_000);
    const app = await underReview(member, officer, org, programme);
    await declareConflictOfInterest(ctxFor(officer2), String(org._id), 'Ma sœur préside cette association.');
    const err = await refusal(approveGrantApplication(ctxFor(officer2), String(app._id), { amount: 500_000, envelopeId: String(env._id) }));
    expect(err.code).toBe('CONFLICT_OF_INTEREST');
    expect((await refusal(addReview(ctxFor(officer2), String(app._id), { recommendation: 'APPROVE' }))).code).toBe('CONFLICT_OF_INTEREST');
    expect((await envelope(env._id)).committed).toBe(0);
  });

  it('never lets the author of an application decide it', async () => {
    const { org, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 10_000_000);
    const staffMember = (await makeUser({ role: 'OFFICER', memberOf: [{ organisation: org._id }] })).user;
    const app = await underReview(staffMember, officer, org, programme);
    const err = await refusal(approveGrantApplication(ctxFor(staffMember), String(app._id), { amount: 500_000, envelopeId: String(env._id) }));
    expect(err.code).toBe('CONFLICT_OF_INTEREST');
    expect(err.message).toMatch(/wrote/);
  });

  it('requires a motivation to reject, and limits its length', async () => {
    const { org, member, officer } = await makeCast();
    const app = await underReview(member, officer, org, await makeProgramme());
    expect((await refusal(rejectGrantApplication(ctxFor(officer), String(app._id), { motivation: '  ' }))).field).toBe('input.motivation');
    expect((await refusal(rejectGrantApplication(ctxFor(officer), String(app._id), { motivation: 'x'.repeat(2001) }))).field).toBe('input.motivation');
    const rejected = await rejectGrantApplication(ctxFor(officer), String(app._id), { motivation: 'Hors du champ du dispositif.' });
    expect(rejected.status).toBe('REJECTED');
  });
});

describe('the envelope', () => {
  it('commits on approval, refuses to overflow, and commits an application once', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 1_500_000);
    const a = await underReview(member, officer, org, programme);
    const b = await underReview(member, officer, org, programme);
    const approved = await approveGrantApplication(ctxFor(officer), String(a._id), {
      amount: 1_000_000,
      envelopeId: String(env._id),
      motivation: 'Projet structurant.',
    });
    expect(approved.status).toBe('APPROVED');
    expect(approved.reportDueOn!.toISOString().slice(0, 10)).toBe('2027-06-30');
    expect((await refusal(approveGrantApplication(ctxFor(officer), String(a._id), { amount: 1_000_000, envelopeId: String(env._id) }))).code).toBe(
      'INVALID_TRANSITION',
    );
    const err = await refusal(approveGrantApplication(ctxFor(officer), String(b._id), { amount: 600_000, envelopeId: String(env._id) }));
    expect(err.code).toBe('ENVELOPE_EXHAUSTED');
    expect(err.field).toBe('input.amount');
    const e = await envelope(env._id);
    expect([e.total, e.committed, e.commitments.length]).toEqual([1_500_000, 1_000_000, 1]);
    const bNow = await application(b._id);
    expect([bNow.status, bNow.pendingDecision]).toEqual(['UNDER_REVIEW', null]);
    expect((await historyOf(b._id)).map((h) => h.action)).toEqual(['CREATE', 'SUBMIT', 'START_REVIEW']);
  });

  it('refuses amounts that are not positive whole cents or exceed the request', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 10_000_000);
    const app = await underReview(member, officer, org, programme);
    for (const amount of [0, -100, 12.5, 1_000_001]) {
      const err = await refusal(approveGrantApplication(ctxFor(officer), String(app._id), { amount, envelopeId: String(env._id) }));
      expect([err.code, err.field]).toEqual(['BAD_USER_INPUT', 'input.amount']);
    }
    expect((await refusal(approveGrantApplication(ctxFor(officer), String(app._id), { amount: 1000, envelopeId: String(new Types.ObjectId()) }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await envelope(env._id)).committed).toBe(0);
  });

  it('releases the commitment when an approval is reopened', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const app = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 800_000, envelopeId: String(env._id) });
    const reopened = await reopenGrantApplication(ctxFor(officer), String(app._id), 'Erreur de montant');
    expect([reopened.status, reopened.decision]).toEqual(['UNDER_REVIEW', null]);
    expect((await envelope(env._id)).committed).toBe(0);
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 900_000, envelopeId: String(env._id) });
    expect((await envelope(env._id)).committed).toBe(900_000);
  });

  it('never lowers a total below what is committed', async () => {
    const { org, member, officer, admin } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const app = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 1_000_000, envelopeId: String(env._id) });
    expect((await refusal(updateBudgetEnvelope(ctxFor(admin), String(env._id), { total: 999_999 }))).code).toBe('ENVELOPE_EXHAUSTED');
    expect((await updateBudgetEnvelope(ctxFor(admin), String(env._id), { total: 1_000_000 })).total).toBe(1_000_000);
  });
});

describe('payments and the final report', () => {
  async function approved(amount: number) {
    const cast = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 10_000_000);
    const app = await underReview(cast.member, cast.officer, cast.org, programme, amount);
    await approveGrantApplication(ctxFor(cast.officer), String(app._id), { amount, envelopeId: String(env._id) });
    return { ...cast, env, app, id: String(app._id) };
  }

  it('pays tranches up to the amount granted, the envelope following, and completes once the report is accepted', async () => {
    const { member, officer, env, id } = await approved(1_000_000);
    expect(
      (
        await refusal(
          schedulePayments(ctxFor(officer), id, [
            { amount: 600_000, dueDate: '2026-04-01' },
            { amount: 500_000, dueDate: '2026-09-01' },
          ]),
        )
      ).code,
    ).toBe('PAYMENT_EXCEEDS_GRANT');
    const scheduled = await schedulePayments(ctxFor(officer), id, [
      { amount: 600_000, dueDate: '2026-04-01' },
      { amount: 400_000, dueDate: '2026-09-01' },
    ]);
    const [t1, t2] = scheduled.payments.map((t) => String(t._id));
    await recordPayment(ctxFor(officer), id, { trancheId: t1 });
    expect((await refusal(recordPayment(ctxFor(officer), id, { trancheId: t1 }))).code).toBe('CONFLICT');
    expect((await refusal(recordPayment(ctxFor(officer), id, { amount: 400_001 }))).code).toBe('PAYMENT_EXCEEDS_GRANT');
    expect((await envelope(env._id)).paid).toBe(600_000);
    await submitFinalReport(ctxFor(member), id, {
      spentLines: [{ label: 'Animateur', amount: 1_500_000 }],
      beneficiariesReached: 42,
      narrative: 'Douze ateliers.',
    });
    const accepted = await acceptFinalReport(ctxFor(officer), id);
    expect(accepted.status).toBe('APPROVED');
    const done = await recordPayment(ctxFor(officer), id, { trancheId: t2 });
    expect(done.status).toBe('COMPLETED');
    const e = await envelope(env._id);
    expect([e.committed, e.paid]).toEqual([1_000_000, 1_000_000]);
    expect((await historyOf(id)).map((h) => h.action).slice(-5)).toEqual([
      'RECORD_PAYMENT',
      'SUBMIT_FINAL_REPORT',
      'ACCEPT_FINAL_REPORT',
      'RECORD_PAYMENT',
      'COMPLETE',
    ]);
  });

  it('requires the convention before the first payment of a grant above 23,000 EUR', async () => {
    const { officer, id } = await approved(2_400_000);
    expect((await refusal(recordPayment(ctxFor(officer), id, { amount: 1_000_000 }))).code).toBe('CONVENTION_REQUIRED');
    await recordConvention(ctxFor(officer), id, { reference: 'CONV-2026-001', signedOn: '2026-03-15' });
    expect((await recordPayment(ctxFor(officer), id, { amount: 1_000_000 })).paidAmount).toBe(1_000_000);
  });

  it('blocks the next tranche and new submissions of an organisation whose final report is overdue', async () => {
    const { org, member, officer, id, env } = await approved(1_000_000);
    await recordPayment(ctxFor(officer), id, { amount: 500_000 });
    moveClock(new Date('2027-07-01T09:00:00Z')); // the 2026 report was due on 2027-06-30
    expect((await refusal(recordPayment(ctxFor(officer), id, { amount: 100_000 }))).code).toBe('REPORT_OVERDUE');
    const next = await draftApplication(member, org, await makeProgramme({ year: 2027, opensOn: new Date('2027-01-01'), closesOn: new Date('2027-12-31') }));
    const err = await refusal(submitGrantApplication(ctxFor(member), String(next._id)));
    expect(err.code).toBe('INCOMPLETE_APPLICATION');
    expect(err.details.map((d) => d.code)).toEqual(['REPORT_OVERDUE']);
    expect((await envelope(env._id)).paid).toBe(500_000);
  });
});

describe('reconciliation', () => {
  it('finishes an approval interrupted after its commitment, with exactly one activity record', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const app = await underReview(member, officer, org, programme);
    faults.afterCommit = () => {
      throw new Error('crash');
    };
    await expect(approveGrantApplication(ctxFor(officer), String(app._id), { amount: 700_000, envelopeId: String(env._id) })).rejects.toThrow('crash');
    delete faults.afterCommit;
    expect((await application(app._id)).status).toBe('UNDER_REVIEW');
    expect((await envelope(env._id)).committed).toBe(700_000);
    // A decision younger than the grace period may still be in flight: left alone.
    expect((await reconcileEnvelopes()).pendingFinished).toBe(0);
    moveClock(new Date(Date.parse('2026-03-15T10:00:00Z') + 5 * 60_000));
    const report = await reconcileEnvelopes();
    expect(report.pendingFinished).toBe(1);
    const now = await application(app._id);
    expect([now.status, now.decision?.amount, now.pendingDecision]).toEqual(['APPROVED', 700_000, null]);
    expect((await historyOf(app._id)).filter((h) => h.action === 'APPROVE')).toHaveLength(1);
    expect((await reconcileEnvelopes()).pendingFinished).toBe(0);
    expect((await envelope(env._id)).committed).toBe(700_000);
  });

  it('rolls back an approval interrupted before its commitment', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const app = await underReview(member, officer, org, programme);
    // As if the server died right after step 1 (the claim).
    await GrantApplicationModel.updateOne(
      { _id: app._id },
      {
        $set: {
          pendingDecision: {
            token: 't',
            amount: 1000,
            envelope: env._id,
            motivation: 'x',
            decidedBy: officer._id,
            startedAt: new Date('2026-03-15T09:00:00Z'),
          },
        },
      },
    );
    expect((await reconcileEnvelopes()).pendingRolledBack).toBe(1);
    expect((await application(app._id)).pendingDecision).toBeNull();
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 1000, envelopeId: String(env._id) });
  });

  it('leaves no commitment without an approved application, and no approved application without its commitment', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const a = await underReview(member, officer, org, programme);
    const b = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(a._id), { amount: 1_000_000, envelopeId: String(env._id) });
    // Damage: a's commitment lost (a reopen/approve sequence cut short), an orphan commitment for b,
    // and a counter that drifted.
    await EnvelopeCommitmentModel.deleteMany({ envelope: env._id });
    await EnvelopeCommitmentModel.create({
      envelope: env._id,
      application: b._id,
      amount: 300_000,
      at: new Date('2026-03-01'),
      state: 'APPLIED',
      stepAt: new Date('2026-03-01'),
    });
    await BudgetEnvelopeModel.updateOne({ _id: env._id }, { $set: { committed: 123 } });
    // Within the grace period nothing recent is touched (a decision may be in flight)...
    expect(await reconcileEnvelopes()).toMatchObject({ commitmentsReleased: 1, commitmentsRestored: 0 });
    // ...once it is over, the approval missing its commitment gets it back.
    moveClock(new Date('2026-03-15T10:05:00Z'));
    const report = await reconcileEnvelopes();
    expect(report).toMatchObject({ commitmentsReleased: 0, commitmentsRestored: 1, unrepaired: [] });
    const e = await envelope(env._id);
    expect(e.commitments.map((c) => [String(c.application), c.amount])).toEqual([[String(a._id), 1_000_000]]);
    expect(e.committed).toBe(1_000_000);
  });

  it('counts a payment interrupted before the envelope followed', async () => {
    const { org, member, officer } = await makeCast();
    const programme = await makeProgramme();
    const env = await makeEnvelope(programme, 5_000_000);
    const app = await underReview(member, officer, org, programme);
    await approveGrantApplication(ctxFor(officer), String(app._id), { amount: 1_000_000, envelopeId: String(env._id) });
    faults.afterPaymentMarked = () => {
      throw new Error('crash');
    };
    await expect(recordPayment(ctxFor(officer), String(app._id), { amount: 400_000 })).rejects.toThrow('crash');
    expect((await envelope(env._id)).paid).toBe(0);
    expect((await reconcileEnvelopes({ graceMs: 0 })).paymentsRestored).toBe(1);
    expect((await envelope(env._id)).paid).toBe(400_000);
  });
});

describe('the database itself', () => {
  it('refuses a raw write that would break 0 <= paid <= committed <= total', async () => {
    expect(await ensureEnvelopeValidator()).toBe(true);
    const env = await makeEnvelope(await makeProgramme(), 1_000);
    await expect(BudgetEnvelopeModel.collection.updateOne({ _id: env._id }, { $set: { committed: 1_001 } })).rejects.toMatchObject({ code: 121 });
    await expect(BudgetEnvelopeModel.collection.updateOne({ _id: env._id }, { $set: { paid: 1 } })).rejects.toMatchObject({ code: 121 });
    await BudgetEnvelopeModel.collection.updateOne({ _id: env._id }, { $set: { committed: 1_000, paid: 1_000 } });
    expect((await envelope(env._id)).paid).toBe(1_000);
  });
});

describe('the activity trail', () => {
  it('refuses updates and deletions', async () => {
    await expect(ActivityModel.updateOne({}, { $set: { action: 'X' } })).rejects.toThrow(/append-only/);
    await expect(ActivityModel.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
