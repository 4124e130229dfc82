// The officers' work before a decision: taking an application into review, asking for changes, scoring,
// private notes, messages with the applicant, and declaring conflicts of interest.
import { Types } from 'mongoose';
import { AppError, notFound, Problems } from '../../../errors/app-error';
import type { Context } from '../../../context';
import { membershipIn } from '../../../auth/viewer';
import { toObjectId } from '../../../shared/ids';
import { OrganisationModel } from '../../organisation/organisation.model';
import { clock } from '../kernel/clock';
import { RECOMMENDATIONS, type App } from '../application/grant-application.model';
import type { ConflictOfInterestDoc } from '../../organisation/conflict-of-interest.model';
import { recordConflictOfInterest } from '../../organisation/conflict-of-interest.service';
import { command } from './command';
import { publishGrantMessage } from '../../messaging/grant-events';

const MAX_TEXT = 5000;

function requiredText(field: string, value: string | null | undefined, max = MAX_TEXT): string {
  const s = value?.trim() ?? '';
  if (!s) throw new AppError('BAD_USER_INPUT', 'This text is required.', { field });
  if (s.length > max) throw new AppError('BAD_USER_INPUT', `At most ${max.toLocaleString('en')} characters (got ${s.length.toLocaleString('en')}).`, { field });
  return s;
}

const me = (ctx: Context) => new Types.ObjectId(ctx.viewer!.id);

/** SUBMITTED -> UNDER_REVIEW; the officer who starts the review is assigned to it. */
export function startReview(ctx: Context, id: string): Promise<App> {
  return command(ctx, id, { action: 'START_REVIEW', change: () => ({ update: { $set: { assignedTo: me(ctx) } } }) });
}

/**
 * UNDER_REVIEW -> CHANGES_REQUESTED, with the message the applicant must act on and, optionally, the attached
 * documents to replace (the dossier's checklist flags them; grants/dossier/checklist.ts).
 */
export function requestChanges(ctx: Context, id: string, message: string, replaceDocumentIds?: string[] | null): Promise<App> {
  return command(ctx, id, {
    action: 'REQUEST_CHANGES',
    change: (app) => {
      const body = requiredText('message', message);
      const attached = new Set((app.documents ?? []).map((a) => String(a.document)));
      const replace = (replaceDocumentIds ?? []).map((d, i) => {
        const docId = toObjectId(d, `replaceDocumentIds[${i}]`);
        if (!attached.has(String(docId))) {
          throw new AppError('BAD_USER_INPUT', 'This document is not attached to the application: name attached documents only.', {
            field: `replaceDocumentIds[${i}]`,
          });
        }
        return docId;
      });
      return {
        reason: body,
        update: {
          $set: { changesRequested: body, documentsToReplace: replace },
          $push: { messages: { author: me(ctx), fromApplicant: false, body, createdAt: clock.now() } },
        },
      };
    },
  });
}

export interface ReviewInput {
  scores?: { criterion: string; score: number }[] | null;
  recommendation: string;
  comment?: string | null;
}

export function addReview(ctx: Context, id: string, input: ReviewInput): Promise<App> {
  return command(ctx, id, {
    action: 'ADD_REVIEW',
    change: () => {
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
      return {
        reason: input.recommendation,
        update: {
          $push: {
            reviews: {
              author: me(ctx),
              scores: scores.map((s) => ({ criterion: s.criterion.trim(), score: s.score })),
              recommendation: input.recommendation,
              comment: input.comment?.trim() ?? '',
              createdAt: clock.now(),
            },
          },
        },
      };
    },
  });
}

/** A private note: officers and admins only, never shown to the applicant. Allowed at any stage. */
export function addPrivateNote(ctx: Context, id: string, body: string): Promise<App> {
  return command(ctx, id, {
    action: 'ADD_NOTE',
    change: () => ({ record: false, update: { $push: { notes: { author: me(ctx), body: requiredText('body', body), createdAt: clock.now() } } } }),
  });
}

/** A message between the applicant and the officers, at any stage. */
export async function sendGrantMessage(ctx: Context, id: string, body: string): Promise<App> {
  const app = await command(ctx, id, {
    action: 'SEND_MESSAGE',
    change: (app) => {
      const text = requiredText('body', body);
      const fromApplicant = !!membershipIn(ctx.viewer, app.organisation);
      return { record: false, update: { $push: { messages: { author: me(ctx), fromApplicant, body: text, createdAt: clock.now() } } } };
    },
  });
  // The other side is told; never fails the message, which is written.
  await publishGrantMessage(app);
  return app;
}

/** An officer declares a link to an organisation; from then on they are recused from every staff action on it and its applications. */
export async function declareConflictOfInterest(ctx: Context, organisationId: string, reason: string): Promise<ConflictOfInterestDoc> {
  const organisation = toObjectId(organisationId, 'organisationId');
  const text = requiredText('reason', reason, 1000);
  if (!(await OrganisationModel.exists({ _id: organisation }))) throw notFound('Organisation', 'organisationId');
  return recordConflictOfInterest(me(ctx), organisation, text, clock.now());
}
