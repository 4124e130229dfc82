// The rules of the messaging operations: a person's notifications and email preferences, and the
// admins' outbox and webhooks. Delivery is dispatcher.ts; recording events is events.ts.
import { Types } from 'mongoose';
import type { Context } from '../../context';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import { clock } from '../../shared/clock';
import { objectIdOrProblem, toObjectId } from '../../shared/ids';
import { paginate, type Connection, type PageArgs } from '../../shared/pagination';
import { seal } from './crypto';
import { EVENT_TYPES, eventTypeOfKind, kindName, published, SECURITY_EVENTS, WEBHOOK_EVENTS, type EventType } from './events';
import {
  NotificationModel,
  NotificationPreferenceModel,
  OutboxMessageModel,
  WebhookModel,
  type DeliveryMode,
  type NotificationDoc,
  type OutboxMessageDoc,
  type OutboxStatus,
  type WebhookDoc,
} from './messaging.model';
import { canReadNotificationsOf } from './messaging.policy';
import { isPrivateAddress, resolveAll } from './channels/addresses';
import { newWebhookSecret } from './channels/webhook';

const MAX_IDS = 100;
const byNewest = [{ field: 'createdAt', direction: -1 as const }];

function ownerOnly(ctx: Context, userId: string): Types.ObjectId {
  if (!canReadNotificationsOf(ctx.viewer, userId)) throw forbidden('Only the person themself sees their notifications.');
  return new Types.ObjectId(userId);
}

export async function notificationsOf(ctx: Context, userId: string, args: PageArgs & { unreadOnly?: boolean | null }): Promise<Connection<NotificationDoc>> {
  const user = ownerOnly(ctx, userId);
  return paginate<NotificationDoc>(NotificationModel, { match: { user, ...(args.unreadOnly ? { readAt: null } : {}) }, sort: byNewest, args });
}

export async function markNotificationsRead(
  ctx: Context,
  input: { ids?: readonly string[] | null; all?: boolean | null },
): Promise<{ markedCount: number; unreadCount: number }> {
  const user = ownerOnly(ctx, ctx.viewer!.id);
  const problems = new Problems();
  if (!input.all && !input.ids?.length) problems.add('input', 'Give the ids of the notifications to mark read, or `all: true`.');
  if (input.all && input.ids?.length) problems.add('input.ids', 'Give either ids or `all: true`, not both.');
  if ((input.ids?.length ?? 0) > MAX_IDS) problems.add('input.ids', `At most ${MAX_IDS} ids at a time; use \`all: true\` for everything.`);
  const ids = (input.ids ?? []).slice(0, MAX_IDS).map((id, i) => objectIdOrProblem(id, `input.ids[${i}]`, problems));
  problems.throwIfAny();
  const { modifiedCount } = await NotificationModel.updateMany(
    { user, readAt: null, ...(input.all ? {} : { _id: { $in: ids } }) },
    { $set: { readAt: clock.now() } },
  );
  const unreadCount = await NotificationModel.countDocuments({ user, readAt: null });
  return { markedCount: modifiedCount, unreadCount };
}

export interface Preference {
  kind: string;
  delivery: DeliveryMode;
  locked: boolean;
}

export async function preferencesOf(ctx: Context, userId: string): Promise<Preference[]> {
  const user = ownerOnly(ctx, userId);
  const doc = await NotificationPreferenceModel.findOne({ user }, { modes: 1 }).lean();
  const modes = (doc?.modes ?? {}) as unknown as Record<string, DeliveryMode>;
  return EVENT_TYPES.map((t) => {
    const locked = SECURITY_EVENTS.has(t);
    return { kind: kindName(t), delivery: locked ? 'IMMEDIATE' : (modes[kindName(t)] ?? 'IMMEDIATE'), locked };
  });
}

export async function updatePreferences(ctx: Context, input: { preferences: readonly { kind: string; delivery: DeliveryMode }[] }): Promise<Preference[]> {
  const user = ownerOnly(ctx, ctx.viewer!.id);
  const problems = new Problems();
  const set: Record<string, DeliveryMode> = {};
  input.preferences.forEach((p, i) => {
    const type = eventTypeOfKind(p.kind);
    if (!type) problems.add(`input.preferences[${i}].kind`, `Unknown kind ${p.kind}.`);
    else if (SECURITY_EVENTS.has(type) && p.delivery !== 'IMMEDIATE') {
      problems.add(`input.preferences[${i}].delivery`, `${p.kind} is a security email: it is always sent at once and cannot be turned off or delayed.`);
    } else if (set[p.kind] && set[p.kind] !== p.delivery) problems.add(`input.preferences[${i}].kind`, `${p.kind} is given twice with different deliveries.`);
    else set[p.kind] = p.delivery;
  });
  problems.throwIfAny();
  if (Object.keys(set).length) {
    await NotificationPreferenceModel.updateOne(
      { user },
      { $set: Object.fromEntries(Object.entries(set).map(([k, v]) => [`modes.${k}`, v])) },
      { upsert: true },
    );
  }
  return preferencesOf(ctx, String(user));
}

export function outboxMessages(status: OutboxStatus | null | undefined, args: PageArgs): Promise<Connection<OutboxMessageDoc>> {
  return paginate<OutboxMessageDoc>(OutboxMessageModel, { match: status ? { status } : {}, sort: byNewest, args });
}

export function listWebhooks(): Promise<WebhookDoc[]> {
  return WebhookModel.find({}).sort({ createdAt: 1, _id: 1 }).lean<WebhookDoc[]>();
}

export async function webhookDeliveries(webhookId: string, args: PageArgs): Promise<Connection<OutboxMessageDoc>> {
  const webhook = toObjectId(webhookId, 'webhookId');
  if (!(await WebhookModel.exists({ _id: webhook }))) throw notFound('Webhook', 'webhookId');
  return paginate<OutboxMessageDoc>(OutboxMessageModel, { match: { webhook, channel: 'WEBHOOK' }, sort: byNewest, args });
}

/** Refuses a URL that is not http(s), carries credentials, or (unless allowed) resolves to a private address. */
async function checkTarget(ctx: Context, raw: string, problems: Problems): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    problems.add('input.url', 'Give an absolute http:// or https:// address, e.g. https://finance.ville.fr/hooks/maillage.');
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.add('input.url', 'Only http:// and https:// addresses are allowed.');
  else if (url.username || url.password) problems.add('input.url', 'Put no user name or password in the address: deliveries are signed instead.');
  else if (raw.length > 2000) problems.add('input.url', 'The address is longer than 2000 characters.');
  else if (!ctx.config.webhookAllowPrivateTargets) {
    let addresses: string[] = [];
    try {
      addresses = await resolveAll(url.hostname);
    } catch {
      problems.add('input.url', `${url.hostname} cannot be resolved: check the address.`);
      return null;
    }
    if (!addresses.length || addresses.some(isPrivateAddress)) {
      problems.add(
        'input.url',
        `${url.hostname} resolves to a loopback or private address, which webhooks may not reach here (WEBHOOK_ALLOW_PRIVATE_TARGETS).`,
      );
    }
  }
  return url.toString();
}

export async function createWebhook(
  ctx: Context,
  input: { url: string; events: readonly string[]; description?: string | null },
): Promise<{ webhook: WebhookDoc; secret: string }> {
  const problems = new Problems();
  const url = await checkTarget(ctx, input.url, problems);
  if (!input.events.length) problems.add('input.events', `Choose at least one event: ${WEBHOOK_EVENTS.join(', ')}.`);
  input.events.forEach((e, i) => {
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(e))
      problems.add(`input.events[${i}]`, `Unknown event "${String(e).slice(0, 80)}": use one of ${WEBHOOK_EVENTS.join(', ')}.`);
  });
  const description = (input.description ?? '').trim();
  if (description.length > 500) problems.add('input.description', 'The description is longer than 500 characters.');
  problems.throwIfAny();
  const secret = newWebhookSecret();
  const doc = await WebhookModel.create({
    url: url!,
    events: [...new Set(input.events)],
    description,
    secret: seal(secret, ctx.config.jwtSecret, 'webhook-secret'),
    createdBy: ctx.viewer ? new Types.ObjectId(ctx.viewer.id) : null,
    createdAt: clock.now(),
  });
  return { webhook: doc.toObject() as WebhookDoc, secret };
}

export async function rotateWebhookSecret(ctx: Context, id: string): Promise<{ webhook: WebhookDoc; secret: string }> {
  const _id = toObjectId(id, 'id');
  const secret = newWebhookSecret();
  const webhook = await WebhookModel.findOneAndUpdate(
    { _id },
    { $set: { secret: seal(secret, ctx.config.jwtSecret, 'webhook-secret') } },
    { returnDocument: 'after' },
  ).lean<WebhookDoc>();
  if (!webhook) throw notFound('Webhook');
  return { webhook, secret };
}

export async function deleteWebhook(ctx: Context, id: string): Promise<string> {
  const _id = toObjectId(id, 'id');
  const { deletedCount } = await WebhookModel.deleteOne({ _id });
  if (!deletedCount) throw notFound('Webhook');
  const now = clock.now();
  await OutboxMessageModel.updateMany(
    { webhook: _id, status: 'PENDING', leaseUntil: { $lte: now } },
    { $set: { status: 'FAILED', lastError: 'The webhook was deleted.', purgeAt: new Date(now.getTime() + ctx.config.outboxRetentionDays * 86_400_000) } },
  );
  return String(_id);
}

export async function redeliverWebhookDelivery(id: string): Promise<OutboxMessageDoc> {
  const _id = toObjectId(id, 'id');
  const row = await OutboxMessageModel.findOne({ _id, channel: 'WEBHOOK' }).lean<OutboxMessageDoc>();
  if (!row) throw notFound('Webhook delivery');
  const hook = await WebhookModel.findById(row.webhook, { enabled: 1 }).lean();
  if (!hook?.enabled) throw new AppError('CONFLICT', 'Its webhook is disabled or deleted: nothing can be sent to it.', { field: 'id' });
  const again = await OutboxMessageModel.findOneAndUpdate(
    { _id, status: { $ne: 'PENDING' } },
    {
      $set: {
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: clock.now(),
        leaseUntil: new Date(0),
        leaseOwner: null,
        lastError: null,
        deliveredAt: null,
        purgeAt: null,
      },
    },
    { returnDocument: 'after' },
  ).lean<OutboxMessageDoc>();
  if (!again) throw new AppError('CONFLICT', 'This delivery is still pending: it will be attempted again on its own.', { field: 'id' });
  published.emit('rows');
  return again;
}

export const isEventType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);
