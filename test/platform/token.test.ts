// Tokens are verified in one place (src/auth/token.ts), with the same checks wherever a token is read:
// the request context and the per-account request limit. A token this API did not issue for itself
// (another issuer or audience, another algorithm, no signature) is refused by both.
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { bearerToken, signToken, verifyToken } from '../../src/auth/token';
import { requestKey } from '../../src/ops/rate-limit';
import { testConfig } from '../../src/config';

const secret = testConfig().jwtSecret;
const sub = '64b000000000000000000001';

const request = (authorization?: string) =>
  ({ get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined), ip: '203.0.113.7' }) as unknown as Request;

const foreign: [string, string][] = [
  [
    'another issuer',
    jwt.sign({ role: 'ADMIN', ver: 0 }, secret, { algorithm: 'HS256', subject: sub, issuer: 'someone-else', audience: 'maillage-api', expiresIn: 60 }),
  ],
  [
    'another audience',
    jwt.sign({ role: 'ADMIN', ver: 0 }, secret, { algorithm: 'HS256', subject: sub, issuer: 'maillage', audience: 'another-api', expiresIn: 60 }),
  ],
  ['no issuer nor audience', jwt.sign({ role: 'ADMIN', ver: 0 }, secret, { algorithm: 'HS256', subject: sub, expiresIn: 60 })],
  [
    'another algorithm',
    jwt.sign({ role: 'ADMIN', ver: 0 }, secret, { algorithm: 'HS512', subject: sub, issuer: 'maillage', audience: 'maillage-api', expiresIn: 60 }),
  ],
  [
    'no signature',
    `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, role: 'ADMIN', iss: 'maillage', aud: 'maillage-api' })).toString('base64url')}.`,
  ],
  ['another secret', signToken({ sub, role: 'ADMIN', ver: 0 }, 'x'.repeat(40), 60)],
  [
    'an expired one',
    jwt.sign({ role: 'ADMIN', ver: 0 }, secret, { algorithm: 'HS256', subject: sub, issuer: 'maillage', audience: 'maillage-api', expiresIn: -10 }),
  ],
];

describe('verifying a token', () => {
  it('accepts a token this API signed, in the context and in the request limit alike', () => {
    const token = signToken({ sub, role: 'MEMBER', ver: 3 }, secret, 60);
    expect(verifyToken(bearerToken(`Bearer ${token}`)!, secret)).toEqual({ sub, role: 'MEMBER', ver: 3 });
    expect(requestKey(request(`Bearer ${token}`), secret)).toBe(`account:${sub}`);
  });

  it.each(foreign)('refuses a token with %s, and the request limit counts it against the address', (_what, token) => {
    expect(() => verifyToken(token, secret)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization' }));
    expect(requestKey(request(`Bearer ${token}`), secret)).toBe('address:203.0.113.7');
  });

  it('counts a request without a token, or with a malformed header, against the address', () => {
    expect(requestKey(request(), secret)).toBe('address:203.0.113.7');
    expect(requestKey(request('Basic dXNlcjpwYXNz'), secret)).toBe('address:203.0.113.7');
  });
});
