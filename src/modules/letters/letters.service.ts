// Letters an application is owed, generated as PDF and stored in the applicant's vault:
//   ACKNOWLEDGEMENT on each submission, DECISION_LETTER on each decision, CONVENTION_DRAFT with an approval
//   above 23,000 EUR, PAYMENT_NOTICE for each paid tranche.
// What is owed follows from the application alone (`owedLetters`), so generation is a repair: the grants
// kernel asks for it after it has recorded a step (commands/command.ts, flushOutbox), boot asks for it
// for every application (`reconcileLetters`), and either may be retried. Each letter is keyed by its
// occasion (a unique index), so a retry or two racing generations leave one letter. No multi-document
// transaction: the PDF is stored first, then the letter record; a crash between them leaves a vault
// document that the next run reuses (same bytes, deduplicated by the vault).
import { Types } from 'mongoose';
import type { Context } from '../../context';
import { AppError, notFound } from '../../errors/app-error';
import { toObjectId } from '../../shared/ids';
import type { Logger } from '../../shared/logger';
import { GrantApplicationModel, type App } from '../grants/application/grant-application.model';
import { loadApplication } from '../grants/application/grant-application.queries';
import { FundingProgrammeModel, type FundingProgrammeDoc } from '../grants/budget/funding-programme.model';
import { OrganisationModel, type OrganisationDoc } from '../organisation/organisation.model';
import { storeDocument } from '../document/document.service';
import { messagingRuntime } from '../messaging/runtime';
import { letterLayout, layoutText, type CityIdentity, type LetterSubject } from './letter-facts';
import { renderLetterPdf } from './letter-pdf';
import { checkTemplate, DEFAULT_TEMPLATES, LETTER_KINDS, type LetterKind } from './letter-templates';
import { LetterMarkModel, LetterModel, LetterTemplateModel, type LetterDoc, type LetterTemplateDoc } from './letters.model';

/** Loi 2000-321 art. 10: a written convention is due above 23,000 EUR (the grants' CONVENTION_THRESHOLD). */
export const CONVENTION_LETTER_THRESHOLD = 2_300_000;

/** The grants steps after which a letter may be owed. */
export const LETTER_STEPS: ReadonlySet<string> = new Set(['SUBMIT', 'APPROVE', 'REJECT', 'RECORD_PAYMENT']);

export interface OwedLetter {
  kind: LetterKind;
  key: string;
  /** The day the letter is dated: the receipt, the decision or the payment. */
  on: Date;
  payment: Types.ObjectId | null;
}

type LetterApp = Pick<App, '_id' | 'status' | 'submittedAt' | 'decision' | 'payments'>;

/** Every letter the application is owed as it stands. */
export function owedLetters(app: LetterApp): OwedLetter[] {
  const out: OwedLetter[] = [];
  const key = (kind: LetterKind, occasion: string) => `${app._id}:${kind}:${occasion}`;
  if (app.submittedAt && app.status !== 'DRAFT') {
    out.push({ kind: 'ACKNOWLEDGEMENT', key: key('ACKNOWLEDGEMENT', app.submittedAt.toISOString()), on: app.submittedAt, payment: null });
  }
  const d = app.decision;
  if (d && (app.status === 'APPROVED' || app.status === 'REJECTED' || app.status === 'COMPLETED')) {
    out.push({ kind: 'DECISION_LETTER', key: key('DECISION_LETTER', d.decidedAt.toISOString()), on: d.decidedAt, payment: null });
    if (d.outcome === 'APPROVED' && (d.amount ?? 0) > CONVENTION_LETTER_THRESHOLD) {
      out.push({ kind: 'CONVENTION_DRAFT', key: key('CONVENTION_DRAFT', d.decidedAt.toISOString()), on: d.decidedAt, payment: null });
    }
  }
  for (const t of app.payments ?? []) {
    if (t.paidAt) out.push({ kind: 'PAYMENT_NOTICE', key: key('PAYMENT_NOTICE', String(t._id)), on: t.paidAt, payment: t._id });
  }
  return out;
}

function cityOf(): CityIdentity {
  return messagingRuntime().config;
}

/** The programme's wording of a kind, or the default. */
export async function templateFor(programme: Types.ObjectId, kind: LetterKind): Promise<string> {
  const custom = await LetterTemplateModel.findOne({ programme, kind }, { body: 1 }).lean<Pick<LetterTemplateDoc, 'body'>>();
  return custom?.body ?? DEFAULT_TEMPLATES[kind].body;
}

async function subjectOf(app: App, paymentId: string | null): Promise<LetterSubject> {
  const [organisation, programme] = await Promise.all([
    OrganisationModel.findById(app.organisation, { name: 1, address: 1, siret: 1, rna: 1 }).lean<Pick<OrganisationDoc, 'name' | 'address' | 'siret' | 'rna'>>(),
    FundingProgrammeModel.findById(app.programme, { name: 1, year: 1 }).lean<Pick<FundingProgrammeDoc, 'name' | 'year'>>(),
  ]);
  if (!organisation || !programme) throw new Error(`Application ${app._id}: its organisation or programme is missing.`);
  return { app, organisation, programme, paymentId };
}

const SLUG: Record<LetterKind, string> = {
  ACKNOWLEDGEMENT: 'accuse-de-reception',
  DECISION_LETTER: 'decision',
  CONVENTION_DRAFT: 'projet-de-convention',
  PAYMENT_NOTICE: 'avis-de-versement',
};

/** Generates one owed letter unless it exists; returns its record. */
async function generate(app: App, owed: OwedLetter): Promise<LetterDoc> {
  const existing = await LetterModel.findOne({ key: owed.key }).lean<LetterDoc>();
  if (existing) return existing;
  const subject = await subjectOf(app, owed.payment ? String(owed.payment) : null);
  const layout = letterLayout(owed.kind, await templateFor(app.programme, owed.kind), subject, cityOf(), owed.on);
  const pdf = await renderLetterPdf(layout);
  const document = await storeDocument({
    organisationId: app.organisation,
    kind: 'OTHER',
    title: layout.subject.slice(0, 200),
    filename: `${SLUG[owed.kind]}-${app.number}${owed.kind === 'PAYMENT_NOTICE' ? `-${String(owed.payment).slice(-6)}` : ''}.pdf`,
    contentType: 'application/pdf',
    uploadedBy: null,
    source: pdf,
  });
  try {
    const created = await LetterModel.create({
      key: owed.key,
      application: app._id,
      organisation: app.organisation,
      kind: owed.kind,
      payment: owed.payment,
      document: document._id,
      sha256: document.sha256,
      generatedAt: new Date(),
    });
    return created.toObject() as LetterDoc;
  } catch (err) {
    // Another run generated it meanwhile: theirs stands (the vault deduplicated our identical bytes).
    if ((err as { code?: number }).code === 11000) return (await LetterModel.findOne({ key: owed.key }).lean<LetterDoc>())!;
    throw err;
  }
}

export interface LetterRun {
  generated: number;
  failed: number;
}

/**
 * Generates what the application is owed and does not have. Never throws: a letter that cannot be made now
 * (a PDF or storage failure) is logged and made by the next run; the step that called stands.
 */
export async function issueLetters(applicationId: Types.ObjectId, log?: Pick<Logger, 'error'>): Promise<LetterRun> {
  const run = { generated: 0, failed: 0 };
  try {
    const app = await GrantApplicationModel.findById(applicationId, { outbox: 0 }).lean<App>();
    if (!app) return run;
    const owed = owedLetters(app);
    if (!owed.length) return run;
    const have = new Set((await LetterModel.find({ key: { $in: owed.map((o) => o.key) } }, { key: 1 }).lean()).map((l) => l.key));
    for (const o of owed.filter((x) => !have.has(x.key))) {
      try {
        await generate(app, o);
        run.generated++;
      } catch (err) {
        run.failed++;
        (log ?? messagingRuntime().log).error(
          { err, applicationId: String(applicationId), kind: o.kind, key: o.key },
          'letter not generated yet: the next run retries',
        );
      }
    }
  } catch (err) {
    run.failed++;
    (log ?? messagingRuntime().log).error({ err, applicationId: String(applicationId) }, 'letters not generated yet: the next run retries');
  }
  return run;
}

/**
 * One generation at a time, after the step's response: a PDF is CPU work on the event loop, so letters
 * queue behind each other instead of slowing the requests in flight, and a step never waits for its
 * letters (nor fails with them). What a crash leaves in the queue, reconcileLetters makes at the next boot.
 */
let queue: Promise<unknown> = Promise.resolve();

/** Queues the generation of what the application is owed (the grants kernel calls this after a step). */
export function issueLettersLater(applicationId: Types.ObjectId, log?: Pick<Logger, 'error'>): void {
  queue = queue.then(() => issueLetters(applicationId, log));
}

/** Resolves once every queued generation has run (tests, and a graceful shutdown). */
export async function lettersSettled(): Promise<void> {
  let seen: Promise<unknown> | null = null;
  while (seen !== queue) {
    seen = queue;
    await seen;
  }
}

/** Applications whose letters are checked per round trip. */
const LETTER_BATCH = 500;
/** The boot's mark (letter_marks), and how far before a pass's start it is set. */
const LETTERS_MARK = 'letters';
const LETTERS_CLOCK_MARGIN_MS = 10 * 60_000;

export interface ReconcileLettersOptions {
  log?: Pick<Logger, 'error' | 'warn'>;
  /**
   * Only the applications written since the last complete pass (the boot). A letter is owed only after a
   * step, and every step writes its application, so an application untouched since a complete pass owes
   * nothing new. The first pass on a database (no mark yet) checks every application, as a pass on demand does.
   */
  incremental?: boolean;
}

/** Every application's owed letters (boot, and on demand): the repair of interrupted or failed generations. */
export async function reconcileLetters({ log, incremental = false }: ReconcileLettersOptions = {}): Promise<LetterRun> {
  const startedAt = new Date();
  const mark = incremental ? await LetterMarkModel.findById(LETTERS_MARK).lean() : null;
  const filter: Record<string, unknown> = { submittedAt: { $ne: null }, status: { $ne: 'DRAFT' } };
  if (mark) filter.updatedAt = { $gte: mark.checkedThrough };
  const total = { generated: 0, failed: 0 };
  const cursor = GrantApplicationModel.find(filter, { status: 1, submittedAt: 1, decision: 1, payments: 1 }).lean<LetterApp[]>().cursor();
  // One query per batch for the letters already made, instead of one per application.
  const repair = async (apps: LetterApp[]): Promise<void> => {
    const owed = apps.map((app) => ({ app, keys: owedLetters(app).map((o) => o.key) }));
    const made = new Set((await LetterModel.find({ key: { $in: owed.flatMap((o) => o.keys) } }, { key: 1 }).lean<{ key: string }[]>()).map((l) => l.key));
    for (const { app, keys } of owed) {
      if (keys.every((k) => made.has(k))) continue;
      const run = await issueLetters(app._id, log);
      total.generated += run.generated;
      total.failed += run.failed;
    }
  };
  let batch: LetterApp[] = [];
  for await (const app of cursor as AsyncIterable<LetterApp>) {
    batch.push(app);
    if (batch.length < LETTER_BATCH) continue;
    await repair(batch);
    batch = [];
  }
  if (batch.length) await repair(batch);
  if (total.generated || total.failed) log?.warn({ letters: total }, 'letters reconciled');
  // A complete pass that left nothing failed: the next boot starts from here (instances' clocks may differ).
  if (!total.failed) {
    const through = new Date(startedAt.getTime() - LETTERS_CLOCK_MARGIN_MS);
    await LetterMarkModel.updateOne({ _id: LETTERS_MARK }, { $max: { checkedThrough: through } }, { upsert: true });
  }
  return total;
}

/** The letters of an application, oldest first (the resolver checks who may see them). */
export function lettersOf(applicationId: Types.ObjectId): Promise<LetterDoc[]> {
  return LetterModel.find({ application: applicationId }).sort({ generatedAt: 1, _id: 1 }).lean<LetterDoc[]>();
}

export function checkKind(kind: string, field = 'kind'): LetterKind {
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new AppError('BAD_USER_INPUT', `One of ${LETTER_KINDS.join(', ')}.`, { field });
  return kind as LetterKind;
}

/** An admin saves a programme's wording of one kind; unknown placeholders are refused with their line. */
export async function updateLetterTemplate(ctx: Context, programmeId: string, kind: string, template: string): Promise<LetterTemplateDoc> {
  const programme = toObjectId(programmeId, 'programmeId');
  const k = checkKind(kind);
  const body = checkTemplate(k, template, 'template');
  if (!(await FundingProgrammeModel.exists({ _id: programme }))) throw notFound('Funding programme', 'programmeId');
  return (await LetterTemplateModel.findOneAndUpdate(
    { programme, kind: k },
    { $set: { body, updatedAt: new Date(), updatedBy: ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : null } },
    { upsert: true, returnDocument: 'after' },
  ).lean<LetterTemplateDoc>())!;
}

export interface ProgrammeTemplate {
  programme: Types.ObjectId;
  kind: LetterKind;
  body: string;
  isDefault: boolean;
  updatedAt: Date | null;
}

/** A programme's wording of every kind, its own or the default. */
export async function templatesOf(programme: Types.ObjectId): Promise<ProgrammeTemplate[]> {
  const own = await LetterTemplateModel.find({ programme }).lean<LetterTemplateDoc[]>();
  return LETTER_KINDS.map((kind) => {
    const t = own.find((o) => o.kind === kind);
    return { programme, kind, body: t?.body ?? DEFAULT_TEMPLATES[kind].body, isDefault: !t, updatedAt: t?.updatedAt ?? null };
  });
}

export interface LetterPreview {
  kind: LetterKind;
  subject: string;
  text: string;
}

/**
 * The letter of `kind` as the application's programme words it today, rendered as text (officers and admins
 * check a template against a real application). What is not known yet (no decision) shows as [name].
 */
export async function previewLetter(ctx: Context, applicationId: string, kind: string): Promise<LetterPreview> {
  const k = checkKind(kind);
  const app = await loadApplication(ctx, applicationId);
  const owed = owedLetters(app).find((o) => o.kind === k);
  const layout = letterLayout(
    k,
    await templateFor(app.programme, k),
    await subjectOf(app, owed?.payment ? String(owed.payment) : null),
    cityOf(),
    owed?.on ?? new Date(),
  );
  return { kind: k, subject: layout.subject, text: layoutText(layout) };
}
