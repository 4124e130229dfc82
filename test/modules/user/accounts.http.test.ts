// Accounts over HTTP with a real SMTP server: sign up, the emailed link, verification, sign-in; reset
// links used once, expired, reused; password change; admin-created accounts; the last admin under a race.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { makeUser } from '../../helpers/factories';
import { clock } from '../../../src/shared/clock';
import { UserModel } from '../../../src/modules/user/user.model';
import { OutboxMessageModel } from '../../../src/modules/messaging/messaging.model';
import { PUBLIC_URL, STRONG, startMailbox, tokenFrom, type Mailbox } from './mail';

useTestDatabase();

let server: TestServer;
let mail: Mailbox;
const realNow = clock.now;

beforeAll(async () => {
  mail = await startMailbox();
  server = await startServer({ smtpUrl: mail.smtp.url, publicUrl: PUBLIC_URL, accountRequestsPerEmail: 50, accountRequestsPerAddress: 1000 });
});
afterAll(async () => {
  await server.close();
  await mail.close();
});
afterEach(() => {
  clock.now = realNow;
});

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { accepted message errors { code field message } } }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { user { id name } errors { code field message } } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email } errors { code field message } } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) { accepted message errors { code field message } } }`;
const RESET = `mutation ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) { user { id } errors { code field message } } }`;
const ME = `{ me { id email emailVerified } }`;

const login = async (email: string, password: string) => dataOf(await server.gql(LOGIN, { email, password })).login;

describe('signing up', () => {
  it('goes from register to the emailed link, verification and sign-in; the link works once', async () => {
    const email = `Nadia.${Date.now()}@Asso-Quartier.test`;
    const reg = dataOf(await server.gql(REGISTER, { input: { email, password: STRONG, displayName: 'Nadia Benali' } })).register;
    expect(reg).toMatchObject({ accepted: true, errors: [] });

    // Not yet: the right password is answered with EMAIL_NOT_VERIFIED, a wrong one with the usual refusal.
    expect((await login(email, STRONG)).errors).toEqual([expect.objectContaining({ code: 'EMAIL_NOT_VERIFIED', field: 'email' })]);
    expect((await login(email, 'Wrong-Password-123')).errors[0].code).toBe('UNAUTHENTICATED');

    await mail.deliver();
    const [text] = mail.to(email);
    expect(text).toContain('Pour activer votre compte Maillage, confirmez votre adresse');
    const token = tokenFrom(text!, '/verify-email');
    // The outbox keeps no token in clear once the email is sent.
    expect(JSON.stringify(await OutboxMessageModel.find({ to: email.toLowerCase() }).lean())).not.toContain(token);
    // The account keeps only the hash.
    const stored = await UserModel.findOne({ email: email.toLowerCase() }).select('+verification').lean();
    expect(JSON.stringify(stored)).not.toContain(token);

    const verified = dataOf(await server.gql(VERIFY, { token })).verifyEmail;
    expect(verified).toMatchObject({ user: { name: 'Nadia Benali' }, errors: [] });
    const again = dataOf(await server.gql(VERIFY, { token })).verifyEmail;
    expect(again.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' })]);

    // Emails are compared without regard to case.
    const session = await login(email.toUpperCase(), STRONG);
    expect(session.errors).toEqual([]);
    expect(dataOf(await server.gql(ME, {}, session.token)).me).toMatchObject({ email: email.toLowerCase(), emailVerified: true });
  });

  it('refuses a verification link after 24 hours, and sends a new one on request', async () => {
    const email = `late.${Date.now()}@example.test`;
    await server.gql(REGISTER, { input: { email, password: STRONG, displayName: 'Late Comer' } });
    await mail.deliver();
    const first = tokenFrom(mail.to(email)[0]!, '/verify-email');
    const later = new Date(Date.now() + 25 * 3600_000);
    clock.now = () => later;
    expect(dataOf(await server.gql(VERIFY, { token: first })).verifyEmail.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    const resent = dataOf(
      await server.gql(`mutation ($email: String!) { resendVerificationEmail(email: $email) { accepted errors { code } } }`, { email }),
    ).resendVerificationEmail;
    expect(resent).toEqual({ accepted: true, errors: [] });
    await mail.deliver();
    const second = tokenFrom(mail.to(email)[1]!, '/verify-email');
    expect(second).not.toBe(first);
    expect(dataOf(await server.gql(VERIFY, { token: second })).verifyEmail.errors).toEqual([]);
  });

  it('tells the owner of an existing account that someone tried to register with it, and changes nothing', async () => {
    const { user } = await makeUser({ email: `owner.${Date.now()}@example.test` });
    const before = await UserModel.findById(user._id).select('+passwordHash').lean();
    const reg = dataOf(await server.gql(REGISTER, { input: { email: user.email.toUpperCase(), password: STRONG, displayName: 'Intruder' } })).register;
    expect(reg).toMatchObject({ accepted: true, errors: [] });
    await mail.deliver();
    expect(mail.to(user.email).some((t) => t.includes('essayé de créer un compte Maillage avec votre adresse'))).toBe(true);
    const after = await UserModel.findById(user._id).select('+passwordHash').lean();
    expect(after).toMatchObject({ name: before!.name, passwordHash: before!.passwordHash, tokenVersion: before!.tokenVersion });
  });

  it('refuses weak passwords on input.password with the estimator’s advice, and reports every problem at once', async () => {
    const cases: [string, RegExp][] = [
      ['court', /at least 12 characters/],
      ['motdepasse123', /too easy to guess.*\/ Ce mot de passe est trop facile à deviner/],
      ['azertyuiop123', /too easy to guess/],
      ['camille.dupont@example.test', /must not be your email/],
      ['camille.dupont-2026!', /first part of your email/],
    ];
    for (const [password, message] of cases) {
      const res = dataOf(await server.gql(REGISTER, { input: { email: 'camille.dupont@example.test', password, displayName: 'Camille' } })).register;
      expect(res.accepted).toBe(false);
      expect(res.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.password', message: expect.stringMatching(message) })]);
    }
    const all = dataOf(await server.gql(REGISTER, { input: { email: 'not-an-email', password: 'short', displayName: '  ' } })).register;
    expect(all.errors.map((e: { field: string }) => e.field).sort()).toEqual(['input.displayName', 'input.email', 'input.password']);
    expect(await UserModel.countDocuments({ email: 'camille.dupont@example.test' })).toBe(0);
  });

  it('limits registrations per email address with RATE_LIMITED and Retry-After', async () => {
    const limited = await startServer({ accountRequestsPerEmail: 2, accountRequestsPerAddress: 1000 });
    try {
      const input = { email: `limited.${Date.now()}@example.test`, password: STRONG, displayName: 'Limited' };
      expect(dataOf(await limited.gql(REGISTER, { input })).register.accepted).toBe(true);
      expect(dataOf(await limited.gql(REQUEST_RESET, { email: input.email })).requestPasswordReset.accepted).toBe(true);
      const third = await limited.gql(REGISTER, { input });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'input.email' });
    } finally {
      await limited.close();
    }
  });
});

describe('recovering', () => {
  async function verifiedAccount() {
    const email = `reset.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.test`;
    await server.gql(REGISTER, { input: { email, password: STRONG, displayName: 'Reset Person' } });
    await mail.deliver();
    await server.gql(VERIFY, { token: tokenFrom(mail.to(email)[0]!, '/verify-email') });
    return email;
  }

  it('resets once with the emailed link, revokes the sessions opened before, and tells the owner', async () => {
    const email = await verifiedAccount();
    const old = await login(email, STRONG);
    expect(dataOf(await server.gql(ME, {}, old.token)).me.email).toBe(email);

    const asked = dataOf(await server.gql(REQUEST_RESET, { email })).requestPasswordReset;
    expect(asked).toMatchObject({ accepted: true, errors: [] });
    await mail.deliver();
    const token = tokenFrom(
      mail.to(email).find((t) => t.includes('/reset-password?token='))!,
      '/reset-password',
    );

    const weak = dataOf(await server.gql(RESET, { token, newPassword: 'password1234' })).resetPassword;
    expect(weak.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'newPassword' })]);
    const done = dataOf(await server.gql(RESET, { token, newPassword: 'Olivier-Sainte-Victoire-9' })).resetPassword;
    expect(done.errors).toEqual([]);
    const reused = dataOf(await server.gql(RESET, { token, newPassword: 'Another-Strong-Pass-44' })).resetPassword;
    expect(reused.errors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token', message: expect.stringMatching(/already used or expired/) }),
    ]);

    const revoked = await server.gql(ME, {}, old.token);
    expect(revoked.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(email, STRONG)).errors[0].code).toBe('UNAUTHENTICATED');
    expect((await login(email, 'Olivier-Sainte-Victoire-9')).errors).toEqual([]);
    await mail.deliver();
    expect(mail.to(email).some((t) => t.includes('Le mot de passe de votre compte Maillage a été modifié'))).toBe(true);
  });

  it('refuses a reset link after an hour', async () => {
    const email = await verifiedAccount();
    await server.gql(REQUEST_RESET, { email });
    await mail.deliver();
    const token = tokenFrom(
      mail.to(email).find((t) => t.includes('/reset-password?token='))!,
      '/reset-password',
    );
    const later = new Date(Date.now() + 61 * 60_000);
    clock.now = () => later;
    const expired = dataOf(await server.gql(RESET, { token, newPassword: 'Olivier-Sainte-Victoire-9' })).resetPassword;
    expect(expired.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'token' })]);
    clock.now = realNow;
    expect((await login(email, STRONG)).errors).toEqual([]);
  });

  it('lets only one of two concurrent uses of a reset link set the password', async () => {
    const email = await verifiedAccount();
    await server.gql(REQUEST_RESET, { email });
    await mail.deliver();
    const token = tokenFrom(
      mail.to(email).find((t) => t.includes('/reset-password?token='))!,
      '/reset-password',
    );
    const answers = await Promise.all(['Premier-Essai-Lavande-1', 'Second-Essai-Garrigue-2'].map((newPassword) => server.gql(RESET, { token, newPassword })));
    expect(answers.map((a) => dataOf(a).resetPassword.errors.length).sort()).toEqual([0, 1]);
  });

  it('changes the password: checks the current one, signs the other sessions out, and hands this one a fresh token', async () => {
    const email = await verifiedAccount();
    const a = await login(email, STRONG);
    const b = await login(email, STRONG);
    const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { id } errors { code field } } }`;
    const wrong = dataOf(await server.gql(CHANGE, { c: 'not-the-password', n: 'Garrigue-Mistral-Cigale-5' }, a.token)).changePassword;
    expect(wrong.errors).toEqual([{ code: 'BAD_USER_INPUT', field: 'currentPassword' }]);
    const changed = dataOf(await server.gql(CHANGE, { c: STRONG, n: 'Garrigue-Mistral-Cigale-5' }, a.token)).changePassword;
    expect(changed.errors).toEqual([]);
    expect(dataOf(await server.gql(ME, {}, changed.token)).me.email).toBe(email);
    for (const stale of [a.token, b.token]) expect((await server.gql(ME, {}, stale)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await server.gql(CHANGE, { c: STRONG, n: 'Garrigue-Mistral-Cigale-5' });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('administering', () => {
  const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id email role emailVerified } errors { code field message } } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { user { id role disabled } errors { code field message } } }`;

  it('creates an account whose owner sets the first password from the emailed invitation', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const email = `officer.${Date.now()}@ville.test`;
    const created = dataOf(await server.gql(CREATE, { input: { email, displayName: 'Inès Instructrice', role: 'OFFICER' } }, admin.token)).createUser;
    expect(created).toMatchObject({ user: { email, role: 'OFFICER', emailVerified: false }, errors: [] });
    const twice = dataOf(await server.gql(CREATE, { input: { email: email.toUpperCase(), displayName: 'Again', role: 'OFFICER' } }, admin.token)).createUser;
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'input.email' })]);

    await mail.deliver();
    const [invitation] = mail.to(email);
    expect(invitation).toContain('Un administrateur a créé votre compte Maillage (rôle OFFICER)');
    const token = tokenFrom(invitation!, '/reset-password');
    // Valid for days, not an hour.
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000);
    clock.now = () => inThreeDays;
    expect(dataOf(await server.gql(RESET, { token, newPassword: 'Instruire-Les-Dossiers-2026' })).resetPassword.errors).toEqual([]);
    clock.now = realNow;
    const session = await login(email, 'Instruire-Les-Dossiers-2026');
    expect(session.errors).toEqual([]);
    expect(dataOf(await server.gql(ME, {}, session.token)).me.emailVerified).toBe(true);

    const member = await makeUser();
    expect((await server.gql(CREATE, { input: { email: 'x@y.test', displayName: 'X', role: 'ADMIN' } }, member.token)).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('disables an account: it cannot sign in and its tokens stop working; lists accounts for admins only', async () => {
    const admin = await makeUser({ role: 'ADMIN' });
    const target = await makeUser({ name: 'Zoé Désactivée' });
    const off = dataOf(await server.gql(UPDATE, { id: target.id, input: { disabled: true } }, admin.token)).updateUser;
    expect(off).toMatchObject({ user: { disabled: true }, errors: [] });
    expect((await server.gql(ME, {}, target.token)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(target.user.email, 'correct horse battery')).errors[0].code).toBe('UNAUTHENTICATED');

    const LIST = `query ($filter: UserFilter) { users(filter: $filter, first: 10) { totalCount edges { node { email disabled role } } } }`;
    const listed = dataOf(await server.gql(LIST, { filter: { search: 'zoé dés', disabled: true } }, admin.token)).users;
    expect(listed.totalCount).toBe(1);
    expect(listed.edges[0].node).toMatchObject({ email: target.user.email, disabled: true, role: 'MEMBER' });
    const officer = await makeUser({ role: 'OFFICER' });
    expect((await server.gql(LIST, {}, officer.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = dataOf(await server.gql(UPDATE, { id: 'nope', input: { role: 'OFFICER' } }, admin.token)).updateUser;
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' })]);
  });

  it('never leaves the city without an active admin, even when two admins demote each other at once', async () => {
    // Start from no admin at all in this database, then exactly two.
    await UserModel.updateMany({ role: 'ADMIN' }, { $set: { role: 'OFFICER' } });
    for (let round = 0; round < 5; round++) {
      const a = await makeUser({ role: 'ADMIN' });
      const b = await makeUser({ role: 'ADMIN' });
      const answers = await Promise.all([
        server.gql(UPDATE, { id: b.id, input: { role: 'OFFICER' } }, a.token),
        server.gql(UPDATE, { id: a.id, input: { disabled: true } }, b.token),
      ]);
      const refused = answers.flatMap((r) => dataOf(r).updateUser.errors);
      expect(refused).toEqual([expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/last active admin/) })]);
      expect(await UserModel.countDocuments({ role: 'ADMIN', disabled: { $ne: true } })).toBe(1);
      // Back to none before the next round.
      await UserModel.updateMany({ _id: { $in: [a.user._id, b.user._id] } }, { $set: { role: 'OFFICER', disabled: false } });
    }
    const last = await makeUser({ role: 'ADMIN' });
    const self = dataOf(await server.gql(UPDATE, { id: last.id, input: { role: 'MEMBER' } }, last.token)).updateUser;
    expect(self.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'input.role' })]);
  });
});
