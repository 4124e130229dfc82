// Programmes and their envelopes: created and edited by admins, listed by year for everyone signed in.
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { objectIdOrProblem, toObjectId, toObjectIds } from '../../../shared/ids';
import { LEGAL_FORMS } from '../../organisation/organisation.model';
import { DomainModel } from '../../reference/domain.model';
import { FundingProgrammeModel, type FundingProgrammeDoc } from './funding-programme.model';
import { BudgetEnvelopeModel, type BudgetEnvelopeDoc } from './budget-envelope.model';
import { checkAmount, formatEuros } from '../kernel/money';
import { MAX_MONEY } from '../../../shared/money';
import { checkYear, isKnownYear, startOfDay } from '../../../shared/dates';
import { CERFA_12156_REQUIREMENTS } from './document-requirements';

export interface ProgrammeInput {
  name?: string | null;
  description?: string | null;
  year?: number | null;
  domainIds?: string[] | null;
  opensOn?: string | null;
  closesOn?: string | null;
  eligibleLegalForms?: string[] | null;
  minAmount?: number | null;
  maxAmount?: number | null;
}

async function programmeFields(input: ProgrammeInput, current: FundingProgrammeDoc | null): Promise<Record<string, unknown>> {
  const p = new Problems();
  const out: Record<string, unknown> = {};
  const creating = !current;
  const need = (k: keyof ProgrammeInput) => creating || input[k] !== undefined;

  if (need('name')) {
    const name = input.name?.trim() ?? '';
    if (!name || name.length > 200) p.add('input.name', 'The name is required, at most 200 characters.');
    else out.name = name;
  }
  if (input.description !== undefined && input.description !== null) {
    if (input.description.length > 5000) p.add('input.description', 'The description is limited to 5,000 characters.');
    else out.description = input.description;
  }
  if (need('year')) {
    if (checkYear(input.year, 'input.year', p)) out.year = input.year;
  }
  if (input.domainIds) {
    try {
      const ids = toObjectIds(input.domainIds, 'input.domainIds', 50);
      if ((await DomainModel.countDocuments({ _id: { $in: ids } })) !== new Set(ids.map(String)).size)
        p.add('input.domainIds', 'One of the domains does not exist.');
      else out.domains = ids;
    } catch (err) {
      if (err instanceof AppError) p.add(err.field ?? 'input.domainIds', err.message);
      else throw err;
    }
  }
  if (need('opensOn')) {
    if (!input.opensOn) p.add('input.opensOn', 'The opening date is required.');
    else out.opensOn = startOfDay(input.opensOn);
  }
  if (need('closesOn')) {
    if (!input.closesOn) p.add('input.closesOn', 'The closing date is required.');
    else out.closesOn = startOfDay(input.closesOn);
  }
  const opens = (out.opensOn as Date | undefined) ?? current?.opensOn;
  const closes = (out.closesOn as Date | undefined) ?? current?.closesOn;
  if (opens && closes && closes < opens) p.add('input.closesOn', 'The closing date must not be before the opening date.');
  if (input.eligibleLegalForms) {
    if (input.eligibleLegalForms.some((f) => !(LEGAL_FORMS as readonly string[]).includes(f))) p.add('input.eligibleLegalForms', 'Unknown legal form.');
    else out.eligibleLegalForms = [...new Set(input.eligibleLegalForms)];
  }
  if (need('minAmount') && checkAmount(p, 'input.minAmount', input.minAmount, { min: 0 })) out.minAmount = input.minAmount;
  if (need('maxAmount') && checkAmount(p, 'input.maxAmount', input.maxAmount)) out.maxAmount = input.maxAmount;
  const min = (out.minAmount as number | undefined) ?? current?.minAmount;
  const max = (out.maxAmount as number | undefined) ?? current?.maxAmount;
  if (min !== undefined && max !== undefined && min > max)
    p.add('input.maxAmount', `The maximum (${formatEuros(max)}) is below the minimum (${formatEuros(min)}).`);
  p.throwIfAny();
  return out;
}

export async function createFundingProgramme(ctx: Context, input: ProgrammeInput): Promise<FundingProgrammeDoc> {
  const fields = await programmeFields(input, null);
  // A new programme asks for the CERFA 12156 documents until an admin says otherwise (setDocumentRequirements).
  const doc = await FundingProgrammeModel.create({
    ...fields,
    documentRequirements: CERFA_12156_REQUIREMENTS.map((r) => ({ ...r })),
    createdBy: ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : undefined,
  });
  return doc.toObject();
}

export async function updateFundingProgramme(_ctx: Context, id: string, input: ProgrammeInput): Promise<FundingProgrammeDoc> {
  const current = await FundingProgrammeModel.findById(toObjectId(id)).lean<FundingProgrammeDoc>();
  if (!current) throw notFound('Funding programme');
  const fields = await programmeFields(input, current);
  const updated = await FundingProgrammeModel.findByIdAndUpdate(current._id, { $set: fields }, { returnDocument: 'after' }).lean<FundingProgrammeDoc>();
  if (!updated) throw notFound('Funding programme'); // deleted meanwhile
  return updated;
}

export async function getFundingProgramme(_ctx: Context, id: string): Promise<FundingProgrammeDoc> {
  const p = await FundingProgrammeModel.findById(toObjectId(id)).lean<FundingProgrammeDoc>();
  if (!p) throw notFound('Funding programme');
  return p;
}

export async function listFundingProgrammes(_ctx: Context, year?: number | null): Promise<FundingProgrammeDoc[]> {
  if (year !== undefined && year !== null && !isKnownYear(year)) {
    throw new AppError('BAD_USER_INPUT', 'The year must be between 2000 and 2100.', { field: 'year' });
  }
  return FundingProgrammeModel.find(year ? { year } : {})
    .sort({ year: -1, name: 1 })
    .limit(200)
    .lean<FundingProgrammeDoc[]>();
}

export interface EnvelopeInput {
  programmeId?: string | null;
  label?: string | null;
  total?: number | null;
}

export async function createBudgetEnvelope(ctx: Context, input: EnvelopeInput): Promise<BudgetEnvelopeDoc> {
  const p = new Problems();
  const label = input.label?.trim() ?? '';
  if (!label || label.length > 200) p.add('input.label', 'The label is required, at most 200 characters.');
  checkAmount(p, 'input.total', input.total, { min: 0, max: MAX_MONEY });
  const programme = objectIdOrProblem(input.programmeId, 'input.programmeId', p);
  p.throwIfAny();
  if (!(await FundingProgrammeModel.exists({ _id: programme }))) throw notFound('Funding programme', 'input.programmeId');
  const doc = await BudgetEnvelopeModel.create({
    programme: programme!,
    label,
    total: input.total!,
    createdBy: ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : undefined,
  });
  return doc.toObject();
}

/** Renames an envelope or changes its total; the total never goes below what is already committed. */
export async function updateBudgetEnvelope(_ctx: Context, id: string, input: EnvelopeInput): Promise<BudgetEnvelopeDoc> {
  const _id = toObjectId(id);
  const p = new Problems();
  const set: Record<string, unknown> = {};
  if (input.label !== undefined && input.label !== null) {
    const label = input.label.trim();
    if (!label || label.length > 200) p.add('input.label', 'The label is required, at most 200 characters.');
    else set.label = label;
  }
  if (input.total !== undefined && input.total !== null && checkAmount(p, 'input.total', input.total, { min: 0, max: MAX_MONEY })) set.total = input.total;
  p.throwIfAny();
  const guard = set.total !== undefined ? { $expr: { $lte: ['$committed', set.total] } } : {};
  const updated = await BudgetEnvelopeModel.findOneAndUpdate({ _id, ...guard }, { $set: set }, { returnDocument: 'after' }).lean<BudgetEnvelopeDoc>();
  if (updated) return updated;
  const env = await BudgetEnvelopeModel.findById(_id).lean<BudgetEnvelopeDoc>();
  if (!env) throw notFound('Budget envelope');
  throw new AppError('ENVELOPE_EXHAUSTED', `${formatEuros(env.committed)} are already committed: the total cannot go below that.`, { field: 'input.total' });
}
