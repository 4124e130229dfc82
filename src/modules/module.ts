// What a domain module gives the app: resolvers, the policy of each root field, optional HTTP routes.
import type { Router } from 'express';
import type { PolicyMap } from '../auth/policy';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import type { Resolvers } from '../generated/graphql';

/** A module's share of the resolvers, typed from the SDL (src/generated/graphql.ts, `npm run codegen`). */
export type ModuleResolvers = Resolvers;

export interface RouteDeps {
  config: Config;
  log: Logger;
}

export interface AppModule {
  name: string;
  resolvers: ModuleResolvers;
  policies: PolicyMap;
  /** Plain HTTP endpoints (exports, GeoJSON...), mounted at the root of the app. */
  routes?: (router: Router, deps: RouteDeps) => void;
  /** Idempotent repair run at every boot, after the database is connected (e.g. envelope reconciliation). */
  onBoot?: (deps: RouteDeps & { embedded: boolean }) => Promise<void>;
}
