// The lifecycle table is the one source of "which status allows which step": for every step and every
// status, the policy's answer, the `permissions { canX }` field and what the command path accepts agree,
// and the accepted statuses are exactly the table's `from` list.
import { Types } from 'mongoose';
import { useTestDatabase } from '../../helpers/db';
import { AppError } from '../../../src/errors/app-error';
import { ACTIONS, GRANT_STATUSES, TRANSITIONS, type Action, type GrantStatus } from '../../../src/modules/grants/kernel/lifecycle';
import { GrantApplicationModel, type App } from '../../../src/modules/grants/application/grant-application.model';
import { checkStep, PERMISSION_STEPS, permissionsOf } from '../../../src/modules/grants/application/grant-application.policy';
import { actorOf } from '../../../src/modules/grants/application/grant-application.queries';
import { applyChange, command } from '../../../src/modules/grants/commands/command';
import { ctxFor, makeCast } from './fixtures';

useTestDatabase();

/** The steps an applicant takes; officers take the others. */
const APPLICANT_STEPS: readonly Action[] = ['EDIT', 'SUBMIT', 'WITHDRAW', 'SUBMIT_FINAL_REPORT', 'SUBMIT_INTERIM_REPORT', 'SEND_MESSAGE'];

let seq = 0;
async function applicationIn(status: GrantStatus, organisation: unknown, createdBy: unknown): Promise<App> {
  const ids = { organisation: new Types.ObjectId(String(organisation)), createdBy: new Types.ObjectId(String(createdBy)) };
  const doc = await GrantApplicationModel.create({
    number: `2026-T${String(++seq).padStart(5, '0')}`,
    organisation: ids.organisation,
    programme: new Types.ObjectId(),
    year: 2026,
    title: 'Table walk',
    description: 'An application put straight into a status.',
    requestedAmount: 100_000,
    status,
    createdBy: ids.createdBy,
  });
  return doc.toObject() as App;
}

async function accepted(run: Promise<unknown>): Promise<boolean> {
  try {
    await run;
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

describe('the lifecycle table', () => {
  it('decides alone which status allows which step: policy, permissions and the command path agree on every pair', async () => {
    const { org, member, officer } = await makeCast();
    const actorFor = (action: Action) => (APPLICANT_STEPS.includes(action) ? member : officer);
    const acceptedBy = new Map<string, boolean>();
    for (const action of ACTIONS) {
      const statuses: GrantStatus[] = [];
      for (const status of GRANT_STATUSES) {
        const ctx = ctxFor(actorFor(action));
        const app = await applicationIn(status, org._id, member._id);
        const policySays = checkStep(action, await actorOf(ctx), app) === null;
        // The command path with a change that writes nothing but the step itself.
        const commandSays = await accepted(command(ctx, String(app._id), { action, change: () => ({}) }));
        expect({ action, status, commandSays }).toEqual({ action, status, commandSays: policySays });
        acceptedBy.set(`${action}:${status}`, commandSays);
        if (commandSays) statuses.push(status);
      }
      expect({ action, statuses }).toEqual({ action, statuses: GRANT_STATUSES.filter((s) => (TRANSITIONS[action].from as readonly string[]).includes(s)) });
    }
    // Each permission is true exactly when one of its steps is accepted, for the actor who takes them.
    for (const status of GRANT_STATUSES) {
      for (const [name, steps] of Object.entries(PERMISSION_STEPS)) {
        const ctx = ctxFor(actorFor(steps[0]));
        const app = await applicationIn(status, org._id, member._id);
        const shown = permissionsOf(await actorOf(ctx), app)[name as keyof typeof PERMISSION_STEPS];
        expect({ name, status, shown }).toEqual({ name, status, shown: steps.some((s) => acceptedBy.get(`${s}:${status}`)) });
      }
    }
  });

  it('refuses, in the write itself, a step from a status the table does not allow, with the message naming the allowed ones', async () => {
    const { org, member } = await makeCast();
    const system = { viewer: null };
    for (const action of ACTIONS) {
      const from = TRANSITIONS[action].from as readonly string[];
      for (const status of GRANT_STATUSES) {
        const app = await applicationIn(status, org._id, member._id);
        let refusal: AppError | null = null;
        try {
          await applyChange(system, app, action, {});
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          refusal = err;
        }
        if (from.includes(status)) {
          expect({ action, status, refusal }).toEqual({ action, status, refusal: null });
          const to = (TRANSITIONS[action] as { to?: string }).to ?? status;
          expect((await GrantApplicationModel.findById(app._id).lean())!.status).toBe(to);
        } else {
          expect(refusal?.code).toBe('INVALID_TRANSITION');
          expect(refusal?.message).toMatch(new RegExp(`that is ${status}; it must be ${from.join(' or ')}\\.$`));
          expect((await GrantApplicationModel.findById(app._id).lean())!.status).toBe(status);
        }
      }
    }
  });
});
