// Grants test data: an open programme with an envelope, and applications ready to submit or already
// under review, built through the services (the same path as the API).
import type { Types } from 'mongoose';
import { createContext, type Context } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { toViewer } from '../../../src/modules/user/user.service';
import { FundingProgrammeModel } from '../../../src/modules/grants/budget/funding-programme.model';
import { BudgetEnvelopeModel } from '../../../src/modules/grants/budget/budget-envelope.model';
import { envelopeLedger } from '../../../src/modules/grants/budget/budget-envelope.service';
import { createGrantApplication, submitGrantApplication } from '../../../src/modules/grants/commands/submit';
import { startReview } from '../../../src/modules/grants/commands/review';
import { clock } from '../../../src/modules/grants/kernel/clock';
import { makeOrganisation, makeUser } from '../../helpers/factories';

export const TODAY = new Date('2026-03-15T10:00:00.000Z');
export const YEAR = 2026;

/** Fixes the grants clock (and returns a function that moves it). */
export function fixClock(at: Date = TODAY) {
  clock.now = () => at;
  return (to: Date) => {
    clock.now = () => to;
  };
}
export function restoreClock() {
  clock.now = () => new Date();
}

const log = createLogger('silent');
export function ctxFor(user: Parameters<typeof toViewer>[0] | null): Context {
  return createContext({ config: testConfig(), log }, user ? toViewer(user) : null);
}

let n = 0;
export async function makeProgramme(overrides: Record<string, unknown> = {}) {
  n++;
  return (
    await FundingProgrammeModel.create({
      name: `Programme ${n}-${Math.random().toString(36).slice(2, 7)}`,
      year: YEAR,
      opensOn: new Date('2026-01-01'),
      closesOn: new Date('2026-12-31'),
      minAmount: 100_000,
      maxAmount: 5_000_000,
      ...overrides,
    })
  ).toObject();
}

export async function makeEnvelope(programme: { _id: unknown }, total: number, label = `Envelope ${++n}`) {
  return (await BudgetEnvelopeModel.create({ programme: programme._id as Types.ObjectId, label, total })).toObject();
}

/** An envelope with its ledger entries (they live in their own collections since issue 13). */
export async function envelopeWithLedger(id: unknown) {
  const env = (await BudgetEnvelopeModel.findById(id).lean())!;
  return { ...env, ...(await envelopeLedger(env._id)) };
}

/** A complete application content: expenses = income + request. */
export function completeContent(requestedAmount = 1_000_000) {
  return {
    title: 'Atelier numérique à Encagnane',
    description: "Des ateliers d'inclusion numérique pour les habitants du quartier.",
    requestedAmount,
    republicanContractAttested: true,
    budgetLines: [
      { kind: 'EXPENSE', label: 'Animateur', amount: requestedAmount + 500_000 },
      { kind: 'INCOME', label: 'Fonds propres', amount: 500_000 },
    ],
    otherFunders: [{ name: 'CAF des Bouches-du-Rhône', amount: 300_000, status: 'REQUESTED' }],
  };
}

/** An organisation with a manager, an officer and a second officer. */
export async function makeCast() {
  const org = await makeOrganisation();
  const member = (await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] })).user;
  const officer = (await makeUser({ role: 'OFFICER' })).user;
  const officer2 = (await makeUser({ role: 'OFFICER' })).user;
  const admin = (await makeUser({ role: 'ADMIN' })).user;
  return { org, member, officer, officer2, admin };
}

export async function draftApplication(
  member: Parameters<typeof toViewer>[0],
  org: { _id: unknown },
  programme: { _id: unknown },
  requestedAmount = 1_000_000,
) {
  return createGrantApplication(ctxFor(member), {
    organisationId: String(org._id),
    programmeId: String(programme._id),
    ...completeContent(requestedAmount),
  } as never);
}

export async function underReview(
  member: Parameters<typeof toViewer>[0],
  officer: Parameters<typeof toViewer>[0],
  org: { _id: unknown },
  programme: { _id: unknown },
  requestedAmount = 1_000_000,
) {
  const draft = await draftApplication(member, org, programme, requestedAmount);
  await submitGrantApplication(ctxFor(member), String(draft._id));
  return startReview(ctxFor(officer), String(draft._id));
}
