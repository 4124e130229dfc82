// Deny by default: every root field of the schema must declare who may call it, and schema.ts refuses
// to build otherwise. A declaration is the coarse gate (signed in? which role?); object-level rules
// (a member of *this* organisation) live in each module's policy functions, called by its service.
import type { GraphQLFieldResolver } from 'graphql';
import { forbidden, unauthenticated } from '../errors/app-error';
import type { Role, Viewer } from './viewer';

export type Policy = { readonly kind: 'public' } | { readonly kind: 'authenticated' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const PUBLIC: Policy = Object.freeze({ kind: 'public' });
export const AUTHENTICATED: Policy = Object.freeze({ kind: 'authenticated' });
export const roles = (...allowed: Role[]): Policy => Object.freeze({ kind: 'roles', roles: allowed });

export interface PolicyMap {
  Query?: Record<string, Policy>;
  Mutation?: Record<string, Policy>;
}

export function describePolicy(p: Policy): string {
  if (p.kind === 'public') return 'public';
  if (p.kind === 'authenticated') return 'signed in';
  return p.roles.join(', ');
}

/** Throws UNAUTHENTICATED or FORBIDDEN when the viewer does not pass the declared gate. */
export function enforcePolicy(policy: Policy, viewer: Viewer | null, operation: string): void {
  if (policy.kind === 'public') return;
  if (!viewer) throw unauthenticated(`Sign in to use ${operation}.`);
  if (policy.kind === 'roles' && !policy.roles.includes(viewer.role)) {
    throw forbidden(`${operation} is reserved to: ${policy.roles.join(', ')}.`);
  }
}

export function guard<TSource, TContext extends { viewer: Viewer | null }, TArgs>(
  policy: Policy,
  operation: string,
  resolve: GraphQLFieldResolver<TSource, TContext, TArgs>,
): GraphQLFieldResolver<TSource, TContext, TArgs> {
  return (source, args, context, info) => {
    enforcePolicy(policy, context.viewer, operation);
    return resolve(source, args, context, info);
  };
}
