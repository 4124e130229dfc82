// Grant applications inserted as documents (the lifecycle has its own tests): the coordination and
// open-data tests only read decided grants.
import { Types, type Model } from 'mongoose';
import { FundingProgrammeModel } from '../../../src/modules/grants/budget/funding-programme.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';

let n = 0;

export async function makeProgramme(overrides: Record<string, unknown> = {}) {
  n++;
  return (
    await FundingProgrammeModel.create({
      name: `Appel à projets solidarité ${n}-${Math.floor(Math.random() * 1e6)}`,
      year: 2026,
      opensOn: new Date('2026-01-01'),
      closesOn: new Date('2026-03-31'),
      minAmount: 100_00,
      maxAmount: 100_000_00,
      ...overrides,
    })
  ).toObject();
}

export interface GrantDoc {
  organisation: unknown;
  programme: unknown;
  amount?: number;
  status?: string;
  decidedAt?: Date;
  year?: number;
  title?: string;
  expenses?: number[];
  otherFunders?: { name: string; amount: number; status: 'REQUESTED' | 'GRANTED' }[];
  targetDomains?: unknown[];
  targetNeighbourhoods?: unknown[];
  tranches?: { amount: number; dueDate: string; paidAt?: string }[];
  convention?: { reference: string; signedAt: Date };
  requestedAmount?: number;
}

export async function makeGrant(g: GrantDoc) {
  n++;
  const status = g.status ?? 'APPROVED';
  const decided = status === 'APPROVED' || status === 'COMPLETED';
  const amount = g.amount ?? 10_000_00;
  const doc = await (GrantApplicationModel as unknown as Model<Record<string, unknown>>).create({
    number: `${g.year ?? 2026}-${String(n).padStart(5, '0')}${Math.floor(Math.random() * 1e6)}`,
    organisation: g.organisation,
    programme: g.programme,
    year: g.year ?? 2026,
    title: g.title ?? `Projet solidaire ${n}`,
    description: 'Un projet de démonstration pour les essais.',
    budgetLines: (g.expenses ?? [amount * 2]).map((a, i) => ({ kind: 'EXPENSE', label: `Dépense ${i + 1}`, amount: a })),
    otherFunders: g.otherFunders ?? [],
    requestedAmount: g.requestedAmount ?? amount,
    targetDomains: g.targetDomains ?? [],
    targetNeighbourhoods: g.targetNeighbourhoods ?? [],
    status,
    createdBy: new Types.ObjectId(),
    decision: decided
      ? {
          outcome: 'APPROVED',
          amount,
          motivation: 'Projet conforme.',
          decidedBy: new Types.ObjectId(),
          decidedAt: g.decidedAt ?? new Date('2026-04-15T10:00:00Z'),
        }
      : null,
    convention: g.convention ?? null,
    payments: (g.tranches ?? []).map((t) => ({ amount: t.amount, dueDate: new Date(t.dueDate), paidAt: t.paidAt ? new Date(t.paidAt) : null })),
  });
  return doc.toObject() as unknown as Record<string, any> & { _id: Types.ObjectId; number: string };
}
