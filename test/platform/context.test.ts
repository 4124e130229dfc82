// The request context is read-only once built, and loaders live under one name per module.
import { continueAs, createContext } from '../../src/context';
import { namespacedLoaders } from '../../src/loaders';
import { createLogger } from '../../src/shared/logger';
import { testConfig } from '../../src/config';
import type { Viewer } from '../../src/auth/viewer';

const deps = { config: testConfig(), log: createLogger('silent') };
const member: Viewer = { id: '64b000000000000000000001', email: 'm@example.test', name: 'M', role: 'MEMBER', memberships: [] };

describe('request context', () => {
  it('is frozen, and so is its viewer: a service cannot edit who is asking', () => {
    const ctx = createContext(deps, member);
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(() => {
      (ctx as { requestId: string }).requestId = 'other';
    }).toThrow(TypeError);
    expect(() => ctx.viewer!.memberships.push({ organisationId: 'x', role: 'MANAGER' })).toThrow(TypeError);
    expect(member.memberships).toEqual([]);
  });

  it('answers the rest of a request for a new viewer only through continueAs, which swaps a frozen copy in', () => {
    const ctx = createContext(deps, null);
    const next = { ...member, memberships: [{ organisationId: 'o1', role: 'MANAGER' as const }] };
    continueAs(ctx, next);
    expect(ctx.viewer).toEqual(next);
    expect(Object.isFrozen(ctx.viewer)).toBe(true);
    // A copy of the context (Apollo makes one per operation) shares the same viewer.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(ctx)) as object, ctx) as typeof ctx;
    continueAs(copy, member);
    expect(ctx.viewer?.memberships).toEqual([]);
  });

  it('namespaces loaders per module, and refuses a name registered twice when the app starts', () => {
    const loaders = createContext(deps).loaders;
    expect(Object.keys(loaders).sort()).toEqual(['activity', 'document', 'dossier', 'grants', 'letters', 'network', 'organisation', 'reference', 'user']);
    expect(typeof loaders.organisation.byId.load).toBe('function');
    expect(() =>
      namespacedLoaders([
        ['user', () => ({})],
        ['user', () => ({})],
      ]),
    ).toThrow('Loaders "user" are registered twice');
  });
});
