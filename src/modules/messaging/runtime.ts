// The messaging module's settings: `publish` is called from other modules' services without a context, so
// the app hands the module its config once (createApp) and everything here reads it. A script or a test
// that never built an app reads the process's own configuration, as the server would.
import { loadConfig, type Config } from '../../config';
import { createLogger, type Logger } from '../../shared/logger';

export interface MessagingRuntime {
  config: Config;
  log: Logger;
}

let current: MessagingRuntime | null = null;

export function configureMessaging(runtime: MessagingRuntime): void {
  current = { config: runtime.config, log: runtime.log.child({ module: 'messaging' }) };
}

export function messagingRuntime(): MessagingRuntime {
  if (!current) {
    const config = loadConfig();
    current = { config, log: createLogger(config.logLevel).child({ module: 'messaging' }) };
  }
  return current;
}
