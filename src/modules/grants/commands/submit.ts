// The applicant's side of the lifecycle: create, edit, submit (with its completeness check), withdraw.
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { objectIdOrProblem, toObjectIds } from '../../../shared/ids';
import { DomainModel } from '../../reference/domain.model';
import { NeighbourhoodModel } from '../../reference/neighbourhood.model';
import { OrganisationModel, type OrganisationDoc } from '../../organisation/organisation.model';
import { dissolvedRefusal } from '../../organisation/organisation.policy';
import { clock, today } from '../kernel/clock';
import { checkAmount, checkTotal, formatEuros, MAX_APPLICATION_AMOUNT, sum } from '../kernel/money';
import { BUDGET_LINE_KINDS, FUNDER_STATUSES, GrantApplicationModel, type App } from '../application/grant-application.model';
import { nextApplicationNumber } from '../application/counter.model';
import { checkCreate, ensure } from '../application/grant-application.policy';
import { overdueProblem, overdueReports } from '../application/grant-application.queries';
import { FundingProgrammeModel, type FundingProgrammeDoc } from '../budget/funding-programme.model';
import { command, flushOutbox } from './command';
import { dossierProblems } from '../dossier/checklist';
import { checkYears, yearsTotalProblem } from '../convention/convention.rules';

export interface ApplicationContentInput {
  title?: string | null;
  description?: string | null;
  objectives?: string | null;
  targetNeighbourhoodIds?: string[] | null;
  targetDomainIds?: string[] | null;
  expectedBeneficiaries?: number | null;
  budgetLines?: { kind: string; label: string; amount: number }[] | null;
  otherFunders?: { name: string; amount: number; status: string; isPublic?: boolean | null }[] | null;
  requestedAmount?: number | null;
  republicanContractAttested?: boolean | null;
  /** A multi-year request (2 to 4 consecutive years); empty for one year. */
  years?: { year: number; amount: number }[] | null;
}

export interface CreateApplicationInput extends ApplicationContentInput {
  organisationId: string;
  programmeId: string;
}

const text = (p: Problems, field: string, v: string | null | undefined, max: number, required: boolean): string | undefined => {
  const s = v?.trim() ?? '';
  if (!s) {
    if (required) p.add(field, 'This field is required.');
    return required ? undefined : '';
  }
  if (s.length > max) {
    p.add(field, `At most ${max.toLocaleString('en')} characters (got ${s.length.toLocaleString('en')}).`);
    return undefined;
  }
  return s;
};

async function existingIds(p: Problems, field: string, values: string[], model: typeof DomainModel | typeof NeighbourhoodModel, what: string) {
  try {
    const ids = toObjectIds(values, field, 50);
    const found = await (model as typeof DomainModel).find({ _id: { $in: ids } }, { _id: 1 }).lean();
    const known = new Set(found.map((d) => String(d._id)));
    const missing = ids.findIndex((id) => !known.has(String(id)));
    if (missing >= 0) {
      p.add(`${field}[${missing}]`, `Unknown ${what}.`);
      return undefined;
    }
    return [...new Map(ids.map((i) => [String(i), i])).values()];
  } catch (err) {
    if (err instanceof AppError) p.add(err.field ?? field, err.message);
    else throw err;
    return undefined;
  }
}

/** Validates the project part of an application; `creating` makes title, description and amount required. */
async function contentFields(input: ApplicationContentInput, creating: boolean, prefix = 'input'): Promise<Record<string, unknown>> {
  const p = new Problems();
  const out: Record<string, unknown> = {};
  const f = (k: string) => `${prefix}.${k}`;
  if (creating || input.title !== undefined) {
    const v = text(p, f('title'), input.title, 200, true);
    if (v !== undefined) out.title = v;
  }
  if (creating || input.description !== undefined) {
    const v = text(p, f('description'), input.description, 10_000, true);
    if (v !== undefined) out.description = v;
  }
  if (input.objectives !== undefined) {
    const v = text(p, f('objectives'), input.objectives, 5000, false);
    if (v !== undefined) out.objectives = v;
  }
  if (input.years !== undefined && input.years !== null) {
    // The request of a multi-year application is the sum of its years: given, it must match; omitted, it is set.
    const years = checkYears(p, f('years'), input.years);
    if (years) {
      out.years = years;
      const total = years.reduce((s, y) => s + y.amount, 0);
      if (years.length && (input.requestedAmount === undefined || input.requestedAmount === null)) input = { ...input, requestedAmount: total };
      const mismatch = years.length && typeof input.requestedAmount === 'number' ? yearsTotalProblem(years, input.requestedAmount) : null;
      if (mismatch) p.add(f('requestedAmount'), mismatch, 'MULTI_YEAR_TOTAL_MISMATCH');
    }
  }
  if (creating || input.requestedAmount !== undefined) {
    if (checkAmount(p, f('requestedAmount'), input.requestedAmount)) out.requestedAmount = input.requestedAmount;
  }
  if (input.expectedBeneficiaries !== undefined && input.expectedBeneficiaries !== null) {
    const n = input.expectedBeneficiaries;
    if (!Number.isInteger(n) || n < 0 || n > 10_000_000) p.add(f('expectedBeneficiaries'), 'A whole number of people, from 0 to 10,000,000.');
    else out.expectedBeneficiaries = n;
  }
  if (input.republicanContractAttested !== undefined && input.republicanContractAttested !== null) {
    out.republicanContractAttested = input.republicanContractAttested;
  }
  if (input.budgetLines) {
    if (input.budgetLines.length > 100) p.add(f('budgetLines'), 'At most 100 budget lines.');
    else {
      const valid = input.budgetLines.filter((l, i) => {
        if (!(BUDGET_LINE_KINDS as readonly string[]).includes(l.kind)) p.add(f(`budgetLines[${i}].kind`), 'EXPENSE or INCOME.');
        text(p, f(`budgetLines[${i}].label`), l.label, 200, true);
        return checkAmount(p, f(`budgetLines[${i}].amount`), l.amount);
      });
      // Each line within the bound is not enough: their sums are the project's cost and resources.
      checkTotal(
        p,
        f('budgetLines'),
        'expense lines',
        valid.filter((l) => l.kind === 'EXPENSE').map((l) => l.amount),
      );
      checkTotal(
        p,
        f('budgetLines'),
        'income lines',
        valid.filter((l) => l.kind === 'INCOME').map((l) => l.amount),
      );
      out.budgetLines = input.budgetLines.map((l) => ({ kind: l.kind, label: l.label?.trim(), amount: l.amount }));
    }
  }
  if (input.otherFunders) {
    if (input.otherFunders.length > 30) p.add(f('otherFunders'), 'At most 30 other funders.');
    else {
      const valid = input.otherFunders.filter((o, i) => {
        text(p, f(`otherFunders[${i}].name`), o.name, 200, true);
        const ok = checkAmount(p, f(`otherFunders[${i}].amount`), o.amount);
        if (!(FUNDER_STATUSES as readonly string[]).includes(o.status)) p.add(f(`otherFunders[${i}].status`), 'REQUESTED or GRANTED.');
        return ok;
      });
      checkTotal(
        p,
        f('otherFunders'),
        'other funders',
        valid.map((o) => o.amount),
      );
      out.otherFunders = input.otherFunders.map((o) => ({
        name: o.name?.trim(),
        amount: o.amount,
        status: o.status,
        ...(typeof o.isPublic === 'boolean' ? { isPublic: o.isPublic } : {}),
      }));
    }
  }
  if (input.targetNeighbourhoodIds) {
    const ids = await existingIds(p, f('targetNeighbourhoodIds'), input.targetNeighbourhoodIds, NeighbourhoodModel, 'neighbourhood');
    if (ids) out.targetNeighbourhoods = ids;
  }
  if (input.targetDomainIds) {
    const ids = await existingIds(p, f('targetDomainIds'), input.targetDomainIds, DomainModel, 'domain');
    if (ids) out.targetDomains = ids;
  }
  p.throwIfAny();
  return out;
}

export async function createGrantApplication(ctx: Context, input: CreateApplicationInput): Promise<App> {
  const p = new Problems();
  const orgId = objectIdOrProblem(input.organisationId, 'input.organisationId', p);
  const programmeId = objectIdOrProblem(input.programmeId, 'input.programmeId', p);
  p.throwIfAny();
  ensure(checkCreate(ctx.viewer, String(orgId)));
  const [org, programme] = await Promise.all([
    OrganisationModel.findById(orgId!, { status: 1 }).lean(),
    FundingProgrammeModel.findById(programmeId!, { year: 1 }).lean(),
  ]);
  if (!org) throw notFound('Organisation', 'input.organisationId');
  if (!programme) throw notFound('Funding programme', 'input.programmeId');
  if (org.status !== 'ACTIVE') throw dissolvedRefusal('input.organisationId');
  const fields = await contentFields(input, true);
  const _id = new Types.ObjectId();
  const actor = new Types.ObjectId(ctx.viewer!.id);
  // Creation is recorded like a transition (from nothing to DRAFT), in the same write as the document.
  const entry = { key: `${_id}:CREATE`, action: 'CREATE', actor, fromStatus: null, toStatus: 'DRAFT', reason: null, at: clock.now() };
  await GrantApplicationModel.create({
    _id,
    ...fields,
    number: await nextApplicationNumber(programme.year),
    organisation: orgId!,
    programme: programmeId!,
    year: programme.year,
    status: 'DRAFT',
    createdBy: actor,
    outbox: [entry],
  });
  await flushOutbox(_id);
  return (await GrantApplicationModel.findById(_id).lean<App>())!;
}

export function updateGrantApplication(ctx: Context, id: string, input: ApplicationContentInput): Promise<App> {
  return command(ctx, id, {
    action: 'EDIT',
    change: async () => {
      const fields = await contentFields(input, false);
      // Conditional on the status like every step: an edit racing with a submission loses instead of changing a submitted dossier.
      return Object.keys(fields).length ? { record: false, update: { $set: fields } } : null;
    },
  });
}

/** Everything that stops a submission, all at once, each with its field. */
export async function completenessProblems(app: App): Promise<Problems> {
  const p = new Problems();
  const [programme, org, overdue] = await Promise.all([
    FundingProgrammeModel.findById(app.programme).lean<FundingProgrammeDoc>(),
    OrganisationModel.findById(app.organisation, { legalForm: 1, status: 1 }).lean<Pick<OrganisationDoc, 'legalForm' | 'status'>>(),
    overdueReports(app.organisation),
  ]);
  const lines = app.budgetLines ?? [];
  const expenses = sum(lines.filter((l) => l.kind === 'EXPENSE').map((l) => l.amount));
  const income = sum(lines.filter((l) => l.kind === 'INCOME').map((l) => l.amount)) + app.requestedAmount;
  const code = 'INCOMPLETE_APPLICATION' as const;
  if (!app.title?.trim()) p.add('title', 'Give the project a title.', code);
  if (!app.description?.trim()) p.add('description', 'Describe the project.', code);
  if (expenses === 0) p.add('budgetLines', 'The budget needs at least one expense line.', code);
  else if (expenses > MAX_APPLICATION_AMOUNT || income > MAX_APPLICATION_AMOUNT) {
    // Only an application stored before the bounds can get here: it must be edited down first.
    p.add('budgetLines', `The budget adds up to more than the ${formatEuros(MAX_APPLICATION_AMOUNT)} an application may hold: correct its amounts.`, code);
  } else if (income !== expenses) {
    p.add('budgetLines', `The budget is not balanced: income with the request (${formatEuros(income)}) must equal expenses (${formatEuros(expenses)}).`, code);
  }
  if (programme) {
    if (app.requestedAmount < programme.minAmount || app.requestedAmount > programme.maxAmount) {
      p.add('requestedAmount', `This programme funds from ${formatEuros(programme.minAmount)} to ${formatEuros(programme.maxAmount)}.`, code);
    }
    const now = today();
    if (now < programme.opensOn || now > programme.closesOn) {
      p.add(
        'programmeId',
        `The programme takes applications from ${programme.opensOn.toISOString().slice(0, 10)} to ${programme.closesOn.toISOString().slice(0, 10)}; it is not open today.`,
        code,
      );
    }
    if (org && programme.eligibleLegalForms?.length && !programme.eligibleLegalForms.includes(org.legalForm)) {
      p.add('organisationId', `This programme is open to ${programme.eligibleLegalForms.join(', ')}; the organisation is ${org.legalForm}.`, code);
    }
  } else p.add('programmeId', 'The programme no longer exists.', code);
  if (sum((app.otherFunders ?? []).map((o) => o.amount)) > MAX_APPLICATION_AMOUNT) {
    p.add(
      'otherFunders',
      `The other funders add up to more than the ${formatEuros(MAX_APPLICATION_AMOUNT)} an application may hold: correct their amounts.`,
      code,
    );
  }
  if (expenses > 0 && app.requestedAmount > expenses) p.add('requestedAmount', `The request cannot exceed the expenses (${formatEuros(expenses)}).`, code);
  const years = app.years ?? [];
  if (years.length) {
    if (years[0]!.year !== app.year)
      p.add('years', `A convention starts in the programme's year, ${app.year} (the years start in ${years[0]!.year}).`, 'MULTI_YEAR_INVALID');
    const mismatch = yearsTotalProblem(years, app.requestedAmount);
    if (mismatch) p.add('requestedAmount', mismatch, 'MULTI_YEAR_TOTAL_MISMATCH');
  }
  if (org && org.status !== 'ACTIVE') p.add('organisationId', 'The organisation is dissolved.', code);
  if (!app.republicanContractAttested)
    p.add('republicanContractAttested', "Attest the republican commitment contract (contrat d'engagement républicain).", code);
  if (overdue.length) {
    const o = overdueProblem(overdue);
    p.add(o.field, o.message, o.code);
  }
  // The dossier: one MISSING_DOCUMENT per requirement asked of this application and not met.
  for (const m of await dossierProblems(app)) p.add(m.field!, m.message, m.code);
  return p;
}

export function submitGrantApplication(ctx: Context, id: string): Promise<App> {
  return command(ctx, id, {
    action: 'SUBMIT',
    change: async (app) => {
      const problems = await completenessProblems(app);
      problems.throwIfAny('INCOMPLETE_APPLICATION', `The application cannot be submitted yet: ${problems.list.length} item(s) to fix.`);
      return {
        reason: app.status === 'CHANGES_REQUESTED' ? 'Resubmitted after changes' : null,
        update: { $set: { submittedAt: clock.now() } },
      };
    },
  });
}

export function withdrawGrantApplication(ctx: Context, id: string, reason?: string | null): Promise<App> {
  return command(ctx, id, {
    action: 'WITHDRAW',
    change: () => {
      if (reason && reason.length > 2000) throw new AppError('BAD_USER_INPUT', 'The reason is limited to 2,000 characters.', { field: 'reason' });
      return { reason: reason?.trim() || null };
    },
  });
}
