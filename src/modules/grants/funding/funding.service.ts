// The law's thresholds per beneficiary and year, over all of its grants and all funders (issue 13, point 4):
//   CONVENTION            23,000 EUR of city aid (cash and in kind) in a year: a written convention (loi 2000-321 art. 10);
//   ACCOUNTS_PUBLICATION  75,000 EUR of city aid, or more than 50% of the organisation's budget: accounts published (CGCT L2313-1);
//   AUDITOR               153,000 EUR of public grants from all funders: an auditor (code de commerce L612-4);
//   DE_MINIMIS            300,000 EUR of de minimis aid over three years (EU 2023/2831), where the aid is declared under it.
// What counts for a year: the city's cash (the amount granted for that year: a single-year grant's for its
// year, a multi-year convention's amount of that year; a withdrawn grant only what it keeps), the city's
// aid in kind given that year (its valuation), and other public funding: the organisation's declaration
// for the year when it made one (declareFundingYear), otherwise the GRANTED public co-funders listed on its
// funded applications of that year.
//
// The convention rule at payment (conventionGuard): a payment of a grant without a signed convention is
// refused with CONVENTION_REQUIRED once the organisation's city total for the year is above 23,000 EUR,
// even across several smaller grants. The check is ordered against approvals by one document per
// (organisation, year): the payment reads its `seq`, computes the total, and writes `seq + 1` only if it
// has not moved; every approval (and any change of the year's aid) bumps `seq` once its decision is
// written. So a payment that read the total before an approval landed is retried, and two steps racing
// across the line cannot both go by the old total.
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { membershipIn } from '../../../auth/viewer';
import { checkYear } from '../../../shared/dates';
import { toObjectId } from '../../../shared/ids';
import { clock } from '../kernel/clock';
import { faults } from '../kernel/faults';
import { checkAmount, formatEuros, sum } from '../kernel/money';
import { GrantApplicationModel, type App, type GrantStatus } from '../application/grant-application.model';
import { OrganisationModel, type OrganisationDoc } from '../../organisation/organisation.model';
import { actorOf } from '../../organisation/organisation.actor';
import { actsAsStaffFor, isRecusedFrom, recusalRefusal, type Actor } from '../../organisation/organisation.policy';
import { isPublicFunder } from '../../coordination/cofunding.service';
import { FundingYearModel, type FundingYearDoc } from './funding-year.model';

export const THRESHOLD_KINDS = ['CONVENTION', 'ACCOUNTS_PUBLICATION', 'AUDITOR', 'DE_MINIMIS'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

/** The fixed amounts, integer cents. ACCOUNTS_PUBLICATION also applies at 50% of the organisation's budget. */
export const THRESHOLDS: Record<ThresholdKind, number> = {
  CONVENTION: 2_300_000,
  ACCOUNTS_PUBLICATION: 7_500_000,
  AUDITOR: 15_300_000,
  DE_MINIMIS: 30_000_000,
};
/** The de minimis ceiling runs over this many years (the year asked and the two before). */
export const DE_MINIMIS_YEARS = 3;

/** The application fields the figures read. */
export type FundedApp = Pick<
  App,
  '_id' | 'organisation' | 'status' | 'year' | 'decision' | 'multiYear' | 'inKind' | 'paidAmount' | 'recovery' | 'otherFunders'
>;
const PROJECTION = { organisation: 1, status: 1, year: 1, decision: 1, multiYear: 1, inKind: 1, paidAmount: 1, recovery: 1, otherFunders: 1 } as const;
const COUNTED: GrantStatus[] = ['APPROVED', 'COMPLETED', 'WITHDRAWN'];
const isCounted = (status: string) => (COUNTED as string[]).includes(status);

/** The city's cash for `year` from this application (see the file's head). */
export function cityCashOf(app: FundedApp, year: number): number {
  if (app.decision?.outcome !== 'APPROVED') return 0;
  if (app.status === 'WITHDRAWN') {
    // A grant withdrawn keeps what was paid less what is to be recovered, on its first year.
    if (!app.recovery) return 0;
    return app.year === year ? Math.max(0, app.recovery.paidAtWithdrawal - app.recovery.amount) : 0;
  }
  if (app.status !== 'APPROVED' && app.status !== 'COMPLETED') return 0;
  const years = app.multiYear?.years ?? [];
  if (years.length) return sum(years.filter((y) => y.year === year).map((y) => y.amount));
  return app.year === year ? (app.decision.amount ?? 0) : 0;
}

/** The city's aid in kind given in `year` with this application. */
export function cityInKindOf(app: FundedApp, year: number): number {
  if (app.decision?.outcome !== 'APPROVED' || !isCounted(app.status)) return 0;
  return sum((app.inKind ?? []).filter((k) => k.year === year).map((k) => k.valuation));
}

/** Public co-funders GRANTED on a funded application of `year` (used when the organisation declared nothing). */
function otherPublicListed(app: FundedApp, year: number): number {
  if (app.year !== year || app.decision?.outcome !== 'APPROVED' || !isCounted(app.status)) return 0;
  return sum((app.otherFunders ?? []).filter((f) => f.status === 'GRANTED' && (f.isPublic ?? isPublicFunder(f.name))).map((f) => f.amount));
}

export interface ThresholdState {
  kind: ThresholdKind;
  crossed: boolean;
  /** The threshold that applies, in cents (for ACCOUNTS_PUBLICATION, the lower of 75,000 EUR and half the budget). */
  amount: number;
  /** What is counted against it, in cents. */
  counted: number;
  message: string;
}

export interface FundingSummary {
  organisation: Types.ObjectId;
  year: number;
  cityCash: number;
  cityInKind: number;
  otherPublic: number;
  /** cityCash + cityInKind + otherPublic. */
  total: number;
  budget: number | null;
  deMinimis: boolean;
  /** De minimis aid over the year and the two before (city aid of declared years plus other de minimis aid). */
  deMinimisCounted: number;
  thresholds: ThresholdState[];
}

const cityTotal = (apps: readonly FundedApp[], year: number) => sum(apps.map((a) => cityCashOf(a, year) + cityInKindOf(a, year)));

/** The figures and thresholds of one organisation's year, from its funded applications and its declarations. */
export function summarise(
  organisation: Types.ObjectId,
  year: number,
  apps: readonly FundedApp[],
  declarations: readonly Pick<FundingYearDoc, 'year' | 'otherPublicFunding' | 'budget' | 'otherDeMinimisAid' | 'deMinimis'>[],
): FundingSummary {
  const cityCash = sum(apps.map((a) => cityCashOf(a, year)));
  const cityInKind = sum(apps.map((a) => cityInKindOf(a, year)));
  const declared = declarations.find((d) => d.year === year);
  const otherPublic = typeof declared?.otherPublicFunding === 'number' ? declared.otherPublicFunding : sum(apps.map((a) => otherPublicListed(a, year)));
  const city = cityCash + cityInKind;
  const budget = typeof declared?.budget === 'number' ? declared.budget : null;
  const window = Array.from({ length: DE_MINIMIS_YEARS }, (_, i) => year - i);
  const deMinimisYears = window.filter((y) => declarations.some((d) => d.year === y && d.deMinimis));
  const deMinimisCounted = sum([
    ...deMinimisYears.map((y) => cityTotal(apps, y)),
    ...declarations.filter((d) => window.includes(d.year)).map((d) => d.otherDeMinimisAid ?? 0),
  ]);
  const accountsAt = budget !== null && budget > 0 ? Math.min(THRESHOLDS.ACCOUNTS_PUBLICATION, Math.floor(budget / 2)) : THRESHOLDS.ACCOUNTS_PUBLICATION;
  const state = (kind: ThresholdKind, counted: number, amount: number, crossed: boolean, what: string): ThresholdState => ({
    kind,
    crossed,
    amount,
    counted,
    message: crossed
      ? `${what}: ${formatEuros(counted)} in ${year}, above the ${formatEuros(amount)} threshold.`
      : `${what}: ${formatEuros(counted)} in ${year}, within the ${formatEuros(amount)} threshold.`,
  });
  const publicTotal = city + otherPublic;
  const halfBudget = budget !== null && budget > 0 && city * 2 > budget;
  return {
    organisation,
    year,
    cityCash,
    cityInKind,
    otherPublic,
    total: publicTotal,
    budget,
    deMinimis: deMinimisYears.includes(year),
    deMinimisCounted,
    thresholds: [
      state(
        'CONVENTION',
        city,
        THRESHOLDS.CONVENTION,
        city > THRESHOLDS.CONVENTION,
        'City aid (cash and in kind), a written convention is required above the threshold (loi 2000-321 art. 10)',
      ),
      state(
        'ACCOUNTS_PUBLICATION',
        city,
        accountsAt,
        city > THRESHOLDS.ACCOUNTS_PUBLICATION || halfBudget,
        budget !== null && budget > 0
          ? `City aid, the accounts are published above 75,000.00 EUR or half the budget of ${formatEuros(budget)} (CGCT L2313-1)`
          : 'City aid, the accounts are published above 75,000.00 EUR or half the budget, not declared (CGCT L2313-1)',
      ),
      state(
        'AUDITOR',
        publicTotal,
        THRESHOLDS.AUDITOR,
        publicTotal > THRESHOLDS.AUDITOR,
        'Public grants from all funders, an auditor is required above the threshold (code de commerce L612-4)',
      ),
      state(
        'DE_MINIMIS',
        deMinimisCounted,
        THRESHOLDS.DE_MINIMIS,
        deMinimisYears.length > 0 && deMinimisCounted > THRESHOLDS.DE_MINIMIS,
        deMinimisYears.length
          ? `De minimis aid over ${year - DE_MINIMIS_YEARS + 1}-${year}, the EU ceiling (regulation 2023/2831)`
          : `No aid declared under de minimis over ${year - DE_MINIMIS_YEARS + 1}-${year}, the EU ceiling does not apply`,
      ),
    ],
  };
}

/** Applications of these organisations that may count in `years` (decided, still counted). */
async function fundedApps(organisations: Types.ObjectId[] | null, years: number[]): Promise<FundedApp[]> {
  return GrantApplicationModel.find(
    {
      ...(organisations ? { organisation: { $in: organisations } } : {}),
      status: { $in: COUNTED },
      'decision.outcome': 'APPROVED',
      $or: [{ year: { $in: years } }, { 'multiYear.years.year': { $in: years } }, { 'inKind.year': { $in: years } }],
    },
    PROJECTION,
  ).lean<FundedApp[]>();
}

const windowOf = (year: number) => Array.from({ length: DE_MINIMIS_YEARS }, (_, i) => year - i);

/** The organisation's figures for `year`, computed now. */
export async function fundingOf(organisation: Types.ObjectId, year: number): Promise<FundingSummary> {
  const years = windowOf(year);
  const [apps, declarations] = await Promise.all([
    fundedApps([organisation], years),
    FundingYearModel.find({ organisation, year: { $in: years } }).lean<FundingYearDoc[]>(),
  ]);
  return summarise(organisation, year, apps, declarations);
}

/** Who sees an organisation's funding: its members, and officers and admins not recused from it. */
export function canSeeFunding(a: Actor, organisationId: unknown): boolean {
  return actsAsStaffFor(a, organisationId) || !!membershipIn(a.viewer, organisationId);
}

function yearOrThrow(year: unknown, field: string): number {
  const p = new Problems();
  checkYear(year, field, p);
  p.throwIfAny();
  return year as number;
}

/** `Organisation.fundingSummary(year)`: null for whoever may not see it. */
export async function fundingSummary(ctx: Context, organisation: Pick<OrganisationDoc, '_id'>, year: number): Promise<FundingSummary | null> {
  if (!canSeeFunding(await actorOf(ctx), organisation._id)) return null;
  return fundingOf(organisation._id, yearOrThrow(year, 'year'));
}

export interface ThresholdAlert {
  kind: ThresholdKind;
  organisation: Types.ObjectId;
  year: number;
  counted: number;
  amount: number;
  message: string;
}

export const MAX_THRESHOLD_ALERTS = 500;

/**
 * Every threshold crossed in `year`, for officers: at most MAX_THRESHOLD_ALERTS, the largest amounts first.
 * A CONVENTION alert is raised only while one of the organisation's grants of the year lacks its signed
 * convention (the others are settled). Organisations the officer is recused from are left out.
 */
export async function thresholdAlerts(ctx: Context, year: number): Promise<ThresholdAlert[]> {
  const y = yearOrThrow(year, 'year');
  const actor = await actorOf(ctx);
  const years = windowOf(y);
  const [apps, declarations] = await Promise.all([fundedApps(null, years), FundingYearModel.find({ year: { $in: years } }).lean<FundingYearDoc[]>()]);
  const byOrg = new Map<string, FundedApp[]>();
  for (const a of apps) byOrg.set(String(a.organisation), [...(byOrg.get(String(a.organisation)) ?? []), a]);
  // Organisations with only a declaration (other public funding) can still cross AUDITOR or DE_MINIMIS.
  for (const d of declarations) if (!byOrg.has(String(d.organisation))) byOrg.set(String(d.organisation), []);
  const conventionMissing = new Set(
    (
      await GrantApplicationModel.find(
        { status: { $in: ['APPROVED', 'COMPLETED'] }, convention: null, organisation: { $in: [...byOrg.keys()].map((id) => new Types.ObjectId(id)) } },
        { organisation: 1, year: 1, multiYear: 1 },
      ).lean<Pick<App, 'organisation' | 'year' | 'multiYear'>[]>()
    )
      .filter((a) => a.year === y || (a.multiYear?.years ?? []).some((x) => x.year === y))
      .map((a) => String(a.organisation)),
  );
  const alerts: ThresholdAlert[] = [];
  for (const [org, orgApps] of byOrg) {
    if (isRecusedFrom(actor, org)) continue;
    const organisation = new Types.ObjectId(org);
    const s = summarise(
      organisation,
      y,
      orgApps,
      declarations.filter((d) => String(d.organisation) === org),
    );
    for (const t of s.thresholds) {
      if (!t.crossed || (t.kind === 'CONVENTION' && !conventionMissing.has(org))) continue;
      alerts.push({ kind: t.kind, organisation, year: y, counted: t.counted, amount: t.amount, message: t.message });
    }
  }
  alerts.sort((a, b) => b.counted - a.counted || a.kind.localeCompare(b.kind));
  return alerts.slice(0, MAX_THRESHOLD_ALERTS);
}

export interface DeclareFundingYearInput {
  organisationId: string;
  year: number;
  otherPublicFunding?: number | null;
  budget?: number | null;
  otherDeMinimisAid?: number | null;
  deMinimis?: boolean | null;
}

/**
 * The organisation's declarations for a year: its members (managers and editors) and staff not recused
 * declare its other public funding, budget and other de minimis aid; whether the city's aid is granted under
 * de minimis is the city's to say (officers and admins). A field left out keeps its value; null clears it.
 */
export async function declareFundingYear(ctx: Context, input: DeclareFundingYearInput): Promise<FundingSummary> {
  const p = new Problems();
  const organisation = toObjectId(input.organisationId, 'input.organisationId');
  checkYear(input.year, 'input.year', p);
  const set: Record<string, unknown> = {};
  for (const field of ['otherPublicFunding', 'budget', 'otherDeMinimisAid'] as const) {
    const v = input[field];
    if (v === undefined) continue;
    if (v === null || checkAmount(p, `input.${field}`, v, { min: 0 })) set[field] = v;
  }
  p.throwIfAny();
  const org = await OrganisationModel.findById(organisation, { _id: 1, status: 1 }).lean<Pick<OrganisationDoc, '_id' | 'status'>>();
  const actor = await actorOf(ctx);
  if (!org || !canSeeFunding(actor, organisation)) {
    if (org && isRecusedFrom(actor, organisation)) throw recusalRefusal('declare its funding', 'input.organisationId');
    throw notFound('Organisation', 'input.organisationId');
  }
  if (input.deMinimis !== undefined && input.deMinimis !== null) {
    if (!actsAsStaffFor(actor, organisation)) {
      throw forbidden('Only officers and admins say whether the city grants its aid under the de minimis regulation (input.deMinimis).');
    }
    set.deMinimis = input.deMinimis;
  }
  if (!Object.keys(set).length) throw new AppError('BAD_USER_INPUT', 'Give at least one figure to declare.', { field: 'input' });
  await FundingYearModel.updateOne(
    { organisation, year: input.year },
    { $set: { ...set, declaredBy: new Types.ObjectId(ctx.viewer!.id), declaredAt: clock.now() }, $setOnInsert: { seq: 0 } },
    { upsert: true },
  );
  return fundingOf(organisation, input.year);
}

/**
 * Tells the guard that the city aid of the organisation's years changed (an approval, aid in kind, a
 * convention year): payments racing with it re-read the total. Call it AFTER the change is written.
 */
export async function fundingChanged(organisation: Types.ObjectId, years: readonly number[]): Promise<void> {
  await Promise.all(
    [...new Set(years)].map((year) =>
      FundingYearModel.updateOne({ organisation, year }, { $inc: { seq: 1 } }, { upsert: true }).catch((err: unknown) => {
        // Two first bumps racing on a missing document: the loser's upsert collides, the winner's bump counts.
        if ((err as { code?: number }).code !== 11000) throw err;
        return FundingYearModel.updateOne({ organisation, year }, { $inc: { seq: 1 } });
      }),
    ),
  );
}

/** The years whose city aid an approved application counts in: its year, its convention's years, its aid in kind's. */
export function fundingYearsOf(app: Pick<App, 'year' | 'multiYear' | 'inKind'>): number[] {
  return [...new Set([app.year, ...(app.multiYear?.years ?? []).map((y) => y.year), ...(app.inKind ?? []).map((k) => k.year)])];
}

const MAX_GUARD_ATTEMPTS = 10;

/**
 * The convention rule for a payment of `app` funding `year`: without a signed convention, refused with
 * CONVENTION_REQUIRED once the organisation's city aid for the year is above 23,000 EUR. Serialised with
 * approvals through the (organisation, year) document: see the file's head.
 */
export async function conventionGuard(app: Pick<App, '_id' | 'organisation' | 'convention'>, year: number): Promise<void> {
  if (app.convention) return;
  for (let attempt = 0; attempt < MAX_GUARD_ATTEMPTS; attempt++) {
    const doc = await FundingYearModel.findOneAndUpdate(
      { organisation: app.organisation, year },
      { $setOnInsert: { seq: 0 } },
      { upsert: true, returnDocument: 'after', projection: { seq: 1 } },
    )
      .lean<Pick<FundingYearDoc, 'seq'>>()
      .catch((err: unknown) => {
        if ((err as { code?: number }).code !== 11000) throw err;
        return FundingYearModel.findOne({ organisation: app.organisation, year }, { seq: 1 }).lean<Pick<FundingYearDoc, 'seq'>>();
      });
    const seq = doc?.seq ?? 0;
    const apps = await fundedApps([app.organisation], [year]);
    const total = cityTotal(apps, year);
    if (total > THRESHOLDS.CONVENTION) {
      const grants = apps.filter((a) => cityCashOf(a, year) + cityInKindOf(a, year) > 0).length;
      throw new AppError(
        'CONVENTION_REQUIRED',
        `The city's aid to this organisation in ${year} is ${formatEuros(total)}${grants > 1 ? ` over ${grants} grants` : ''}, above the ${formatEuros(THRESHOLDS.CONVENTION)} threshold of loi 2000-321 (art. 10): record this grant's signed convention (recordConvention) before paying it.`,
        { field: 'id', extra: { total, threshold: THRESHOLDS.CONVENTION, year } },
      );
    }
    if (faults.afterFundingRead) await faults.afterFundingRead(String(app._id));
    const res = await FundingYearModel.updateOne({ organisation: app.organisation, year, seq }, { $inc: { seq: 1 } });
    if (res.modifiedCount === 1) return;
  }
  throw new AppError('CONFLICT', "This organisation's grants for the year keep changing: try the payment again in a moment.", { field: 'id' });
}
