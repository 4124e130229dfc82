// The messaging module on the wire: a person's notifications and preferences (on `me`), the admins'
// outbox and webhooks. Thin: each field calls one service function.
import { AUTHENTICATED, roles } from '../../auth/policy';
import { payload } from '../../shared/payload';
import { firstOf } from '../../shared/pagination';
import type { AppModule } from '../module';
import type { UserParent } from '../parents';
import type { NotificationKind } from '../../generated/graphql';
import { canReadNotificationsOf } from './messaging.policy';
import { kindName, type EventType } from './events';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  markNotificationsRead,
  notificationsOf,
  outboxMessages,
  preferencesOf,
  redeliverWebhookDelivery,
  rotateWebhookSecret,
  updatePreferences,
  webhookDeliveries,
} from './messaging.service';
import { render } from './templates';

const userId = (u: UserParent) => ('_id' in u ? String(u._id) : u.id);
const ADMIN = roles('ADMIN');

export const messagingModule: AppModule = {
  name: 'messaging',
  policies: {
    Query: { outboxMessages: ADMIN, webhooks: ADMIN, webhookDeliveries: ADMIN },
    Mutation: {
      markNotificationsRead: AUTHENTICATED,
      updateNotificationPreferences: AUTHENTICATED,
      createWebhook: ADMIN,
      rotateWebhookSecret: ADMIN,
      deleteWebhook: ADMIN,
      redeliverWebhookDelivery: ADMIN,
    },
  },
  resolvers: {
    Query: {
      outboxMessages: (_, args) => outboxMessages(args.status, args),
      webhooks: (_, args) => firstOf(args.first, () => listWebhooks()),
      webhookDeliveries: (_, args) => webhookDeliveries(args.webhookId, args),
    },
    Mutation: {
      markNotificationsRead: (_, args, ctx) =>
        payload('result', () => markNotificationsRead(ctx, args.input)).then((p) => ({
          markedCount: p.result?.markedCount ?? null,
          unreadCount: p.result?.unreadCount ?? null,
          errors: p.errors,
        })),
      updateNotificationPreferences: (_, args, ctx) =>
        payload('preferences', () => updatePreferences(ctx, args.input)).then((p) => ({
          preferences: p.preferences?.map(asPreference) ?? null,
          errors: p.errors,
        })),
      createWebhook: (_, args, ctx) =>
        payload('created', () => createWebhook(ctx, args.input)).then((p) => ({
          webhook: p.created?.webhook ?? null,
          secret: p.created?.secret ?? null,
          errors: p.errors,
        })),
      rotateWebhookSecret: (_, args, ctx) =>
        payload('rotated', () => rotateWebhookSecret(ctx, args.id)).then((p) => ({
          webhook: p.rotated?.webhook ?? null,
          secret: p.rotated?.secret ?? null,
          errors: p.errors,
        })),
      deleteWebhook: (_, args, ctx) => payload('deletedId', () => deleteWebhook(ctx, args.id)),
      redeliverWebhookDelivery: (_, args) => payload('delivery', () => redeliverWebhookDelivery(args.id)),
    },
    User: {
      // Someone else's notifications answer null rather than an error: a User reached through a membership
      // list must not break the page, and reveals nothing.
      notifications: (u, args, ctx) => (canReadNotificationsOf(ctx.viewer, userId(u)) ? notificationsOf(ctx, userId(u), args) : null),
      notificationPreferences: async (u, _, ctx) =>
        canReadNotificationsOf(ctx.viewer, userId(u)) ? (await preferencesOf(ctx, userId(u))).map(asPreference) : null,
    },
    Notification: {
      id: (n) => String(n._id),
      kind: (n) => kindName(n.kind as EventType) as NotificationKind,
      link: (n) => n.link ?? null,
      readAt: (n) => n.readAt ?? null,
    },
    NotificationConnection: {
      totalCount: (c) => c.totalCount(),
    },
    OutboxMessage: {
      id: (m) => String(m._id),
      eventType: (m) => m.type,
      // The address, or the hook's URL when the event was recorded.
      recipient: (m) => m.to ?? null,
      // Rendered without the token: an admin sees what was said, never the link's secret.
      subject: (m, _, ctx) =>
        m.channel === 'EMAIL' ? render(m.type as EventType, (m.data ?? {}) as Record<string, unknown>, ctx.config.publicUrl, null).subject : null,
      nextAttemptAt: (m) => (m.status === 'PENDING' ? m.nextAttemptAt : null),
      deliveredAt: (m) => m.deliveredAt ?? null,
      lastError: (m) => m.lastError ?? null,
      statusCode: (m) => m.statusCode ?? null,
    },
    OutboxMessageConnection: {
      totalCount: (c) => c.totalCount(),
    },
    Webhook: {
      id: (w) => String(w._id),
      description: (w) => w.description ?? '',
      disabledReason: (w) => w.disabledReason ?? null,
      failingSince: (w) => w.failingSince ?? null,
    },
    WebhookDelivery: {
      id: (m) => String(m._id),
      messageId: (m) => m.messageId ?? '',
      eventType: (m) => m.type,
      nextAttemptAt: (m) => (m.status === 'PENDING' ? m.nextAttemptAt : null),
      deliveredAt: (m) => m.deliveredAt ?? null,
      lastError: (m) => m.lastError ?? null,
      statusCode: (m) => m.statusCode ?? null,
    },
    WebhookDeliveryConnection: {
      totalCount: (c) => c.totalCount(),
    },
  },
};

function asPreference(p: { kind: string; delivery: 'IMMEDIATE' | 'DAILY_DIGEST' | 'NONE'; locked: boolean }) {
  return { kind: p.kind as NotificationKind, delivery: p.delivery, locked: p.locked };
}
