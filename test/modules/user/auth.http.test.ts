// Sign-in and tokens through the real HTTP endpoint.
import jwt from 'jsonwebtoken';
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeUser, TEST_PASSWORD } from '../../helpers/factories';
import { testConfig } from '../../../src/config';

useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role } errors { code message field } }
}`;
const ME = '{ me { id email role name } }';

describe('login', () => {
  it('returns a token that identifies the user through `me`', async () => {
    const { user } = await makeUser({ role: 'OFFICER', email: 'olga@example.test' });
    const res = dataOf(await server.gql(LOGIN, { email: 'Olga@Example.test ', password: TEST_PASSWORD }));
    expect(res.login.errors).toEqual([]);
    expect(res.login.user).toEqual({ id: String(user._id), email: 'olga@example.test', role: 'OFFICER' });
    const me = dataOf(await server.gql(ME, {}, res.login.token));
    expect(me.me).toMatchObject({ id: String(user._id), role: 'OFFICER' });
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    await makeUser({ email: 'known@example.test' });
    const wrong = dataOf(await server.gql(LOGIN, { email: 'known@example.test', password: 'not the password' }));
    const unknown = dataOf(await server.gql(LOGIN, { email: 'nobody@example.test', password: 'whatever it is' }));
    expect(wrong.login.token).toBeNull();
    expect(wrong.login.errors).toEqual([{ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.', field: 'password' }]);
    expect(unknown.login.errors).toEqual(wrong.login.errors);
  });

  it('says which field is missing', async () => {
    const res = dataOf(await server.gql(LOGIN, { email: '', password: '' }));
    expect(res.login.errors.map((e: { field: string }) => e.field)).toEqual(['email', 'password']);
  });
});

describe('tokens', () => {
  const secret = testConfig().jwtSecret;

  it('lets an anonymous caller query `me` only to be told to sign in', async () => {
    const res = await server.gql(ME);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    [
      'forged with another secret',
      () =>
        jwt.sign({ role: 'ADMIN', ver: 0 }, 'another-secret-of-sufficient-length!!', {
          subject: '6650f0f0f0f0f0f0f0f0f0f0',
          issuer: 'maillage',
          audience: 'maillage-api',
          expiresIn: 600,
        }),
    ],
    [
      'expired',
      () =>
        jwt.sign({ role: 'ADMIN', ver: 0, exp: Math.floor(Date.now() / 1000) - 60 }, secret, {
          subject: '6650f0f0f0f0f0f0f0f0f0f0',
          issuer: 'maillage',
          audience: 'maillage-api',
        }),
    ],
    [
      'unsigned (alg none)',
      () =>
        jwt.sign({ role: 'ADMIN', ver: 0 }, '', {
          algorithm: 'none',
          subject: '6650f0f0f0f0f0f0f0f0f0f0',
          issuer: 'maillage',
          audience: 'maillage-api',
          expiresIn: 600,
        }),
    ],
    [
      'signed with HS512 instead of HS256',
      () =>
        jwt.sign({ role: 'ADMIN', ver: 0 }, secret, {
          algorithm: 'HS512',
          subject: '6650f0f0f0f0f0f0f0f0f0f0',
          issuer: 'maillage',
          audience: 'maillage-api',
          expiresIn: 600,
        }),
    ],
    ['garbage', () => 'not.a.token'],
  ])('refuses a token %s with 401 UNAUTHENTICATED', async (_label, make) => {
    const res = await server.gql(ME, {}, make());
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/stack|jsonwebtoken|at \w+ \(/);
  });

  it('refuses a valid token for a deleted account', async () => {
    const { user, token } = await makeUser();
    await user.deleteOne();
    const res = await server.gql(ME, {}, token);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.message).toMatch(/sign in again/i);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: ME }),
    });
    expect(res.status).toBe(401);
  });
});
