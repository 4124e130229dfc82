// Configuration is validated once at boot: every bad variable is named, production refuses unsafe defaults.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

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
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^MONGODB_URI is required/), expect.stringMatching(/^JWT_SECRET must be set/)]),
    );
  });

  it('refuses a short JWT_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^JWT_SECRET must be set to a random string of at least 32 characters/),
    ]);
  });

  it('accepts production with a database and a strong secret, and does not seed', () => {
    const config = loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/maillage', JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ nodeEnv: 'production', seedOnStart: false, bcryptCost: 12 });
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
