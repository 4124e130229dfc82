// A manager's invitation does the same database work whether or not the email belongs to an account
// (issue 9, finding 8: the time it took told which emails are member accounts). Proven by recording
// every command the driver sends, not by timing.
import mongoose from 'mongoose';
import { commandsDuring } from '../../helpers/commands';
import { connectionOptions, ensureIndexes } from '../../../src/db';
import { createContext } from '../../../src/context';
import { testConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import { addOrganisationMember } from '../../../src/modules/organisation/organisation.service';
import { toViewer } from '../../../src/modules/user/user.service';
import { UserModel } from '../../../src/modules/user/user.model';
import { databaseUri } from '../../helpers/db';
import { makeOrganisation, makeUser } from '../../helpers/factories';

// This file's own database, like useTestDatabase(), with the driver's command monitoring on.
beforeAll(async () => {
  await mongoose.connect(databaseUri(), { ...connectionOptions({ dbTimeoutMs: 5000 }), monitorCommands: true });
  await ensureIndexes();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

const log = createLogger('silent');

describe('a manager adding a member by email', () => {
  it('sends the same commands for a member account, an unknown email, a staff account and someone already invited', async () => {
    const org = await makeOrganisation();
    const manager = await makeUser({ memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
    const member = await makeUser();
    const officer = await makeUser({ role: 'OFFICER' });
    const ctx = () => createContext({ config: testConfig(), log }, toViewer(manager.user));
    const add = (email: string) => () => addOrganisationMember(ctx(), { organisationId: String(org._id), email });

    const forMember = await commandsDuring(add(member.user.email));
    const forUnknown = await commandsDuring(add('nobody.here@example.test'));
    const forStaff = await commandsDuring(add(officer.user.email));
    const forInvitedAgain = await commandsDuring(add(member.user.email));

    expect(forMember.length).toBeGreaterThan(0);
    expect(forMember).toContain('update users');
    expect(forUnknown).toEqual(forMember);
    expect(forStaff).toEqual(forMember);
    expect(forInvitedAgain).toEqual(forMember);

    // The work had its effect where it should: the member account is invited once, nobody else.
    const invited = await UserModel.findById(member.user._id).lean();
    expect(invited!.memberships.filter((m) => String(m.organisation) === String(org._id))).toEqual([
      expect.objectContaining({ status: 'INVITED', role: 'EDITOR' }),
    ]);
    expect((await UserModel.findById(officer.user._id).lean())!.memberships).toEqual([]);
    expect(await UserModel.countDocuments({ email: 'nobody.here@example.test' })).toBe(0);
  });
});
