// Who may see and do what with a grant application. `checkStep(action, actor, app)` returns the refusal
// (or null): who may take the step is written here, from which status it may be taken is read from the
// lifecycle table. Every command runs it (commands/command.ts) and `permissions { canX }` shows whether
// it is null, so the three always agree.
import { Types } from 'mongoose';
import { AppError, forbidden } from '../../../errors/app-error';
import { hasRole, isStaff, membershipIn, type Viewer } from '../../../auth/viewer';
import { actsAsStaffFor, isRecusedFrom, recusalRefusal, type Actor } from '../../organisation/organisation.policy';
import { statusRefusal, type Action, type GrantStatus } from '../kernel/lifecycle';

/**
 * The viewer plus the organisations they declared a link to (loaded once per request). Recusal is the
 * organisation's rule: a recused officer takes no staff step on its applications and reads none of their
 * staff-only fields (reviews, notes, messages, the internal history).
 */
export type GrantActor = Actor;

export interface ApplicationLike {
  organisation: unknown;
  status: string;
  createdBy?: Types.ObjectId | string | null;
  paidAmount?: number | null;
  finalReport?: { acceptedAt?: Date | null } | null;
}

/** Coordinators map funded actions: they see decided grants, never drafts nor reviews. */
const PUBLICLY_DECIDED: readonly GrantStatus[] = ['APPROVED', 'COMPLETED'];

const isApplicant = (v: Viewer | null, app: ApplicationLike) => !!membershipIn(v, app.organisation);

export function canSeeApplication(v: Viewer | null, app: ApplicationLike): boolean {
  if (!v) return false;
  if (isStaff(v) || isApplicant(v, app)) return true;
  return hasRole(v, 'COORDINATOR') && PUBLICLY_DECIDED.includes(app.status as GrantStatus);
}

/** Reviews and private notes: officers and admins not recused from the organisation. */
export function canSeeInternals(a: GrantActor, app: ApplicationLike): boolean {
  return actsAsStaffFor(a, app.organisation);
}

/**
 * Messages, read and written: the applicant and city staff not recused. A change request is a message
 * too (it is pushed to `messages`), so it follows the same rule in `changesRequested` and in the
 * history's reasons.
 */
export function canSeeMessages(a: GrantActor, app: ApplicationLike): boolean {
  return isApplicant(a.viewer, app) || actsAsStaffFor(a, app.organisation);
}

/** The MongoDB condition matching the applications a viewer may see in lists. */
export function applicationVisibility(v: Viewer | null): Record<string, unknown> {
  if (!v) return { _id: { $exists: false } };
  if (isStaff(v)) return {};
  const own = { organisation: { $in: v.memberships.map((m) => new Types.ObjectId(m.organisationId)) } };
  if (hasRole(v, 'COORDINATOR')) return { $or: [own, { status: { $in: PUBLICLY_DECIDED } }] };
  return own;
}

/** Creating is not a step on an application: members of the organisation apply for it. */
export function checkCreate(v: Viewer | null, organisationId: string): AppError | null {
  return membershipIn(v, organisationId) ? null : forbidden('Only members of this organisation can apply for it.');
}

type Check = (a: GrantActor, app: ApplicationLike) => AppError | null;

const applicant =
  (action: string): Check =>
  (a, app) =>
    isApplicant(a.viewer, app) ? null : forbidden(`Only members of the applying organisation can ${action} this application.`);

/** City staff, not recused from the organisation. */
const staff =
  (action: string, who = `Only officers and admins can ${action} applications.`): Check =>
  (a, app) => {
    if (!isStaff(a.viewer)) return forbidden(who);
    return isRecusedFrom(a, app.organisation) ? recusalRefusal(`${action} its applications`) : null;
  };

/** Deciding adds: nobody decides an application they wrote. */
const decider =
  (action: string): Check =>
  (a, app) =>
    staff(action)(a, app) ??
    (app.createdBy && String(app.createdBy) === a.viewer!.id
      ? new AppError('CONFLICT_OF_INTEREST', `You wrote this application: another officer must ${action} it.`, { field: 'id' })
      : null);

const noteWriter: Check = staff('annotate', 'Only officers and admins write private notes.');

/** The applicant, or staff not recused (a recused officer is told why). */
const messageWriter: Check = (a, app) => {
  if (isApplicant(a.viewer, app)) return null;
  if (isStaff(a.viewer)) return staff('message')(a, app);
  return forbidden('Only the applicant and city staff can write messages on this application.');
};

/** Who may take each step. The status part is the lifecycle table's, never repeated here. */
const WHO: Record<Action, Check> = {
  EDIT: applicant('edit'),
  SUBMIT: applicant('submit'),
  WITHDRAW: applicant('withdraw'),
  SUBMIT_FINAL_REPORT: applicant('report on'),
  START_REVIEW: staff('review'),
  REQUEST_CHANGES: staff('review'),
  ADD_REVIEW: staff('review'),
  ADD_NOTE: noteWriter,
  SEND_MESSAGE: messageWriter,
  APPROVE: decider('decide'),
  REJECT: decider('decide'),
  REOPEN: decider('reopen'),
  RECORD_CONVENTION: staff('pay'),
  SCHEDULE_PAYMENTS: staff('pay'),
  RECORD_PAYMENT: staff('pay'),
  ACCEPT_FINAL_REPORT: staff('accept the final report of'),
  VOTE_CONVENTION_YEAR: staff('record the vote of'),
  SUBMIT_INTERIM_REPORT: applicant('report on'),
  AMEND_CONVENTION: decider('amend the convention of'),
  ATTACH_COUNCIL_DECISION: staff('attach'),
  WITHDRAW_GRANT: decider('withdraw the grant of'),
  RECORD_RECOVERY: staff('record recoveries on'),
  COMPLETE: staff('complete'),
};

/** Conditions a step adds beyond who and which status. */
const ALSO: Partial<Record<Action, (app: ApplicationLike) => AppError | null>> = {
  REOPEN: (app) =>
    app.status === 'APPROVED' && (app.paidAmount ?? 0) > 0
      ? new AppError('INVALID_TRANSITION', 'Money has already been paid on this grant: it cannot be reopened.', { field: 'id' })
      : null,
};

/** The refusal of `action` on `app` by this actor, or null when it may be taken now. */
export function checkStep(action: Action, a: GrantActor, app: ApplicationLike): AppError | null {
  return WHO[action](a, app) ?? statusRefusal(app.status, action) ?? ALSO[action]?.(app) ?? null;
}

/** Each `permissions { canX }` field: true when one of its steps may be taken now. */
export const PERMISSION_STEPS = {
  canEdit: ['EDIT'],
  canSubmit: ['SUBMIT'],
  canWithdraw: ['WITHDRAW'],
  canReview: ['START_REVIEW', 'REQUEST_CHANGES', 'ADD_REVIEW'],
  canDecide: ['APPROVE', 'REJECT'],
  canReopen: ['REOPEN'],
  canPay: ['RECORD_CONVENTION', 'SCHEDULE_PAYMENTS', 'RECORD_PAYMENT'],
  canSubmitReport: ['SUBMIT_FINAL_REPORT'],
  canAcceptReport: ['ACCEPT_FINAL_REPORT'],
} as const satisfies Record<string, readonly Action[]>;
export type ApplicationPermissions = Record<keyof typeof PERMISSION_STEPS, boolean>;

export function permissionsOf(a: GrantActor, app: ApplicationLike): ApplicationPermissions {
  const out = {} as ApplicationPermissions;
  for (const [name, steps] of Object.entries(PERMISSION_STEPS) as [keyof ApplicationPermissions, readonly Action[]][]) {
    out[name] = steps.some((s) => !checkStep(s, a, app));
  }
  return out;
}

/** Throws the refusal, if any. */
export function ensure(refusal: AppError | null): void {
  if (refusal) throw refusal;
}
