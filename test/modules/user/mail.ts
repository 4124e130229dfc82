// The account tests' mailbox: a real SMTP server (the messaging tests' receiver), the dispatcher run once
// to deliver what the outbox holds, and the token read back from the link the email carries.
import { testConfig, type Config } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { createDispatcher } from '../../../src/modules/messaging/dispatcher';
import { smtpTransport } from '../../../src/modules/messaging/channels/email';
import { accountEmailsRecorded } from '../../../src/modules/user/account.service';
import { emailText, startSmtp, type ReceivedEmail, type Smtp } from '../messaging/receivers';

export const PUBLIC_URL = 'https://subventions.ville.test';
const log = createLogger('silent');

export interface Mailbox {
  smtp: Smtp;
  /** Settles the account emails started so far, then delivers the outbox to the SMTP server. */
  deliver(): Promise<void>;
  /** Emails received for `address` (case-insensitive), oldest first, as text. */
  to(address: string): string[];
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const smtp = await startSmtp();
  const config: Config = testConfig({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
  return {
    smtp,
    async deliver() {
      await accountEmailsRecorded();
      const d = createDispatcher({ config, log, jobs: false, email: smtpTransport(config.smtpUrl, config.mailFrom) });
      try {
        await d.dispatchOnce();
      } finally {
        await d.stop();
      }
    },
    to: (address) => smtp.messages.filter((m: ReceivedEmail) => m.to.includes(address.toLowerCase())).map((m) => emailText(m.raw)),
    close: () => smtp.close(),
  };
}

/** The token of the link `<PUBLIC_URL><path>?token=...` in an email's text; throws when there is none. */
export function tokenFrom(text: string, path: '/verify-email' | '/reset-password'): string {
  const m = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`No ${path} link in the email:\n${text.slice(0, 2000)}`);
  return m[1]!;
}

export const STRONG = 'Lavande-Brise-Calanque-73';
