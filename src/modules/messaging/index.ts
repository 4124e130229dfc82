// The messaging module's entry points for the app: start the dispatcher with the server, stop it on
// shutdown. Other modules publish through events.ts.
import type { Config } from '../../config';
import type { Logger } from '../../shared/logger';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { configureMessaging } from './runtime';

export { publish, publishQuietly, type EventType, type MessagingEvent, type Recipient } from './events';
export { configureMessaging } from './runtime';

/** Starts this instance's dispatcher (and its scheduled jobs); `stop()` on shutdown. */
export function startMessaging(deps: { config: Config; log: Logger }): Dispatcher {
  configureMessaging(deps);
  const dispatcher = createDispatcher(deps);
  dispatcher.start();
  deps.log.info(
    { smtp: !!deps.config.smtpUrl, intervalMs: deps.config.dispatchIntervalMs },
    deps.config.smtpUrl ? 'outbox dispatcher started' : 'outbox dispatcher started; no SMTP_URL: emails are logged and kept in the outbox',
  );
  return dispatcher;
}
