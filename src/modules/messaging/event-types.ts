// The kinds of event the messaging module knows, on their own so the templates can name them without importing
// events.ts (which renders through the templates: the two would import each other).
export const EVENT_TYPES = [
  'grant_application.submitted',
  'grant_application.received',
  'grant_application.changes_requested',
  'grant_application.message_received',
  'grant_application.decided',
  'payment.recorded',
  'final_report.submitted',
  'final_report.due',
  'final_report.overdue',
  'call_for_projects.closing',
  'organisation.invitation',
  'organisation.claim_decided',
  'account.verify_email',
  'account.register_attempt',
  'account.password_reset',
  'account.invitation',
  'account.password_changed',
  'webhook.disabled',
  'notifications.digest',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
