// What the grants steps tell people. The grants kernel calls `publishGrantStep` for each activity record
// it copies from an application's outbox into the audit trail (commands/command.ts, flushOutbox): the
// event's key is the record's key, so a step is announced exactly once even when a crash makes the
// reconciliation flush it again. Data holds ids, numbers, statuses, amounts and the decision's motivation
// (which the applicant is owed); never notes, reviews, messages' text or bank details.
import type { Types } from 'mongoose';
import { GrantApplicationModel } from '../grants/application/grant-application.model';
import { OrganisationModel } from '../organisation/organisation.model';
import { publish, publishQuietly, type MessagingEvent } from './events';
import { managersOf, officers } from './recipients';
import { messagingRuntime } from './runtime';

export interface StepRecord {
  key: string;
  action: string;
  at: Date;
  reason?: string | null;
}

const ANNOUNCED = new Set(['SUBMIT', 'REQUEST_CHANGES', 'APPROVE', 'REJECT', 'RECORD_PAYMENT', 'SUBMIT_FINAL_REPORT']);

async function facts(applicationId: Types.ObjectId) {
  const app = await GrantApplicationModel.findById(applicationId, {
    number: 1,
    title: 1,
    organisation: 1,
    status: 1,
    requestedAmount: 1,
    assignedTo: 1,
    decision: 1,
    paidAmount: 1,
    payments: 1,
    finalReport: 1,
    submittedAt: 1,
  }).lean();
  if (!app) return null;
  const org = await OrganisationModel.findById(app.organisation, { name: 1 }).lean();
  const base = {
    applicationId: String(app._id),
    number: app.number,
    title: app.title,
    organisationId: String(app.organisation),
    organisationName: org?.name ?? null,
    status: app.status,
  };
  return { app, base };
}

/** The events of one grants step (none for most steps). Throws only when the database cannot record them. */
export async function publishGrantStep(applicationId: Types.ObjectId, step: StepRecord): Promise<void> {
  if (!ANNOUNCED.has(step.action)) return;
  const found = await facts(applicationId);
  if (!found) return;
  const { app, base } = found;
  const events: MessagingEvent[] = [];
  const applicants = () => managersOf(app.organisation);
  switch (step.action) {
    case 'SUBMIT': {
      const data = { ...base, receivedAt: step.at.toISOString(), requestedAmount: app.requestedAmount };
      events.push({ type: 'grant_application.submitted', key: step.key, recipients: await applicants(), data });
      events.push({ type: 'grant_application.received', key: `${step.key}:officers`, recipients: await officers(app.assignedTo), data });
      break;
    }
    case 'REQUEST_CHANGES':
      events.push({ type: 'grant_application.changes_requested', key: step.key, recipients: await applicants(), data: base });
      break;
    case 'APPROVE':
    case 'REJECT':
      events.push({
        type: 'grant_application.decided',
        key: step.key,
        recipients: await applicants(),
        data: {
          ...base,
          outcome: app.decision?.outcome ?? (step.action === 'APPROVE' ? 'APPROVED' : 'REJECTED'),
          amount: app.decision?.amount ?? null,
          motivation: app.decision?.motivation ?? step.reason ?? null,
          decidedAt: step.at.toISOString(),
        },
      });
      break;
    case 'RECORD_PAYMENT': {
      const last = [...(app.payments ?? [])].filter((t) => t.paidAt).sort((a, b) => b.paidAt!.getTime() - a.paidAt!.getTime())[0];
      events.push({
        type: 'payment.recorded',
        key: step.key,
        recipients: await applicants(),
        data: {
          ...base,
          amount: last?.amount ?? null,
          paidOn: last?.paidAt?.toISOString().slice(0, 10) ?? null,
          paidAmount: app.paidAmount ?? 0,
          grantedAmount: app.decision?.amount ?? null,
        },
      });
      break;
    }
    case 'SUBMIT_FINAL_REPORT':
      events.push({
        type: 'final_report.submitted',
        key: step.key,
        recipients: await officers(app.assignedTo),
        data: { ...base, submittedAt: (app.finalReport?.submittedAt ?? step.at).toISOString() },
      });
      break;
  }
  for (const e of events) await publish(e);
}

/** A message on an application: the other side is told (the applicant's managers, or the officers). Never throws. */
export async function publishGrantMessage(app: { _id: Types.ObjectId; messages?: { _id?: unknown; fromApplicant: boolean }[] | null }): Promise<void> {
  const last = app.messages?.[app.messages.length - 1];
  if (!last) return;
  try {
    const found = await facts(app._id);
    if (!found) return;
    await publishQuietly({
      type: 'grant_application.message_received',
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the message's ObjectId, or its position when it has none
      key: `${app._id}:message:${String(last._id ?? app.messages!.length)}`,
      recipients: last.fromApplicant ? await officers(found.app.assignedTo) : await managersOf(found.app.organisation),
      data: { ...found.base, fromApplicant: last.fromApplicant },
    });
  } catch {
    // Reading the recipients failed: the message is written; its notification is lost, not the request.
  }
}

/** `publishGrantStep`, logging instead of throwing: false when the step's events could not be recorded (flush it again later). */
export async function announceGrantStep(applicationId: Types.ObjectId, step: StepRecord): Promise<boolean> {
  try {
    await publishGrantStep(applicationId, step);
    return true;
  } catch (err) {
    messagingRuntime().log.error(
      { err, applicationId: String(applicationId), action: step.action, key: step.key },
      'grants step not announced yet: kept for the next flush',
    );
    return false;
  }
}
