// The acting viewer: who is asking, with the organisations they are recused from (their declared conflicts of
// interest), read once per request through the organisation's loader. Every recusal check, the organisation's
// and the grants', starts here.
import type { Context } from '../../context';
import { isStaff } from '../../auth/viewer';
import type { Actor } from './organisation.policy';

const NONE: ReadonlySet<string> = new Set();

/**
 * The viewer with the organisations they are recused from: one query per request for staff (the
 * loader's cache answers every later check), none for anyone else.
 */
export async function actorOf(ctx: Pick<Context, 'viewer' | 'loaders'>): Promise<Actor> {
  const viewer = ctx.viewer;
  if (!viewer || !isStaff(viewer)) return { viewer, recusedFrom: NONE };
  const conflicts = await ctx.loaders.organisation.recusalsByOfficer.load(viewer.id);
  return { viewer, recusedFrom: new Set(conflicts.map((c) => String(c.organisation))) };
}

/**
 * Runs a root field's work while the actor loads, so that every field below it finds the actor already
 * there: their own loads (authors, organisations...) then fall in the same batches whatever the page size.
 */
export async function withActor<T>(ctx: Pick<Context, 'viewer' | 'loaders'>, work: Promise<T>): Promise<T> {
  const [result] = await Promise.all([work, actorOf(ctx)]);
  return result;
}
