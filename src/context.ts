// Per request: who is asking, fresh loaders, the request id. Connections and config are made once at boot.
// The context is frozen once built; it knows nothing of the modules (the app gives it `resolveViewer`).
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Logger } from './shared/logger';
import type { Membership, Viewer } from './auth/viewer';
import { bearerToken } from './auth/token';
import type { AccountRequestGate, SignInGate } from './modules/user/user.service';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  readonly requestId: string;
  /** Who is asking (frozen). Replaced as a whole, never edited, by `continueAs`. */
  readonly viewer: Viewer | null;
  readonly loaders: Loaders;
  readonly config: Config;
  readonly log: Logger;
  /** The sign-in limits of this request's client address (src/ops/sign-in-limits.ts); absent without HTTP. */
  readonly signIn?: SignInGate | null;
  /** The limits of account emails from this client address (src/ops/account-limits.ts); absent without HTTP. */
  readonly accountRequests?: AccountRequestGate | null;
  /**
   * Runs `task` once this request's response is sent (without HTTP: on the next turn of the event loop):
   * work whose cost must not show in the reply's timing, such as an email only real accounts get.
   */
  readonly afterResponse: (task: () => void) => void;
}

export interface ContextDeps {
  config: Config;
  log: Logger;
}

export interface RequestContextDeps extends ContextDeps {
  /** Verifies a bearer token and loads the person it names (the user module's `viewerFromToken`). */
  resolveViewer: (token: string) => Promise<Viewer>;
}

const freezeMemberships = (list: readonly Membership[] | undefined) => list && Object.freeze(list.map((m) => Object.freeze({ ...m })));

function freezeViewer(v: Viewer | null): Viewer | null {
  if (!v || Object.isFrozen(v)) return v;
  return Object.freeze({
    ...v,
    memberships: freezeMemberships(v.memberships) as Membership[],
    invitations: freezeMemberships(v.invitations) as Membership[] | undefined,
  });
}

// The viewer lives in a slot the context's clones share (Apollo copies the context per operation), read
// through a getter on the prototype (which those copies keep).
const SLOT = Symbol('viewer');
interface Slot {
  current: Viewer | null;
}
const contextPrototype = Object.freeze(
  Object.create(Object.prototype, {
    viewer: {
      get(this: { [SLOT]: Slot }) {
        return this[SLOT].current;
      },
    },
  }) as object,
);

/**
 * The rest of this request is answered for `next`: the person who just signed in, or the viewer with
 * the membership they just gained. GraphQL gives every field of an operation the same context, so the
 * context keeps one slot for the viewer; this is the only way to change it, and it swaps a new frozen
 * viewer in rather than editing the old one.
 */
export function continueAs(ctx: Context, next: Viewer | null): void {
  const slot = (ctx as Context & { [SLOT]?: Slot })[SLOT];
  if (!slot) throw new Error('continueAs: this context was not made by createContext.');
  slot.current = freezeViewer(next);
}

/** A context without HTTP, for services called from tests, seeds and scripts. */
export function createContext(
  deps: ContextDeps,
  viewer: Viewer | null = null,
  requestId: string = randomUUID(),
  extra: { signIn?: SignInGate | null; accountRequests?: AccountRequestGate | null; afterResponse?: (task: () => void) => void } = {},
): Context {
  const slot: Slot = { current: freezeViewer(viewer) };
  const log = deps.log.child(slot.current ? { requestId, userId: slot.current.id } : { requestId });
  const fields = {
    requestId,
    loaders: createLoaders(),
    config: deps.config,
    log,
    signIn: extra.signIn ?? null,
    accountRequests: extra.accountRequests ?? null,
    afterResponse: extra.afterResponse ?? ((task: () => void) => void setImmediate(task)),
    [SLOT]: slot,
  };
  const ctx: Context = Object.assign(Object.create(contextPrototype) as Pick<Context, 'viewer'>, fields);
  return Object.freeze(ctx);
}

/** Builds the context from the HTTP request; a present but invalid token is refused, never ignored. */
export async function contextFromRequest(
  deps: RequestContextDeps,
  headers: { authorization?: string | undefined },
  requestId: string,
  signIn: SignInGate | null = null,
  accountRequests: AccountRequestGate | null = null,
  afterResponse?: (task: () => void) => void,
): Promise<Context> {
  const token = bearerToken(headers.authorization);
  const viewer = token ? await deps.resolveViewer(token) : null;
  return createContext(deps, viewer, requestId, { signIn, accountRequests, afterResponse });
}
