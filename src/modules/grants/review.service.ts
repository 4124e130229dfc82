// The officers' work before a decision: taking an application into review, asking for changes, scoring,
// private notes, messages with the applicant, and declaring conflicts of interest.
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import type { Context } from '../../context';
import { isStaff, membershipIn } from '../../auth/viewer';
import { toObjectId } from '../../shared/ids';
import { OrganisationModel } from '../organisation/organisation.model';
import { GrantApplicationModel, RECOMMENDATIONS } from './grant-application.model';
import { checkMessage, checkReview, checkStartReview, ensure } from './grant-application.policy';
import { actorOf, loadApplication, type App } from './grant-application.service';
import { ConflictOfInterestModel, type ConflictOfInterestDoc } from './conflict-of-interest.model';
import { applyChange, TRANSITIONS } from './lifecycle';
import { clock } from './clock';

const MAX_TEXT = 5000;

function requiredText(field: string, value: string | null | undefined, max = MAX_TEXT): string {
  const s = value?.trim() ?? '';
  if (!s) throw new AppError('BAD_USER_INPUT', 'This text is required.', { field });
  if (s.length > max) throw new AppError('BAD_USER_INPUT', `At most ${max.toLocaleString('en')} characters (got ${s.length.toLocaleString('en')}).`, { field });
  return s;
}

/** SUBMITTED -> UNDER_REVIEW; the officer who starts the review is assigned to it. */
export async function startReview(ctx: Context, id: string): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkStartReview(await actorOf(ctx), app));
  return applyChange(ctx, app, {
    action: 'START_REVIEW',
    to: TRANSITIONS.START_REVIEW.to,
    update: { $set: { assignedTo: new Types.ObjectId(ctx.viewer!.id) } },
  });
}

/** UNDER_REVIEW -> CHANGES_REQUESTED, with the message the applicant must act on. */
export async function requestChanges(ctx: Context, id: string, message: string): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkReview(await actorOf(ctx), app));
  const body = requiredText('message', message);
  const now = clock.now();
  return applyChange(ctx, app, {
    action: 'REQUEST_CHANGES',
    to: TRANSITIONS.REQUEST_CHANGES.to,
    reason: body,
    update: {
      $set: { changesRequested: body },
      $push: { messages: { author: new Types.ObjectId(ctx.viewer!.id), fromApplicant: false, body, createdAt: now } },
    },
  });
}

export interface ReviewInput {
  scores?: { criterion: string; score: number }[] | null;
  recommendation: string;
  comment?: string | null;
}

export async function addReview(ctx: Context, id: string, input: ReviewInput): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkReview(await actorOf(ctx), app));
  const p = new Problems();
  const scores = input.scores ?? [];
  if (scores.length > 20) p.add('input.scores', 'At most 20 criteria.');
  scores.forEach((s, i) => {
    if (!s.criterion?.trim() || s.criterion.length > 100) p.add(`input.scores[${i}].criterion`, 'Name the criterion (at most 100 characters).');
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 5) p.add(`input.scores[${i}].score`, 'A score is a whole number from 0 to 5.');
  });
  if (!(RECOMMENDATIONS as readonly string[]).includes(input.recommendation)) p.add('input.recommendation', `One of ${RECOMMENDATIONS.join(', ')}.`);
  if ((input.comment ?? '').length > MAX_TEXT) p.add('input.comment', `At most ${MAX_TEXT.toLocaleString('en')} characters.`);
  p.throwIfAny();
  return applyChange(ctx, app, {
    action: 'ADD_REVIEW',
    reason: input.recommendation,
    update: {
      $push: {
        reviews: {
          author: new Types.ObjectId(ctx.viewer!.id),
          scores: scores.map((s) => ({ criterion: s.criterion.trim(), score: s.score })),
          recommendation: input.recommendation,
          comment: input.comment?.trim() ?? '',
          createdAt: clock.now(),
        },
      },
    },
  });
}

/** A private note: officers and admins only, never shown to the applicant. Allowed at any stage. */
export async function addPrivateNote(ctx: Context, id: string, body: string): Promise<App> {
  const app = await loadApplication(ctx, id);
  const actor = await actorOf(ctx);
  if (!isStaff(ctx.viewer)) throw forbidden('Only officers and admins write private notes.');
  if (actor.recusedFrom.has(String(app.organisation))) {
    throw new AppError('CONFLICT_OF_INTEREST', 'You declared a link to this organisation: you cannot annotate its applications.', { field: 'id' });
  }
  const text = requiredText('body', body);
  const updated = await GrantApplicationModel.findOneAndUpdate(
    { _id: app._id },
    { $push: { notes: { author: new Types.ObjectId(ctx.viewer!.id), body: text, createdAt: clock.now() } } },
    { returnDocument: 'after' },
  ).lean();
  return updated as unknown as App;
}

/** A message between the applicant and the officers, at any stage. */
export async function sendGrantMessage(ctx: Context, id: string, body: string): Promise<App> {
  const app = await loadApplication(ctx, id);
  ensure(checkMessage(await actorOf(ctx), app));
  const text = requiredText('body', body);
  const updated = await GrantApplicationModel.findOneAndUpdate(
    { _id: app._id },
    {
      $push: {
        messages: { author: new Types.ObjectId(ctx.viewer!.id), fromApplicant: !!membershipIn(ctx.viewer, app.organisation), body: text, createdAt: clock.now() },
      },
    },
    { returnDocument: 'after' },
  ).lean();
  return updated as unknown as App;
}

/** An officer declares a link to an organisation; from then on they are recused from its applications. */
export async function declareConflictOfInterest(ctx: Context, organisationId: string, reason: string): Promise<ConflictOfInterestDoc> {
  const organisation = toObjectId(organisationId, 'organisationId');
  const text = requiredText('reason', reason, 1000);
  if (!(await OrganisationModel.exists({ _id: organisation }))) throw notFound('Organisation', 'organisationId');
  const officer = new Types.ObjectId(ctx.viewer!.id);
  // Upsert: declaring twice keeps one declaration (the first reason and date).
  const doc = await ConflictOfInterestModel.findOneAndUpdate(
    { officer, organisation },
    { $setOnInsert: { officer, organisation, reason: text, declaredAt: clock.now() } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  return doc as unknown as ConflictOfInterestDoc;
}

export async function myConflictsOfInterest(ctx: Context): Promise<ConflictOfInterestDoc[]> {
  if (!ctx.viewer) return [];
  return (await ConflictOfInterestModel.find({ officer: new Types.ObjectId(ctx.viewer.id) }).sort({ declaredAt: 1 }).lean()) as unknown as ConflictOfInterestDoc[];
}
