// Secrets the outbox must keep but never in clear: a one-time token until its email is sent, a webhook's
// signing secret for as long as the hook lives. AES-256-GCM with a key derived from JWT_SECRET by HKDF,
// one key per purpose. Anyone reading the database (a backup, an admin's query) sees ciphertext; the
// server, which holds JWT_SECRET, gets the value back. Rotating JWT_SECRET makes sealed values unreadable:
// pending links fail (their owner asks again) and webhook secrets must be rotated (docs/notifications.md).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export type Purpose = 'outbox-token' | 'webhook-secret';

export interface Sealed {
  iv: string;
  data: string;
  tag: string;
}

const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: Purpose): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'maillage-messaging', `maillage:${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

export function seal(plain: string, secret: string, purpose: Purpose): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The sealed value, or throws when it was sealed with another key (JWT_SECRET changed) or altered. */
export function unseal(sealed: Sealed, secret: string, purpose: Purpose): string {
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
