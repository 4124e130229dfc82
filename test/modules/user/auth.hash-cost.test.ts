// Sign-in must not tell which emails have accounts through its timing: the refusal costs the same bcrypt work
// for a known email as for an unknown one, and a hash made at another cost is re-made at the configured
// cost at its owner's next sign-in. Proven on the work done (the cost of each hash compared), not on a clock.
import bcrypt from 'bcryptjs';
import { useTestDatabase } from '../../helpers/db';
import { testConfig } from '../../../src/config';
import { UserModel } from '../../../src/modules/user/user.model';
import { dummyHash, hashCost, hashPassword, login } from '../../../src/modules/user/user.service';

useTestDatabase();

const CONFIGURED = 7;
const deps = { ...testConfig(), bcryptCost: CONFIGURED };
const PASSWORD = 'correct horse battery';

async function storedUser(email: string, cost: number) {
  return UserModel.create({ email, name: 'Ada', role: 'MEMBER', passwordHash: await hashPassword(PASSWORD, cost) });
}
const storedCost = async (email: string) => hashCost((await UserModel.findOne({ email }).select('+passwordHash').lean())!.passwordHash);

/** The bcrypt work of one sign-in: the sum of 2^cost over every hash it compared against. */
async function workOf(run: () => Promise<unknown>): Promise<number> {
  const compare = jest.spyOn(bcrypt, 'compare');
  try {
    await run().catch(() => undefined);
    return compare.mock.calls.reduce((sum, [, hash]) => sum + 2 ** hashCost(hash as string)!, 0);
  } finally {
    compare.mockRestore();
  }
}

describe('sign-in and the cost of password hashes', () => {
  it('re-makes a hash stored at a lower cost at the configured cost when its owner signs in', async () => {
    await storedUser('lower@example.test', 4);
    await login('lower@example.test', PASSWORD, deps);
    expect(await storedCost('lower@example.test')).toBe(CONFIGURED);
    // The new hash still opens the account, and a second sign-in leaves it as it is.
    const before = (await UserModel.findOne({ email: 'lower@example.test' }).select('+passwordHash').lean())!.passwordHash;
    await expect(login('lower@example.test', PASSWORD, deps)).resolves.toMatchObject({ token: expect.any(String) });
    expect((await UserModel.findOne({ email: 'lower@example.test' }).select('+passwordHash').lean())!.passwordHash).toBe(before);
  });

  it('re-makes a hash stored at a higher cost too, and never on a wrong password', async () => {
    await storedUser('higher@example.test', 8);
    await expect(login('higher@example.test', 'not the password', deps)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await storedCost('higher@example.test')).toBe(8);
    await login('higher@example.test', PASSWORD, deps);
    expect(await storedCost('higher@example.test')).toBe(CONFIGURED);
  });

  it('compares an unknown email against a dummy hash made at the configured cost', async () => {
    expect(hashCost(await dummyHash(CONFIGURED))).toBe(CONFIGURED);
    expect(await workOf(() => login('nobody@example.test', PASSWORD, deps))).toBe(2 ** CONFIGURED);
  });

  it('refuses a known email whose hash is cheaper with as much work as an unknown email, before it is re-made', async () => {
    await storedUser('cheap@example.test', 4);
    const unknown = await workOf(() => login('nobody-else@example.test', 'not the password', deps));
    const known = await workOf(() => login('cheap@example.test', 'not the password', deps));
    expect(known).toBe(unknown);
    expect(unknown).toBe(2 ** CONFIGURED);
  });
});
