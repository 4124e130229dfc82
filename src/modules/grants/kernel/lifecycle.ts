// The application's state machine: the one table saying from which statuses each step may be taken and
// which status it leads to. The policy (application/grant-application.policy.ts) and the command path
// (commands/command.ts) both read it, so "may this be done now" and "is it accepted" cannot disagree.
import { AppError } from '../../../errors/app-error';

export const GRANT_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'COMPLETED'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

interface Step {
  /** The statuses the step may be taken from. */
  from: readonly GrantStatus[];
  /** The status it leads to; none when the step keeps the status (a review, a payment...). */
  to?: GrantStatus;
  /** How a refusal names the step: "Cannot <verb> an application that is ...". */
  verb: string;
}

const EDITABLE = ['DRAFT', 'CHANGES_REQUESTED'] as const;
const DECIDED_FOR_PAYMENT = ['APPROVED'] as const;

/** Every step on an application. The name is also the `action` of its activity record. */
export const TRANSITIONS = {
  EDIT: { from: EDITABLE, verb: 'edit' },
  SUBMIT: { from: EDITABLE, to: 'SUBMITTED', verb: 'submit' },
  WITHDRAW: { from: ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'], to: 'WITHDRAWN', verb: 'withdraw' },
  START_REVIEW: { from: ['SUBMITTED'], to: 'UNDER_REVIEW', verb: 'start the review of' },
  REQUEST_CHANGES: { from: ['UNDER_REVIEW'], to: 'CHANGES_REQUESTED', verb: 'review' },
  ADD_REVIEW: { from: ['UNDER_REVIEW'], verb: 'review' },
  /** Private notes and messages are written at any stage. */
  ADD_NOTE: { from: GRANT_STATUSES, verb: 'annotate' },
  SEND_MESSAGE: { from: GRANT_STATUSES, verb: 'write on' },
  APPROVE: { from: ['UNDER_REVIEW'], to: 'APPROVED', verb: 'decide' },
  REJECT: { from: ['UNDER_REVIEW'], to: 'REJECTED', verb: 'decide' },
  REOPEN: { from: ['APPROVED', 'REJECTED'], to: 'UNDER_REVIEW', verb: 'reopen' },
  RECORD_CONVENTION: { from: DECIDED_FOR_PAYMENT, verb: 'pay' },
  SCHEDULE_PAYMENTS: { from: DECIDED_FOR_PAYMENT, verb: 'pay' },
  RECORD_PAYMENT: { from: DECIDED_FOR_PAYMENT, verb: 'pay' },
  SUBMIT_FINAL_REPORT: { from: ['APPROVED'], verb: 'report on' },
  ACCEPT_FINAL_REPORT: { from: ['APPROVED'], verb: 'accept the final report of' },
  /** Multi-year conventions (commands/convention.ts): the council's yearly vote, interim reports, amendments. */
  VOTE_CONVENTION_YEAR: { from: DECIDED_FOR_PAYMENT, verb: 'vote a year of' },
  SUBMIT_INTERIM_REPORT: { from: ['APPROVED'], verb: 'report on' },
  AMEND_CONVENTION: { from: ['APPROVED'], verb: 'amend the convention of' },
  /** A decided grant is attached to the council decision that voted it, also once completed. */
  ATTACH_COUNCIL_DECISION: { from: ['APPROVED', 'COMPLETED'], verb: 'attach to a council decision' },
  /** The city withdraws a granted subsidy (commands/withdraw.ts): nothing more is paid, what was overpaid is recovered. */
  WITHDRAW_GRANT: { from: ['APPROVED', 'COMPLETED'], to: 'WITHDRAWN', verb: 'withdraw the grant of' },
  RECORD_RECOVERY: { from: ['WITHDRAWN'], verb: 'record the recovery of' },
  /** Taken by the system once the final report is accepted and everything granted is paid. */
  COMPLETE: { from: ['APPROVED'], to: 'COMPLETED', verb: 'complete' },
} as const satisfies Record<string, Step>;
export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

/** The status a step leads to, or undefined when it keeps the status. */
export function targetOf(action: Action): GrantStatus | undefined {
  return (TRANSITIONS[action] as Step).to;
}

/** INVALID_TRANSITION when the table does not allow `action` from `status`; null when it does. */
export function statusRefusal(status: string, action: Action): AppError | null {
  const step: Step = TRANSITIONS[action];
  if ((step.from as readonly string[]).includes(status)) return null;
  return new AppError('INVALID_TRANSITION', `Cannot ${step.verb} an application that is ${status}; it must be ${step.from.join(' or ')}.`, {
    field: 'id',
    extra: { status },
  });
}
