// Per request: who is asking, fresh loaders, the request id. Connections and config are made once at boot.
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Logger } from './shared/logger';
import type { Viewer } from './auth/viewer';
import { bearerToken } from './auth/token';
import { viewerFromToken, type SignInGate } from './modules/user/user.service';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  requestId: string;
  viewer: Viewer | null;
  loaders: Loaders;
  config: Config;
  log: Logger;
  /** The sign-in limits of this request's client address (src/ops/sign-in-limits.ts); absent without HTTP. */
  signIn?: SignInGate | null;
}

export interface ContextDeps {
  config: Config;
  log: Logger;
}

/** A context without HTTP, for services called from tests, seeds and scripts. */
export function createContext(deps: ContextDeps, viewer: Viewer | null = null, requestId: string = randomUUID()): Context {
  return { requestId, viewer, loaders: createLoaders(), config: deps.config, log: deps.log.child({ requestId }) };
}

/** Builds the context from the HTTP request; a present but invalid token is refused, never ignored. */
export async function contextFromRequest(
  deps: ContextDeps,
  headers: { authorization?: string | undefined },
  requestId: string,
  signIn: SignInGate | null = null,
): Promise<Context> {
  const token = bearerToken(headers.authorization);
  const viewer = token ? await viewerFromToken(token, deps.config.jwtSecret) : null;
  const ctx = createContext(deps, viewer, requestId);
  ctx.signIn = signIn;
  if (viewer) ctx.log = ctx.log.child({ userId: viewer.id });
  return ctx;
}
