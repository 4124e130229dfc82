// `npm run create:admin -- <email> --name "<name>"`: the first admin of a new deployment (there is nobody yet
// to invite them). Creates an ADMIN account nobody knows the password of and prints its one-time invitation
// link (valid a week), as the invitation email would carry it: its owner chooses the password there, or with
// the `resetPassword` mutation and the token. The operator who runs it already has the database's keys.
// Exit codes: 0 created, 1 refused (the address has an account, bad input), 2 usage.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { connectDatabase } from '../db';
import { createLogger } from '../shared/logger';
import { AppError, Problems } from '../errors/app-error';
import { checkDisplayName, INVITATION_TTL_MS, normaliseEmail, oneTimeToken } from '../modules/user/account.service';
import { hashPassword, isEmail } from '../modules/user/user.service';
import { UserModel } from '../modules/user/user.model';
import { printLine, printLines } from './terminal';

export const USAGE = 'Usage: npm run create:admin -- <email> --name "<first and last name>"';

export function parseArgs(argv: string[]): { email: string; name: string } | string {
  let email: string | null = null;
  let name: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--name' || a.startsWith('--name=')) name = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? null);
    else if (a === '-h' || a === '--help') return USAGE;
    else if (a.startsWith('-')) return `Unknown option ${a}.`;
    else if (email) return `One email at a time (got "${email}" and "${a}").`;
    else email = a;
  }
  if (!email) return "Give the new admin's email address.";
  if (!name) return 'Give --name: how the admin is named to others.';
  return { email, name };
}

/** Creates the admin; returns the invitation token (for the link). */
export async function createAdmin(input: { email: string; name: string }, bcryptCost: number): Promise<{ token: string; expiresAt: Date }> {
  const p = new Problems();
  const email = normaliseEmail(input.email);
  if (!email || email.length > 254 || !isEmail(email)) p.add('email', 'Enter a valid email address, like name@example.fr.');
  const name = checkDisplayName(p, 'name', input.name);
  p.throwIfAny();
  if (await UserModel.exists({ email })) {
    throw new AppError('CONFLICT', 'An account already uses this email address: an admin can change its role, or its owner can reset the password.', {
      field: 'email',
    });
  }
  const { token, stored } = oneTimeToken('INVITATION', INVITATION_TTL_MS);
  // Nobody knows this password: the account opens only through the invitation link.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'), bcryptCost);
  await UserModel.create({ email, name, role: 'ADMIN', passwordHash, emailVerified: false, passwordReset: stored });
  return { token, expiresAt: stored.expiresAt };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    printLines(process.stderr, args === USAGE ? args : `${args}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await connectDatabase(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  try {
    const { token, expiresAt } = await createAdmin(args, config.bcryptCost);
    printLines(
      process.stdout,
      `Admin account created for ${normaliseEmail(args.email)}.\n` +
        `Its owner chooses a password with this one-time link, valid until ${expiresAt.toISOString()}:\n` +
        `  ${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}\n` +
        `or with the API: mutation { resetPassword(token: "${token}", newPassword: "...") { errors { message } } }\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      for (const problem of err.toProblems()) printLine(process.stderr, `${problem.field ?? 'input'}: ${problem.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      printLine(process.stderr, `The admin was not created: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
