// Who may read what here. Notifications and preferences are a person's own: nobody else reads them, staff
// included. The outbox and the webhooks are the admins' (the root fields' policies say so).
import type { Viewer } from '../../auth/viewer';

/** Only the person themself sees their notifications and email preferences. */
export const canReadNotificationsOf = (viewer: Viewer | null, userId: string): boolean => !!viewer && viewer.id === userId;
