// Signed session tokens. Verification pins the algorithm (no `none`, no RS/HS confusion), the issuer
// and audience, and checks expiry; any failure is UNAUTHENTICATED with a message a person can act on.
import jwt from 'jsonwebtoken';
import { AppError } from '../errors/app-error';

const ALGORITHM = 'HS256' as const;
const ISSUER = 'maillage';
const AUDIENCE = 'maillage-api';

export interface TokenClaims {
  sub: string;
  role: string;
  ver: number;
}

export function signToken(claims: TokenClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ role: claims.role, ver: claims.ver }, secret, {
    algorithm: ALGORITHM,
    subject: claims.sub,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

export function verifyToken(token: string, secret: string): TokenClaims {
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
  } catch (err) {
    const expired = err instanceof jwt.TokenExpiredError;
    throw new AppError('UNAUTHENTICATED', expired ? 'Your session has expired. Sign in again.' : 'The access token is invalid. Sign in again.', {
      field: 'authorization',
    });
  }
  if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.role !== 'string') {
    throw new AppError('UNAUTHENTICATED', 'The access token is invalid. Sign in again.', { field: 'authorization' });
  }
  return { sub: payload.sub, role: payload.role, ver: typeof payload.ver === 'number' ? payload.ver : 0 };
}

/** Reads `Authorization: Bearer <token>`; null when absent. A malformed header is an error, not anonymous. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9_\-.]+)$/.exec(header.trim());
  if (!m) {
    throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".', { field: 'authorization' });
  }
  return m[1]!;
}
