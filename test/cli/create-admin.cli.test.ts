// `npm run create:admin`, the first step of a new deployment: the real command creates an admin whose owner
// sets the password through the printed one-time link, then administers the city's reference data.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTestDatabase } from '../helpers/db';
import { startServer, dataOf, type TestServer } from '../helpers/server';
import { parseArgs } from '../../src/cli/create-admin';

const execute = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const db = useTestDatabase();
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await execute(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'cli', 'create-admin.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        MONGODB_URI: db.uri(),
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        BCRYPT_COST: '4',
        PUBLIC_URL: 'https://subventions.ville.example',
      },
    });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('npm run create:admin', () => {
  it('creates an admin who sets a password with the printed link, signs in and administers', async () => {
    const out = await run('Direction.Numerique@Ville.example', '--name', 'Camille Martin');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Admin account created for direction.numerique@ville.example.');
    const token = decodeURIComponent(/https:\/\/subventions\.ville\.example\/reset-password\?token=(\S+)/.exec(out.stdout)![1]!);
    const reset = dataOf(
      await server.gql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { user { role } errors { message } } }', {
        t: token,
        p: 'Un mot de passe long et unique pour la ville',
      }),
    ).resetPassword;
    expect(reset).toEqual({ user: { role: 'ADMIN' }, errors: [] });
    const login = dataOf(
      await server.gql(
        'mutation { login(email: "direction.numerique@ville.example", password: "Un mot de passe long et unique pour la ville") { token errors { message } } }',
      ),
    ).login;
    const created = dataOf(
      await server.gql(
        'mutation { createDomain(input: { code: "entraide", name: "Entraide", proposal: 1 }) { domain { code } errors { message } } }',
        {},
        login.token,
      ),
    );
    expect(created.createDomain).toEqual({ domain: { code: 'entraide' }, errors: [] });
  });

  it('refuses an address that has an account, and bad input, creating nothing', async () => {
    const again = await run('direction.numerique@ville.example', '--name', 'Quelqu’un');
    expect([again.code, again.stderr.trim()]).toEqual([1, expect.stringMatching(/^email: An account already uses this email address/)]);
    const bad = await run('pas-une-adresse', '--name', 'X');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('email: Enter a valid email address');
    const usage = await run('someone@ville.example');
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('Give --name')]);
  });

  it('reads its arguments', () => {
    expect(parseArgs(['a@b.fr', '--name=Ana Lopez'])).toEqual({ email: 'a@b.fr', name: 'Ana Lopez' });
    expect(parseArgs(['--name', 'Ana'])).toBe("Give the new admin's email address.");
  });
});
