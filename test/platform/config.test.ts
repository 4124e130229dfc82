// Configuration is validated once at boot: every bad variable is named, production refuses unsafe defaults.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig, secretStrength } from '../../src/config';

const STRONG_SECRET = 'q3V9zK1mX7pL0sT4wB8nR2cY6hJ5dF0gA9eU3iO7';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('loadConfig', () => {
  it('starts in development with safe defaults and freezes the result', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 4000, mongodbUri: '', seedOnStart: true, maxQueryDepth: 10 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses production without MONGODB_URI and without a strong JWT_SECRET, naming both', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^MONGODB_URI is required/), expect.stringMatching(/^JWT_SECRET must be set/)]));
  });

  it('refuses a short JWT_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^JWT_SECRET must be set to a random string of at least 32 characters/),
    ]);
  });

  it('accepts production with a database and a strong secret, and does not seed', () => {
    const config = loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: STRONG_SECRET });
    expect(config).toMatchObject({ nodeEnv: 'production', seedOnStart: false, bcryptCost: 12 });
  });

  it('judges JWT_SECRET by its entropy in production, not only its length', () => {
    const production = (secret: string) => problemsOf({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: secret });
    for (const weak of [
      'x'.repeat(32),
      'x'.repeat(64),
      'ab'.repeat(20),
      'abcdefgh'.repeat(5),
      'Qw3rTy9!'.repeat(6),
      '0000000000000000111111111111111122222222',
    ]) {
      expect({ weak, problems: production(weak) }).toEqual({
        weak,
        problems: [expect.stringMatching(/^JWT_SECRET looks guessable \(about \d+ bits of entropy, \d+ distinct characters/)],
      });
    }
    // Random secrets as operators make them: base64 and hex from a generator.
    for (const strong of [
      STRONG_SECRET,
      'xpMbIiWAsDsLunC57qMP1onEjpcXAtMK+Gf2XtRpFtb++T3M',
      'df32856f21694180d9a55b2c7900cf8f',
      '32e08de783770e8399d7f17d9521726ae8c8bdf7c3423dbcb6f71f7e3ed3ae33',
    ]) {
      expect({ strong, problems: production(strong) }).toEqual({ strong, problems: [] });
    }
    expect(secretStrength('x'.repeat(32))).toEqual({ bits: 0, distinct: 1 });
    expect(secretStrength('abcd').bits).toBeCloseTo(8);
    expect(secretStrength('abcd'.repeat(10))).toEqual(secretStrength('abcd'));
    // Outside production the development secret is fine.
    expect(problemsOf({ JWT_SECRET: 'x'.repeat(32) })).toEqual([]);
  });

  it('reads TRUST_PROXY as addresses and CIDRs, a hop count or false, and trusts only loopback by default', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '172.28.0.10, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual(['172.28.0.10', '10.0.0.0/8', 'fd00::1']);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33, proxy.local' })).toEqual([
      'TRUST_PROXY must be false, a hop count, or proxy addresses/CIDRs separated by commas (not understood: "10.0.0.0/33, proxy.local")',
    ]);
    expect(problemsOf({ TRUST_PROXY: '50' })).toEqual(['TRUST_PROXY as a hop count must be 0 to 10 (got "50")']);
  });

  it('reads the HTTP timeouts, and refuses a header timeout above the request timeout', () => {
    expect(loadConfig({})).toMatchObject({ httpRequestTimeoutMs: 30_000, httpHeadersTimeoutMs: 10_000, httpKeepAliveTimeoutMs: 65_000 });
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS (6000) must not exceed HTTP_REQUEST_TIMEOUT_MS (5000)',
    ]);
  });

  it('reads how /metrics is exposed and whether introspection is on', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: 0, metricsToken: '', graphqlIntrospection: true });
    const production = { NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: STRONG_SECRET };
    expect(loadConfig(production).graphqlIntrospection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true', METRICS_PORT: '9464' })).toMatchObject({ graphqlIntrospection: true, metricsPort: 9464 });
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN must be at least 32 characters (or empty)']);
    expect(problemsOf({ METRICS_PORT: '4000' })).toEqual(['METRICS_PORT must differ from PORT (or be 0)']);
  });

  it.each([
    ['PORT', 'eighty', /^PORT must be an integer between 0 and 65535/],
    ['PORT', '70000', /^PORT must be an integer/],
    ['MONGODB_URI', 'postgres://x', /^MONGODB_URI must start with mongodb:\/\//],
    ['NODE_ENV', 'staging', /^NODE_ENV must be development, test or production/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of/],
    ['SEED_ON_START', 'maybe', /^SEED_ON_START must be true or false/],
    ['CITY_SIRET', '123', /^CITY_SIRET must be/],
    ['MAX_QUERY_DEPTH', '0', /^MAX_QUERY_DEPTH must be an integer between 2 and 50/],
  ])('names %s when it is invalid (%s)', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(message)]);
  });

  it('reports every invalid variable at once', () => {
    expect(problemsOf({ PORT: '-1', BCRYPT_COST: '99', MAX_ALIASES: 'many' })).toHaveLength(3);
  });
});

describe('boot', () => {
  it('stops the real server before it touches anything when production config is unsafe, exiting 78 with the reasons', () => {
    const root = join(__dirname, '..', '..');
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'index.ts')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/MONGODB_URI is required/);
    expect(run.stderr).toMatch(/JWT_SECRET must be set/);
  });
});
