// Emails through SMTP (nodemailer, one pooled transport per dispatcher). Without SMTP_URL there is no
// transport: the dispatcher logs the message and keeps it in the outbox as HELD.
import nodemailer, { type Transporter } from 'nodemailer';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a receiving server that sees it twice can tell. */
  messageId: string;
}

export interface EmailTransport {
  send(email: Email): Promise<void>;
  close(): void;
}

export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(email) {
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        textEncoding: 'quoted-printable',
      });
    },
    close: () => transporter.close(),
  };
}
