// Who may see and do what with a grant application. Each `checkX` returns the refusal (or null); the
// mutations throw it and `permissions { canX }` shows whether it is null, so both always agree.
import { Types } from 'mongoose';
import { AppError, forbidden } from '../../errors/app-error';
import { hasRole, isStaff, membershipIn, type Viewer } from '../../auth/viewer';
import type { GrantStatus } from './grant-application.model';

/** The viewer plus the organisations they declared a link to (loaded once per request). */
export interface GrantActor {
  viewer: Viewer | null;
  recusedFrom: ReadonlySet<string>;
}

export interface ApplicationLike {
  organisation: unknown;
  status: string;
  createdBy?: unknown;
  paidAmount?: number | null;
  finalReport?: { acceptedAt?: Date | null } | null;
}

export const EDITABLE: readonly GrantStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];
export const WITHDRAWABLE: readonly GrantStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'];
/** Coordinators map funded actions: they see decided grants, never drafts nor reviews. */
const PUBLICLY_DECIDED: readonly GrantStatus[] = ['APPROVED', 'COMPLETED'];

const invalid = (app: ApplicationLike, action: string, allowed: readonly string[]) =>
  new AppError(
    'INVALID_TRANSITION',
    `Cannot ${action} an application that is ${app.status}; it must be ${allowed.join(' or ')}.`,
    { field: 'id', extra: { status: app.status } },
  );

const isApplicant = (v: Viewer | null, app: ApplicationLike) => !!membershipIn(v, app.organisation);

export function canSeeApplication(v: Viewer | null, app: ApplicationLike): boolean {
  if (!v) return false;
  if (isStaff(v) || isApplicant(v, app)) return true;
  return hasRole(v, 'COORDINATOR') && PUBLICLY_DECIDED.includes(app.status as GrantStatus);
}

/** Reviews and private notes: officers and admins only. */
export const canSeeInternals = (v: Viewer | null): boolean => isStaff(v);

/** The MongoDB condition matching the applications a viewer may see in lists. */
export function applicationVisibility(v: Viewer | null): Record<string, unknown> {
  if (!v) return { _id: { $exists: false } };
  if (isStaff(v)) return {};
  const own = { organisation: { $in: v.memberships.map((m) => new Types.ObjectId(m.organisationId)) } };
  if (hasRole(v, 'COORDINATOR')) return { $or: [own, { status: { $in: PUBLICLY_DECIDED } }] };
  return own;
}

export function checkCreate(v: Viewer | null, organisationId: string): AppError | null {
  return membershipIn(v, organisationId) ? null : forbidden('Only members of this organisation can apply for it.');
}

function applicantCheck(a: GrantActor, app: ApplicationLike, action: string, allowed: readonly GrantStatus[]): AppError | null {
  if (!isApplicant(a.viewer, app)) return forbidden(`Only members of the applying organisation can ${action} this application.`);
  if (!allowed.includes(app.status as GrantStatus)) return invalid(app, action, allowed);
  return null;
}

export const checkEdit = (a: GrantActor, app: ApplicationLike) => applicantCheck(a, app, 'edit', EDITABLE);
export const checkSubmit = (a: GrantActor, app: ApplicationLike) => applicantCheck(a, app, 'submit', EDITABLE);
export const checkWithdraw = (a: GrantActor, app: ApplicationLike) => applicantCheck(a, app, 'withdraw', WITHDRAWABLE);
export const checkSubmitReport = (a: GrantActor, app: ApplicationLike) => applicantCheck(a, app, 'report on', ['APPROVED']);

/** City staff, not recused from the organisation. */
function staffCheck(a: GrantActor, app: ApplicationLike, action: string): AppError | null {
  if (!isStaff(a.viewer)) return forbidden(`Only officers and admins can ${action} applications.`);
  if (a.recusedFrom.has(String(app.organisation))) {
    return new AppError('CONFLICT_OF_INTEREST', `You declared a link to this organisation: you cannot ${action} its applications. Ask another officer.`, { field: 'id' });
  }
  return null;
}

/** Deciding adds: nobody decides an application they wrote. */
function deciderCheck(a: GrantActor, app: ApplicationLike, action: string): AppError | null {
  const staff = staffCheck(a, app, action);
  if (staff) return staff;
  if (app.createdBy && String(app.createdBy) === a.viewer!.id) {
    return new AppError('CONFLICT_OF_INTEREST', `You wrote this application: another officer must ${action} it.`, { field: 'id' });
  }
  return null;
}

export const checkStartReview = (a: GrantActor, app: ApplicationLike) =>
  staffCheck(a, app, 'review') ?? (app.status === 'SUBMITTED' ? null : invalid(app, 'start the review of', ['SUBMITTED']));
/** Reviews, change requests and notes happen during the review. */
export const checkReview = (a: GrantActor, app: ApplicationLike) =>
  staffCheck(a, app, 'review') ?? (app.status === 'UNDER_REVIEW' ? null : invalid(app, 'review', ['UNDER_REVIEW']));
export const checkDecide = (a: GrantActor, app: ApplicationLike) =>
  deciderCheck(a, app, 'decide') ?? (app.status === 'UNDER_REVIEW' ? null : invalid(app, 'decide', ['UNDER_REVIEW']));
export function checkReopen(a: GrantActor, app: ApplicationLike): AppError | null {
  const who = deciderCheck(a, app, 'reopen');
  if (who) return who;
  if (app.status !== 'APPROVED' && app.status !== 'REJECTED') return invalid(app, 'reopen', ['APPROVED', 'REJECTED']);
  if (app.status === 'APPROVED' && (app.paidAmount ?? 0) > 0) {
    return new AppError('INVALID_TRANSITION', 'Money has already been paid on this grant: it cannot be reopened.', { field: 'id' });
  }
  return null;
}
export const checkPay = (a: GrantActor, app: ApplicationLike) =>
  staffCheck(a, app, 'pay') ?? (app.status === 'APPROVED' ? null : invalid(app, 'pay', ['APPROVED']));
export const checkAcceptReport = (a: GrantActor, app: ApplicationLike) =>
  staffCheck(a, app, 'accept the final report of') ?? (app.status === 'APPROVED' ? null : invalid(app, 'accept the final report of', ['APPROVED']));

/**
 * Messages, read and written: the applicant and city staff. A change request is a message too (it is
 * pushed to `messages`), so it follows the same rule in `changesRequested` and in the history's reasons.
 */
export function canSeeMessages(v: Viewer | null, app: ApplicationLike): boolean {
  return isApplicant(v, app) || isStaff(v);
}

/** Messages: the applicant and city staff, at any stage after creation. */
export function checkMessage(a: GrantActor, app: ApplicationLike): AppError | null {
  return canSeeMessages(a.viewer, app) ? null : forbidden('Only the applicant and city staff can write messages on this application.');
}

export function permissionsOf(a: GrantActor, app: ApplicationLike) {
  return {
    canEdit: !checkEdit(a, app),
    canSubmit: !checkSubmit(a, app),
    canWithdraw: !checkWithdraw(a, app),
    canReview: !checkStartReview(a, app) || !checkReview(a, app),
    canDecide: !checkDecide(a, app),
    canReopen: !checkReopen(a, app),
    canPay: !checkPay(a, app),
    canSubmitReport: !checkSubmitReport(a, app),
    canAcceptReport: !checkAcceptReport(a, app),
  };
}

/** Throws the refusal, if any. */
export function ensure(refusal: AppError | null): void {
  if (refusal) throw refusal;
}
