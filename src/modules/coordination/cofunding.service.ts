// The co-funding ledger: from each application's budget and other funders, how much of the project is
// public money, and two alerts: public funding above the project's cost, and the city funding the same
// project of the same organisation twice in a year. Integer cents throughout; shares in basis points.
// Every figure is computed so it cannot fail, whatever an applicant stored: sums stop at 2^53-1 cents
// (shared/money.ts), the share at GraphQL's largest Int.
import { Types } from 'mongoose';
import { Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { basisPoints, sumCents } from '../../shared/money';
import { foldText } from '../../shared/text';
import { GrantApplicationModel, type GrantApplicationDoc } from '../grants/application/grant-application.model';
import { grantedTotal, inKindTotal } from '../grants/convention/convention.rules';
import { actorOf } from '../organisation/organisation.actor';
import { checkYear, FUNDED_STATUSES } from './coverage.service';

/**
 * Public bodies, recognised by name: the grants model records a funder's name, amount and status but
 * not its nature, so the ledger classifies by these words (French administrations, agencies, EU funds).
 */
const PUBLIC_FUNDER = new RegExp(
  [
    'etat',
    'ministere',
    'prefecture',
    'region',
    'regional',
    'departement',
    'departemental',
    'metropole',
    'commune',
    'ville d',
    'mairie',
    'municipal',
    'caf',
    'caisse d.allocations',
    'cpam',
    'ars',
    'agence',
    'anct',
    'cget',
    'drac',
    'dreets',
    'draaf',
    'ddets',
    'politique de la ville',
    'france travail',
    'pole emploi',
    'bpifrance',
    'fonjep',
    'fdva',
    'union europeenne',
    'europe',
    'fse',
    'feder',
    'leader',
    'erasmus',
    'conseil general',
    'conseil regional',
    'conseil departemental',
    'intercommunal',
    'epci',
    'public',
  ]
    .map((w) => `\\b${w}\\b`)
    .join('|'),
);

export function isPublicFunder(name: string): boolean {
  return PUBLIC_FUNDER.test(foldText(name).replace(/[’']/g, "'"));
}

export const FUNDING_FLAGS = ['PUBLIC_FUNDING_EXCEEDS_COST', 'DUPLICATE_CITY_FUNDING', 'NO_EXPENSES'] as const;
export type FundingFlag = (typeof FUNDING_FLAGS)[number];

type AppLike = Pick<GrantApplicationDoc, 'budgetLines' | 'otherFunders' | 'requestedAmount' | 'decision' | 'status' | 'title' | 'year' | 'organisation'> &
  Partial<Pick<GrantApplicationDoc, 'multiYear' | 'inKind'>> & {
    _id: Types.ObjectId;
    number?: string;
  };

export interface Funding {
  totalCost: number;
  cityAmount: number;
  cityAmountIsDecided: boolean;
  otherPublicAmount: number;
  privateAmount: number;
  publicAmount: number;
  /** publicAmount / totalCost in basis points (10000 = 100%), at most 2,147,483,647 (GraphQL's Int); null without expenses. */
  publicShareBasisPoints: number | null;
  sources: { name: string; amount: number; status: string; isPublic: boolean }[];
  flags: FundingFlag[];
}

const isFunded = (a: Pick<AppLike, 'status' | 'decision'>) => (FUNDED_STATUSES as readonly string[]).includes(a.status) && a.decision?.outcome === 'APPROVED';

/** The same project: same title once accents, case, punctuation and spacing are ignored. */
export const projectKey = (title: string) =>
  foldText(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The ledger of one application; `siblings` are the organisation's other applications (for duplicates). */
export function fundingOf(app: AppLike, siblings: readonly AppLike[] = []): Funding {
  const totalCost = sumCents((app.budgetLines ?? []).filter((l) => l.kind === 'EXPENSE').map((l) => l.amount));
  const cityAmountIsDecided = isFunded(app) && typeof app.decision?.amount === 'number';
  // Decided: every year of a multi-year convention and the aid in kind (grants/convention); else the request.
  const cityAmount = cityAmountIsDecided ? sumCents([grantedTotal(app), inKindTotal(app)]) : app.requestedAmount;
  const sources = (app.otherFunders ?? []).map((f) => ({ name: f.name, amount: f.amount, status: f.status, isPublic: f.isPublic ?? isPublicFunder(f.name) }));
  const otherPublicAmount = sumCents(sources.filter((s) => s.isPublic).map((f) => f.amount));
  const privateAmount = sumCents(sources.filter((s) => !s.isPublic).map((f) => f.amount));
  const publicAmount = sumCents([cityAmount, otherPublicAmount]);
  const flags: FundingFlag[] = [];
  if (totalCost === 0) flags.push('NO_EXPENSES');
  else if (publicAmount > totalCost) flags.push('PUBLIC_FUNDING_EXCEEDS_COST');
  if (isFunded(app)) {
    const key = projectKey(app.title);
    const twin = siblings.some((s) => !s._id.equals(app._id) && s.year === app.year && isFunded(s) && projectKey(s.title) === key);
    if (twin) flags.push('DUPLICATE_CITY_FUNDING');
  }
  return {
    totalCost,
    cityAmount,
    cityAmountIsDecided,
    otherPublicAmount,
    privateAmount,
    publicAmount,
    // Rounded half up with exact integers; 1,000 EUR of cost and 1 billion EUR of co-funding is 10^10, beyond an Int.
    publicShareBasisPoints: basisPoints(publicAmount, totalCost),
    sources,
    flags,
  };
}

/** `GrantApplication.funding`: siblings come from the per-request loader, so a list costs one query. */
export async function applicationFunding(ctx: Context, app: AppLike): Promise<Funding> {
  const siblings = await ctx.loaders.grants.applicationsByOrganisation.load(app.organisation);
  return fundingOf(app, siblings);
}

export interface CofundingAlert {
  flag: FundingFlag;
  application: GrantApplicationDoc;
  funding: Funding;
  /** For a duplicate: the other application(s) of the same project. */
  related: GrantApplicationDoc[];
  message: string;
}

/** Applications still alive (not drafts, refusals or withdrawals) of a year; the alerts are about them. */
const ALIVE = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'COMPLETED'];
export const MAX_ALERTS = 500;

/**
 * Every co-funding alert of a programme year, for officers: at most MAX_ALERTS, the largest excess first.
 * An officer recused from an organisation (a declared conflict of interest) is not shown its
 * applications: judging them is a staff action they may not take.
 */
export async function cofundingAlerts(ctx: Context, year: number | null | undefined): Promise<CofundingAlert[]> {
  const p = new Problems();
  const y = checkYear(year, 'year', p);
  p.throwIfAny();
  const { recusedFrom } = await actorOf(ctx);
  // Whole documents (without the outbox): an alert's application is a full GrantApplication on the wire.
  const projection = { outbox: 0 };
  const match: Record<string, unknown> = { year: y, status: { $in: ALIVE } };
  if (recusedFrom.size) match.organisation = { $nin: [...recusedFrom].map((id) => new Types.ObjectId(id)) };

  // One pass over the year's live applications, projected to the ledger's fields.
  const candidates = await GrantApplicationModel.aggregate<GrantApplicationDoc>([{ $match: match }, { $sort: { number: 1 } }, { $project: projection }]).option(
    { allowDiskUse: true },
  );

  const alerts: CofundingAlert[] = [];
  const byProject = new Map<string, GrantApplicationDoc[]>();
  for (const a of candidates) {
    const f = fundingOf(a);
    if (f.flags.includes('PUBLIC_FUNDING_EXCEEDS_COST')) {
      alerts.push({
        flag: 'PUBLIC_FUNDING_EXCEEDS_COST',
        application: a,
        funding: f,
        related: [],
        message: `Public funding (${euros(f.publicAmount)}) exceeds the project's cost (${euros(f.totalCost)}) by ${euros(f.publicAmount - f.totalCost)}.`,
      });
    }
    if (isFunded(a)) {
      const k = `${String(a.organisation)}|${projectKey(a.title)}`;
      byProject.set(k, [...(byProject.get(k) ?? []), a]);
    }
  }
  alerts.sort((x, y2) => y2.funding.publicAmount - y2.funding.totalCost - (x.funding.publicAmount - x.funding.totalCost));
  for (const group of byProject.values()) {
    if (group.length < 2) continue;
    for (const a of group) {
      const others = group.filter((o) => !o._id.equals(a._id));
      alerts.push({
        flag: 'DUPLICATE_CITY_FUNDING',
        application: a,
        funding: fundingOf(a, group),
        related: others,
        message: `The city already funds the same project of this organisation in ${y}: ${others.map((o) => o.number).join(', ')}.`,
      });
    }
  }
  return alerts.slice(0, MAX_ALERTS);
}

/** 150000 -> "1,500.00 EUR", integers only. */
function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')} EUR`;
}
