// The messaging module's public door: other modules call `publish` when something happened that someone
// must hear about. It records the event as rows (one notification per person, one outbox row per email
// recipient and per subscribed webhook), each under a key derived from the event's own key, so the same
// event published twice writes nothing twice and sends nothing twice. Delivery is the dispatcher's work
// (dispatcher.ts): a channel that is down never reaches the caller.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { clock } from '../../shared/clock';
import { UserModel } from '../user/user.model';
import { seal } from './crypto';
import { NotificationModel, NotificationPreferenceModel, OutboxMessageModel, WebhookModel, type DeliveryMode } from './messaging.model';
import { messagingRuntime } from './runtime';
import { renderNotification } from './templates';
import { EVENT_TYPES, type EventType } from './event-types';

export { EVENT_TYPES, type EventType } from './event-types';

/** Emails nobody may turn off: they concern the account's safety or an administrator's duty. */
export const SECURITY_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'account.verify_email',
  'account.register_attempt',
  'account.password_reset',
  'account.invitation',
  'account.password_changed',
  'webhook.disabled',
  'notifications.digest',
]);

/** What the city's other systems may subscribe to: the life of applications, payments, reports, claims. */
export const WEBHOOK_EVENTS: readonly EventType[] = [
  'grant_application.submitted',
  'grant_application.changes_requested',
  'grant_application.message_received',
  'grant_application.decided',
  'payment.recorded',
  'final_report.submitted',
  'final_report.due',
  'final_report.overdue',
  'call_for_projects.closing',
  'organisation.claim_decided',
];

/** How a kind is named in the API and in stored preferences: `grant_application.submitted` -> GRANT_APPLICATION_SUBMITTED. */
export const kindName = (type: EventType): string => type.replace(/\./g, '_').toUpperCase();
const BY_KIND_NAME = new Map<string, EventType>(EVENT_TYPES.map((t) => [kindName(t), t]));
export const eventTypeOfKind = (kind: string): EventType | undefined => BY_KIND_NAME.get(kind);

/** The kinds a person chooses how to hear about (every event that reaches a person, minus the security ones). */
export const PREFERENCE_KINDS: readonly EventType[] = EVENT_TYPES.filter((t) => !SECURITY_EVENTS.has(t));

export interface Recipient {
  userId?: string;
  email?: string;
}

export interface MessagingEvent {
  type: EventType;
  /** Idempotency key of the event, e.g. `${appId}:submitted:${n}`: publishing it again sends nothing again. */
  key: string;
  recipients: Recipient[];
  /** Ids, numbers, statuses, amounts, links: never private notes, reviews or bank details. */
  data: Record<string, unknown>;
  /** A one-time token to put in a link: sealed in the outbox, erased once the email is sent. */
  secret?: { token: string };
}

/** Tells this process's dispatchers that rows are waiting (they also poll, for the rows of other instances). */
export const published = new EventEmitter();
published.setMaxListeners(0);

const DUPLICATE = 11000;

/** Inserts rows, skipping those whose unique key already exists (the event was recorded before). */
async function insertNew(model: { insertMany(rows: object[], opts: { ordered: false }): Promise<unknown[]> }, rows: object[]): Promise<number> {
  if (!rows.length) return 0;
  try {
    const done = await model.insertMany(rows, { ordered: false });
    return done.length;
  } catch (err) {
    const e = err as { code?: number; writeErrors?: { code?: number; err?: { code?: number } }[]; insertedDocs?: unknown[] };
    const errors = e.writeErrors ?? (e.code !== undefined ? [{ code: e.code }] : null);
    if (errors && errors.every((w) => (w.code ?? w.err?.code) === DUPLICATE)) return e.insertedDocs?.length ?? 0;
    throw err;
  }
}

/** The email mode of each person for `type`: IMMEDIATE unless they chose otherwise (never for security emails). */
async function modesFor(type: EventType, userIds: Types.ObjectId[]): Promise<Map<string, DeliveryMode>> {
  const modes = new Map<string, DeliveryMode>();
  if (SECURITY_EVENTS.has(type) || !userIds.length) return modes;
  const prefs = await NotificationPreferenceModel.find({ user: { $in: userIds } }, { user: 1, modes: 1 }).lean();
  for (const p of prefs) {
    // Lean documents hold a Map field as a plain object.
    const chosen = (p.modes as unknown as Record<string, DeliveryMode> | undefined)?.[kindName(type)];
    if (chosen) modes.set(String(p.user), chosen);
  }
  return modes;
}

/**
 * Records the event and one outbox row per (recipient, channel), idempotent by the event's key: the same
 * event recorded twice sends nothing twice. Never throws because a channel is down (nothing is sent
 * here); it throws only when the database cannot record the event, so a caller that retries (the grants
 * kernel's outbox) loses nothing.
 */
export async function publish(event: MessagingEvent): Promise<void> {
  if (!(EVENT_TYPES as readonly string[]).includes(event.type)) throw new Error(`publish: unknown event type "${event.type}".`);
  if (!event.key || event.key.length > 300) throw new Error('publish: an event needs a key of at most 300 characters.');
  const { config } = messagingRuntime();
  const now = clock.now();
  const data = JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>;
  const sealed = event.secret ? seal(event.secret.token, config.jwtSecret, 'outbox-token') : null;

  const ids = [...new Set(event.recipients.map((r) => r.userId).filter((id): id is string => !!id && Types.ObjectId.isValid(id)))].map(
    (id) => new Types.ObjectId(id),
  );
  const users = ids.length ? await UserModel.find({ _id: { $in: ids } }, { email: 1, name: 1, disabled: 1 }).lean() : [];
  const byId = new Map(users.map((u) => [String(u._id), u]));
  const modes = await modesFor(event.type, ids);

  const notifications: object[] = [];
  const rows: object[] = [];
  const seen = new Set<string>();
  // A token's email and the digest itself are not notifications.
  const note = event.secret || event.type === 'notifications.digest' ? null : renderNotification(event.type, data, config.publicUrl);
  for (const r of event.recipients) {
    const user = r.userId ? byId.get(r.userId) : undefined;
    if (r.userId && !user) continue; // an account deleted meanwhile
    const email = (user?.email ?? r.email ?? '').trim().toLowerCase();
    const who = user ? String(user._id) : email;
    if (!who || seen.has(who)) continue;
    seen.add(who);
    const mode = user ? (modes.get(String(user._id)) ?? 'IMMEDIATE') : 'IMMEDIATE';
    if (user && note) {
      notifications.push({
        key: `${event.key}:${who}`,
        user: user._id,
        kind: event.type,
        ...note,
        createdAt: now,
        readAt: null,
        digest: mode === 'DAILY_DIGEST' ? 'PENDING' : null,
      });
    }
    if (email && mode === 'IMMEDIATE' && !user?.disabled) {
      rows.push({
        key: `${event.key}:email:${who}`,
        eventKey: event.key,
        type: event.type,
        channel: 'EMAIL',
        user: user?._id ?? null,
        to: email,
        data: { ...data, recipientName: user?.name ?? null },
        secret: sealed,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  if ((WEBHOOK_EVENTS as readonly string[]).includes(event.type)) {
    const hooks = await WebhookModel.find({ events: event.type, enabled: true }, { _id: 1, url: 1 }).lean();
    for (const hook of hooks) {
      rows.push({
        key: `${event.key}:webhook:${hook._id}`,
        eventKey: event.key,
        type: event.type,
        channel: 'WEBHOOK',
        webhook: hook._id,
        to: hook.url,
        messageId: `msg_${randomUUID().replace(/-/g, '')}`,
        data: publicData(data),
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  await insertNew(NotificationModel as never, notifications);
  const inserted = await insertNew(OutboxMessageModel as never, rows);
  if (inserted) published.emit('rows');
}

/** Publishes, logging instead of throwing: for a caller whose own work is done and must not fail now. */
export async function publishQuietly(event: MessagingEvent): Promise<boolean> {
  try {
    await publish(event);
    return true;
  } catch (err) {
    messagingRuntime().log.error({ err, eventType: event.type, eventKey: event.key }, 'event not recorded: its messages will not be sent');
    return false;
  }
}

const PRIVATE_KEYS = /note|review|iban|bic|bank|password|token|secret|comment/i;

/** Defence in depth for what leaves the city: keys that name private matters are dropped, at any depth. */
export function publicData(value: unknown): Record<string, unknown> {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k]) => !PRIVATE_KEYS.test(k))
          .map(([k, x]) => [k, clean(x)]),
      );
    }
    return v;
  };
  return clean(value) as Record<string, unknown>;
}
