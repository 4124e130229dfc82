// What must reach someone, and what has: the outbox (one row per event, recipient and channel), the
// notifications shown in the API, each person's email preferences, the webhooks of the city's other
// systems, and the leases of the scheduled jobs. The messaging module alone writes these collections.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const OUTBOX_STATUSES = ['PENDING', 'DELIVERED', 'HELD', 'FAILED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const CHANNELS = ['EMAIL', 'WEBHOOK'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERY_MODES = ['IMMEDIATE', 'DAILY_DIGEST', 'NONE'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** AES-256-GCM ciphertext (see crypto.ts): a one-time token or a webhook secret is never stored in clear. */
const sealedSchema = new Schema(
  {
    iv: { type: String, required: true },
    data: { type: String, required: true },
    tag: { type: String, required: true },
  },
  { _id: false },
);

const outboxMessageSchema = new Schema(
  {
    /** `<event key>:<channel>:<recipient or webhook>`: unique, so an event recorded twice sends nothing twice. */
    key: { type: String, required: true },
    eventKey: { type: String, required: true },
    type: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    /** Email: the person (when an account) and the address; webhook: the hook. */
    user: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    to: { type: String, default: null },
    webhook: { type: Schema.Types.ObjectId, ref: 'Webhook', default: null },
    /** The `webhook-id` header: the same for every attempt of this message, so a receiver can drop repeats. */
    messageId: { type: String, default: null },
    /** The event's public data: ids, numbers, statuses, amounts, links. Rendered when sent, never before. */
    data: { type: Schema.Types.Mixed, default: {} },
    /** The one-time token of a link, sealed; erased once the message is delivered, held or dead. */
    secret: { type: sealedSchema, default: null },
    status: { type: String, enum: OUTBOX_STATUSES, required: true, default: 'PENDING' },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    /** A dispatcher owns the row until then (claimed with a conditional update; see dispatcher.ts). */
    leaseUntil: { type: Date, required: true, default: () => new Date(0) },
    leaseOwner: { type: String, default: null },
    lastError: { type: String, default: null },
    /** The receiver's HTTP status of the last webhook attempt. */
    statusCode: { type: Number, default: null },
    deliveredAt: { type: Date, default: null },
    /** When a finished row (delivered, held or dead) is purged: OUTBOX_RETENTION_DAYS later. */
    purgeAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'outbox_messages' },
);

outboxMessageSchema.index({ key: 1 }, { unique: true });
// The dispatcher's claim: due pending rows, oldest first.
outboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ status: 1, createdAt: -1, _id: 1 });
outboxMessageSchema.index({ webhook: 1, createdAt: -1, _id: 1 }, { partialFilterExpression: { channel: 'WEBHOOK' } });
// The backstop of the purge sweep (jobs.ts): MongoDB drops a row once its purgeAt has passed.
outboxMessageSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });

export type OutboxMessageDoc = InferSchemaType<typeof outboxMessageSchema> & { _id: Types.ObjectId };
export const OutboxMessageModel = model('OutboxMessage', outboxMessageSchema);

const notificationSchema = new Schema(
  {
    /** `<event key>:<user>`: one notification per event and person. */
    key: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The event type (`grant_application.submitted`). */
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    link: { type: String, default: null },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    /** PENDING while it waits for the person's daily digest email, SENT once in one. */
    digest: { type: String, enum: ['PENDING', 'SENT'], default: null },
  },
  { collection: 'notifications' },
);

notificationSchema.index({ key: 1 }, { unique: true });
notificationSchema.index({ user: 1, createdAt: -1, _id: 1 });
notificationSchema.index({ user: 1, readAt: 1, createdAt: -1 });
notificationSchema.index({ digest: 1, user: 1 }, { partialFilterExpression: { digest: 'PENDING' } });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId };
export const NotificationModel = model('Notification', notificationSchema);

const notificationPreferenceSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Event type -> delivery mode; a kind not listed is IMMEDIATE. */
    modes: { type: Map, of: { type: String, enum: DELIVERY_MODES }, default: {} },
  },
  { collection: 'notification_preferences', timestamps: true },
);

notificationPreferenceSchema.index({ user: 1 }, { unique: true });

export type NotificationPreferenceDoc = InferSchemaType<typeof notificationPreferenceSchema> & { _id: Types.ObjectId };
export const NotificationPreferenceModel = model('NotificationPreference', notificationPreferenceSchema);

const webhookSchema = new Schema(
  {
    url: { type: String, required: true, maxlength: 2000 },
    events: { type: [String], required: true },
    description: { type: String, maxlength: 500, default: '' },
    /** `whsec_...`, sealed with a key derived from JWT_SECRET: signing needs it back (HMAC), so it cannot be hashed. */
    secret: { type: sealedSchema, required: true },
    enabled: { type: Boolean, required: true, default: true },
    disabledAt: { type: Date, default: null },
    disabledReason: { type: String, default: null },
    /** The first failure since the last success; a hook failing for 24 hours is disabled. */
    failingSince: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'webhooks' },
);

webhookSchema.index({ events: 1, enabled: 1 });

export type WebhookDoc = InferSchemaType<typeof webhookSchema> & { _id: Types.ObjectId };
export const WebhookModel = model('Webhook', webhookSchema);

/** One row per scheduled job: when it runs next, and which instance holds it meanwhile. */
const messagingJobSchema = new Schema(
  {
    _id: { type: String, required: true },
    nextRunAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
    leaseOwner: { type: String, default: null },
    lastRunAt: { type: Date, default: null },
  },
  { collection: 'messaging_jobs' },
);

export const MessagingJobModel = model('MessagingJob', messagingJobSchema);
