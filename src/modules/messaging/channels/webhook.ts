// Webhook deliveries after Standard Webhooks (standardwebhooks.com): headers webhook-id, webhook-timestamp
// and webhook-signature (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the secret's bytes),
// body `{ type, timestamp, data }`. One POST, a 10-second limit, no redirect followed, and in production
// no private address, checked on the address actually connected to.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, PrivateTargetError, publicOnlyLookup } from './addresses';

export const DELIVERY_TIMEOUT_MS = 10_000;

/** A new secret: `whsec_` and 32 random bytes in base64, the form the reference libraries read. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface WebhookRequest {
  url: string;
  secret: string;
  messageId: string;
  type: string;
  /** The event's time (body) and the send time (signed header), in that order. */
  occurredAt: Date;
  sentAt: Date;
  data: Record<string, unknown>;
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** POSTs one delivery; resolves with the 2xx status, or throws a DeliveryError with the status (null when none came). */
export function postWebhook(req: WebhookRequest): Promise<number> {
  const body = JSON.stringify({ type: req.type, timestamp: req.occurredAt.toISOString(), data: req.data });
  const timestamp = Math.floor(req.sentAt.getTime() / 1000);
  let target: URL;
  try {
    target = new URL(req.url);
  } catch {
    return Promise.reject(new DeliveryError('The webhook URL is not valid.', null));
  }
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!req.allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.reject(new DeliveryError(new PrivateTargetError(host).message, null));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Maillage-Webhooks/1',
          'webhook-id': req.messageId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature(req.secret, req.messageId, timestamp, body),
        },
        ...(req.allowPrivate ? {} : { lookup: publicOnlyLookup() }),
        timeout: req.timeoutMs ?? DELIVERY_TIMEOUT_MS,
        agent: false,
      },
      (res) => {
        // The answer's body is not read beyond a little: a receiver owes us nothing but its status.
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) res.destroy();
        });
        res.on('error', () => undefined);
        res.on('close', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(status);
          else if (status >= 300 && status < 400) reject(new DeliveryError(`The receiver answered ${status} (a redirect, which is not followed).`, status));
          else reject(new DeliveryError(`The receiver answered ${status}.`, status));
        });
      },
    );
    const started = Date.now();
    request.on('timeout', () => request.destroy(new DeliveryError(`No answer within ${Math.round((Date.now() - started) / 1000)} s.`, null)));
    request.on('error', (err) =>
      reject(
        err instanceof DeliveryError
          ? err
          : new DeliveryError(
              err instanceof PrivateTargetError ? err.message : `Could not reach the receiver (${(err as NodeJS.ErrnoException).code ?? err.message}).`,
              null,
            ),
      ),
    );
    request.end(body);
  });
}
