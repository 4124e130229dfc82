// Every environment variable the server reads: typed, defaulted, validated once at boot, frozen.
// The README's configuration table mirrors `describeConfig()`; keep them together.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { isValidSiret } from './shared/identifiers';

export type NodeEnv = 'development' | 'test' | 'production';

export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  /** Empty when the embedded MongoDB should be used (development and demo only). */
  readonly mongodbUri: string;
  /** Folder for the embedded MongoDB's files. */
  readonly dataDir: string;
  /** Seed demo data when the embedded database is empty on first start. */
  readonly seedOnStart: boolean;
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly bcryptCost: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  /** Largest document accepted by POST /api/documents; larger is 413 FILE_TOO_LARGE. */
  readonly maxUploadBytes: number;
  /** Bytes of documents each organisation may keep (every stored file counted once); beyond, QUOTA_EXCEEDED. */
  readonly documentQuotaBytes: number;
  readonly maxQueryDepth: number;
  readonly maxQueryCost: number;
  readonly maxAliases: number;
  /** The city's legal identity, used by the open-data publication. */
  readonly cityName: string;
  readonly citySiret: string;
  /** The commune's INSEE code (5 characters, 2A/2B for Corsica). */
  readonly cityInsee: string;
  /** The town hall's postal address, one entry per line; the last line is "<postcode> <town>". */
  readonly cityAddress: readonly string[];
  /** A PNG, JPEG or SVG file of the city's logo for letters; empty when there is none. */
  readonly cityLogoPath: string;
  /** The administrative court that hears appeals against the city's decisions, as letters name it. */
  readonly cityCourt: string;
  /** A GeoJSON file of the commune's outline, added to the union of its neighbourhoods for the city-bounds check; empty for none. */
  readonly cityBoundsPath: string;
  /** How long a database operation may wait before failing with SERVICE_UNAVAILABLE. */
  readonly dbTimeoutMs: number;
  /** Failed sign-ins allowed per (account, address) in the window; also where the account's delay starts. */
  readonly loginMaxAttempts: number;
  /** Failed sign-ins allowed per address, whatever the account, in the window. */
  readonly loginMaxAttemptsPerAddress: number;
  /** Longest delay an account under attack imposes on each sign-in attempt. */
  readonly loginMaxDelaySeconds: number;
  readonly loginWindowSeconds: number;
  /** Account emails (registration, verification resend, reset request) allowed per email address in the window. */
  readonly accountRequestsPerEmail: number;
  /** The same requests allowed per client address, whatever the emails, in the window. */
  readonly accountRequestsPerAddress: number;
  readonly accountRequestWindowSeconds: number;
  /** Requests allowed per token (or per address when anonymous) in the window. */
  readonly requestsPerWindow: number;
  readonly requestWindowSeconds: number;
  /** How long graceful shutdown waits for requests in flight. */
  readonly shutdownTimeoutMs: number;
  /** Serve /metrics (Prometheus). */
  readonly metricsEnabled: boolean;
  /** Where rate-limit counters live: this process's memory, or MongoDB so several instances share them. */
  readonly rateLimitStore: 'memory' | 'mongo';
  /** Answer introspection queries (__schema, __type). */
  readonly graphqlIntrospection: boolean;
  /** Which peers may set the client address through X-Forwarded-For: addresses/CIDRs, a hop count, or none. */
  readonly trustProxy: readonly string[] | number | false;
  /** Slow clients: the whole request, its headers, and an idle kept-alive connection (milliseconds). */
  readonly httpRequestTimeoutMs: number;
  readonly httpHeadersTimeoutMs: number;
  readonly httpKeepAliveTimeoutMs: number;
  /** Bearer token required by /metrics on the API port (empty: none). */
  readonly metricsToken: string;
  /** A separate port for /metrics only (0: on the API port). */
  readonly metricsPort: number;
  /** Serve the GraphiQL explorer at GET /graphql to browsers (the API itself answers either way). */
  readonly graphqlExplorer: boolean;
  /** Where people reach the application: the base of every link in emails and notifications (no trailing slash). */
  readonly publicUrl: string;
  /** SMTP server of outgoing emails (smtp:// or smtps://); empty: nothing is sent, messages are logged and kept in the outbox. */
  readonly smtpUrl: string;
  /** The From of outgoing emails. */
  readonly mailFrom: string;
  /** Days a delivered outbox message (email, webhook delivery) is kept before it is purged. */
  readonly outboxRetentionDays: number;
  /** Allow webhook targets that resolve to loopback or private addresses (tests, intranets). */
  readonly webhookAllowPrivateTargets: boolean;
  /** How often the dispatcher looks for messages to deliver when idle. */
  readonly dispatchIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'maillage-development-secret-not-for-production';

type Env = Record<string, string | undefined>;

/** Reads and validates the environment. Throws a ConfigError naming every bad variable at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const str = (name: string, fallback: string): string => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const nodeEnvRaw = str('NODE_ENV', 'development');
  let nodeEnv: NodeEnv = 'development';
  if (nodeEnvRaw === 'development' || nodeEnvRaw === 'test' || nodeEnvRaw === 'production') nodeEnv = nodeEnvRaw;
  else problems.push(`NODE_ENV must be development, test or production (got "${nodeEnvRaw}")`);
  const production = nodeEnv === 'production';

  const mongodbUri = str('MONGODB_URI', '');
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  if (production && !mongodbUri) problems.push('MONGODB_URI is required when NODE_ENV=production');

  const jwtSecret = str('JWT_SECRET', production ? '' : DEV_JWT_SECRET);
  if (production && (jwtSecret.length < 32 || jwtSecret === DEV_JWT_SECRET)) {
    problems.push('JWT_SECRET must be set to a random string of at least 32 characters when NODE_ENV=production');
  } else if (production) {
    const { bits, distinct } = secretStrength(jwtSecret);
    if (bits < MIN_SECRET_BITS || distinct < MIN_SECRET_DISTINCT) {
      problems.push(
        `JWT_SECRET looks guessable (about ${Math.floor(bits)} bits of entropy, ${distinct} distinct characters; at least ${MIN_SECRET_BITS} bits and ${MIN_SECRET_DISTINCT} distinct are needed): use random characters, e.g. the output of \`openssl rand -base64 48\``,
      );
    }
  }

  const logLevel = str('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info');
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  if (!(levels as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${levels.join(', ')} (got "${logLevel}")`);
  }

  const rateLimitStore = str('RATE_LIMIT_STORE', 'memory');
  if (rateLimitStore !== 'memory' && rateLimitStore !== 'mongo') {
    problems.push(`RATE_LIMIT_STORE must be memory or mongo (got "${rateLimitStore}")`);
  }

  const trustProxy = parseTrustProxy(str('TRUST_PROXY', 'loopback'), problems);

  const metricsToken = str('METRICS_TOKEN', '');
  if (metricsToken && metricsToken.length < 32) problems.push('METRICS_TOKEN must be at least 32 characters (or empty)');

  // The default is the commune of Aix-en-Provence's SIREN (211300017) with a check-valid establishment
  // number: other cities, and Aix if its town hall's establishment differs, set their own.
  const citySiret = str('CITY_SIRET', '21130001700012');
  if (!isValidSiret(citySiret)) problems.push('CITY_SIRET must be a valid SIRET: 14 digits with a correct check digit');

  const cityInsee = str('CITY_INSEE', '13001');
  if (!/^(\d{5}|2[AB]\d{3})$/.test(cityInsee))
    problems.push(`CITY_INSEE must be an INSEE commune code of 5 characters, e.g. 13001 or 2A004 (got "${cityInsee}")`);
  // Lines separated by ";" (a street number may carry a comma): the last one is the postcode and the town.
  const cityAddress = str('CITY_ADDRESS', "Hôtel de Ville; Place de l'Hôtel de Ville; 13100 Aix-en-Provence")
    .split(';')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!cityAddress.length || cityAddress.length > 6 || !/^\d{5} \S/.test(cityAddress.at(-1)!) || cityAddress.some((l) => l.length > 120)) {
    problems.push('CITY_ADDRESS must be 1 to 6 lines separated by ";", each at most 120 characters, the last one "<5-digit postcode> <town>"');
  }
  const cityLogoPath = str('CITY_LOGO', '');
  if (cityLogoPath && !/\.(png|jpe?g|svg)$/i.test(cityLogoPath)) problems.push(`CITY_LOGO must be a .png, .jpg or .svg file (got "${cityLogoPath}")`);
  else if (cityLogoPath && !existsSync(cityLogoPath)) problems.push(`CITY_LOGO names a file that does not exist: "${cityLogoPath}"`);
  const cityBoundsPath = str('CITY_BOUNDS', '');
  if (cityBoundsPath && !existsSync(cityBoundsPath)) problems.push(`CITY_BOUNDS names a file that does not exist: "${cityBoundsPath}"`);

  const publicUrl = str('PUBLIC_URL', `http://localhost:${env.PORT?.trim() || 4000}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}")`);
  const smtpUrl = str('SMTP_URL', '');
  if (smtpUrl && !/^smtps?:\/\/\S+$/.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps:// (or be empty)');
  const mailFrom = str('MAIL_FROM', 'Maillage <no-reply@localhost>');
  if (/[\r\n]/.test(mailFrom) || !/@/.test(mailFrom))
    problems.push(`MAIL_FROM must be one email address, optionally with a name: "Ville <no-reply@ville.fr>" (got "${mailFrom}")`);

  const config: Config = {
    nodeEnv,
    port: int('PORT', 4000, 0, 65535),
    mongodbUri,
    dataDir: str('DATA_DIR', '.data'),
    seedOnStart: bool('SEED_ON_START', !production),
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    bcryptCost: int('BCRYPT_COST', production ? 12 : 10, 4, 15),
    logLevel: (levels as readonly string[]).includes(logLevel) ? (logLevel as Config['logLevel']) : 'info',
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
    maxUploadBytes: int('MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    documentQuotaBytes: int('DOCUMENT_QUOTA_BYTES', 500 * 1024 * 1024, 1024, 1024 * 1024 * 1024 * 1024),
    maxQueryDepth: int('MAX_QUERY_DEPTH', 10, 2, 50),
    maxQueryCost: int('MAX_QUERY_COST', 20000, 100, 1_000_000),
    maxAliases: int('MAX_ALIASES', 15, 1, 1000),
    cityName: str('CITY_NAME', "Commune d'Aix-en-Provence"),
    citySiret,
    cityInsee,
    cityAddress: Object.freeze(cityAddress),
    cityLogoPath,
    cityCourt: str('CITY_COURT', 'tribunal administratif de Marseille'),
    cityBoundsPath,
    dbTimeoutMs: int('DB_TIMEOUT_MS', 1500, 100, 60_000),
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', 10, 1, 10_000),
    loginMaxAttemptsPerAddress: int('LOGIN_MAX_ATTEMPTS_PER_ADDRESS', 30, 1, 100_000),
    loginMaxDelaySeconds: int('LOGIN_MAX_DELAY_SECONDS', 10, 1, 60),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    accountRequestsPerEmail: int('ACCOUNT_REQUESTS_PER_EMAIL', 5, 1, 10_000),
    accountRequestsPerAddress: int('ACCOUNT_REQUESTS_PER_ADDRESS', 30, 1, 100_000),
    accountRequestWindowSeconds: int('ACCOUNT_REQUEST_WINDOW_SECONDS', 3600, 1, 86_400),
    requestsPerWindow: int('RATE_LIMIT_REQUESTS', 600, 1, 1_000_000),
    requestWindowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
    metricsEnabled: bool('METRICS_ENABLED', true),
    rateLimitStore: rateLimitStore === 'mongo' ? 'mongo' : 'memory',
    graphqlIntrospection: bool('GRAPHQL_INTROSPECTION', !production),
    trustProxy,
    httpRequestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    httpHeadersTimeoutMs: int('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    httpKeepAliveTimeoutMs: int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 65_000, 100, 600_000),
    metricsToken,
    metricsPort: int('METRICS_PORT', 0, 0, 65535),
    graphqlExplorer: bool('GRAPHQL_EXPLORER', !production),
    publicUrl,
    smtpUrl,
    mailFrom,
    outboxRetentionDays: int('OUTBOX_RETENTION_DAYS', 90, 1, 3650),
    webhookAllowPrivateTargets: bool('WEBHOOK_ALLOW_PRIVATE_TARGETS', !production),
    dispatchIntervalMs: int('DISPATCH_INTERVAL_MS', 1000, 50, 600_000),
  };

  // Node refuses a header timeout above the request timeout.
  if (config.httpHeadersTimeoutMs > config.httpRequestTimeoutMs) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS (${config.httpHeadersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${config.httpRequestTimeoutMs})`);
  }
  if (config.metricsPort && config.metricsPort === config.port) problems.push('METRICS_PORT must differ from PORT (or be 0)');

  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}

const MIN_SECRET_BITS = 72;
const MIN_SECRET_DISTINCT = 8;

/**
 * An estimate of a secret's strength from its own characters: Shannon entropy per character times the
 * length of its shortest repeating unit (`abcabc...` counts as `abc`), and the number of distinct
 * characters. It cannot prove randomness (no estimate can), but it refuses what is plainly not random:
 * one letter repeated, a short pattern, a handful of symbols. 32 random base64 characters give about 140
 * bits; 32 hex digits about 115, and never below 85 in two million draws.
 */
export function secretStrength(secret: string): { bits: number; distinct: number } {
  const all = [...secret];
  const period = all.findIndex((_, p) => p > 0 && all.length % p === 0 && all.every((c, i) => c === all[i % p]));
  const chars = period > 0 ? all.slice(0, period) : all;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / chars.length) * Math.log2(n / chars.length);
  return { bits: perChar * chars.length, distinct: counts.size };
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false`/`none` (no proxy: the peer is the client), a hop count (0 to 10), or a comma-separated
 * list of proxy addresses and CIDRs (`10.0.0.5, 172.28.0.0/24`), where Express's names `loopback`,
 * `linklocal` and `uniquelocal` are allowed when written out. Express takes the same forms.
 */
export function parseTrustProxy(raw: string, problems: string[]): readonly string[] | number | false {
  const value = raw.trim();
  if (/^(false|none)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
    problems.push(`TRUST_PROXY as a hop count must be 0 to 10 (got "${raw}")`);
    return false;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !NAMED_RANGES.has(e) && !isAddressOrCidr(e));
  if (!entries.length || bad.length) {
    problems.push(`TRUST_PROXY must be false, a hop count, or proxy addresses/CIDRs separated by commas (not understood: "${bad.join(', ') || raw}")`);
    return false;
  }
  return Object.freeze(entries);
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * A config for tests and scripts: the defaults of `test`, with overrides. Limits stay on, but high
 * enough that a test file signing in many times from 127.0.0.1 is not refused; the limit tests lower them.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    ...loadConfig({ NODE_ENV: 'test', BCRYPT_COST: '4', LOGIN_MAX_ATTEMPTS: '5000', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '50000', RATE_LIMIT_REQUESTS: '100000' }),
    ...overrides,
  });
}

export interface ConfigVariable {
  name: string;
  /** The default, in words when it depends on NODE_ENV. */
  default: string;
  description: string;
  /** Never logged, never printed. */
  secret?: boolean;
}

/** Every variable loadConfig reads, for the README's configuration table (a test keeps them in step). */
export function describeConfig(): ConfigVariable[] {
  return [
    {
      name: 'NODE_ENV',
      default: 'development',
      description: '`development`, `test` or `production`. Production requires MONGODB_URI and a real JWT_SECRET, and hides field suggestions.',
    },
    { name: 'PORT', default: '4000', description: 'HTTP port.' },
    {
      name: 'MONGODB_URI',
      default: '(empty)',
      description: 'MongoDB connection string (a replica set in production). Empty: an embedded MongoDB under DATA_DIR (development and demo only).',
    },
    { name: 'DATA_DIR', default: '.data', description: "Folder of the embedded MongoDB's files (unused with MONGODB_URI)." },
    { name: 'SEED_ON_START', default: 'true, false in production', description: 'Seed demo data when the embedded database is empty on first start.' },
    {
      name: 'JWT_SECRET',
      default: 'a development secret',
      description:
        'HMAC secret of session tokens; in production at least 32 random characters, judged by their entropy (an estimate of at least 72 bits and 8 distinct characters: `openssl rand -base64 48`). Every instance must share it.',
      secret: true,
    },
    { name: 'JWT_TTL_SECONDS', default: '28800', description: 'Session token lifetime (60 s to 30 days).' },
    { name: 'BCRYPT_COST', default: '10, 12 in production', description: 'bcrypt cost of password hashes (4 to 15).' },
    {
      name: 'LOG_LEVEL',
      default: 'info, silent in test',
      description: 'fatal, error, warn, info, debug, trace or silent. Logs are JSON lines on stdout (readable lines in development when stdout is a terminal).',
    },
    { name: 'BODY_LIMIT_BYTES', default: '102400', description: 'Largest accepted request body; larger is 413.' },
    {
      name: 'MAX_UPLOAD_BYTES',
      default: '20971520',
      description: 'Largest document accepted by POST /api/documents (20 MB); larger is 413 FILE_TOO_LARGE and nothing is kept.',
    },
    {
      name: 'DOCUMENT_QUOTA_BYTES',
      default: '524288000',
      description: 'Bytes of documents each organisation may keep (500 MB; the same file counted once); an upload beyond is refused with QUOTA_EXCEEDED.',
    },
    { name: 'MAX_QUERY_DEPTH', default: '10', description: 'Deepest selection a query may have.' },
    {
      name: 'MAX_QUERY_COST',
      default: '20000',
      description:
        'Highest cost of a query, computed from its document before it runs: each object costs 1 per time it is resolved, and a list multiplies what it selects by its size (its `first`, or its declared bound). Above it: 400 QUERY_TOO_COSTLY, nothing run.',
    },
    { name: 'MAX_ALIASES', default: '15', description: 'Most aliases in one query.' },
    { name: 'CITY_NAME', default: "Commune d'Aix-en-Provence", description: 'The city, as named in the open-data publication (nomAttribuant).' },
    {
      name: 'CITY_SIRET',
      default: '21130001700012',
      description: "The city's SIRET (idAttribuant of the SCDL publication), 14 digits with a valid check digit.",
    },
    { name: 'CITY_INSEE', default: '13001', description: "The commune's INSEE code (5 characters, 2A/2B for Corsica), answered by the `city` query." },
    {
      name: 'CITY_ADDRESS',
      default: "Hôtel de Ville; Place de l'Hôtel de Ville; 13100 Aix-en-Provence",
      description: 'The postal address on letters: up to 6 lines separated by `;`, the last one `<postcode> <town>`.',
    },
    {
      name: 'CITY_LOGO',
      default: '(empty)',
      description: "A .png, .jpg or .svg file of the city's logo for letters; the boot stops if it does not exist. Empty: no logo.",
    },
    {
      name: 'CITY_COURT',
      default: 'tribunal administratif de Marseille',
      description: "The administrative court that hears appeals against the city's decisions, as letters name it.",
    },
    {
      name: 'CITY_BOUNDS',
      default: '(empty)',
      description:
        "A GeoJSON file (Polygon, MultiPolygon, Feature or FeatureCollection) of the commune's outline: a location is inside the city when it is inside this outline or one of the neighbourhoods. Empty: the neighbourhoods alone.",
    },
    {
      name: 'DB_TIMEOUT_MS',
      default: '1500',
      description: "How long a request waits for an unreachable database before failing with SERVICE_UNAVAILABLE (503); also the /ready probe's timeout.",
    },
    {
      name: 'LOGIN_MAX_ATTEMPTS',
      default: '10',
      description:
        "Failed sign-ins allowed per account from one client address in the window; beyond, that address gets RATE_LIMITED (429) with Retry-After for that account. From this many failures of an account (from any address), each attempt on it waits: 1 s, doubling, up to LOGIN_MAX_DELAY_SECONDS; the right password is never refused for the account's count.",
    },
    {
      name: 'LOGIN_MAX_ATTEMPTS_PER_ADDRESS',
      default: '30',
      description: 'Failed sign-ins allowed per client address, whatever the accounts, in the window; beyond, RATE_LIMITED (429) with Retry-After.',
    },
    { name: 'LOGIN_MAX_DELAY_SECONDS', default: '10', description: 'Longest wait imposed on each sign-in attempt to an account under attack (1 to 60).' },
    { name: 'LOGIN_WINDOW_SECONDS', default: '900', description: 'The sign-in window.' },
    {
      name: 'ACCOUNT_REQUESTS_PER_EMAIL',
      default: '5',
      description:
        'Registrations, verification resends and password-reset requests allowed per email address (known or not) in the window; beyond, RATE_LIMITED (429) with Retry-After.',
    },
    { name: 'ACCOUNT_REQUESTS_PER_ADDRESS', default: '30', description: 'The same requests allowed per client address, whatever the emails, in the window.' },
    { name: 'ACCOUNT_REQUEST_WINDOW_SECONDS', default: '3600', description: 'The window of the account requests.' },
    {
      name: 'RATE_LIMIT_REQUESTS',
      default: '600',
      description: 'Requests allowed per account (signed in) or per client address (anonymous) in the window; beyond, RATE_LIMITED (429) with Retry-After.',
    },
    { name: 'RATE_LIMIT_WINDOW_SECONDS', default: '60', description: 'The request window.' },
    {
      name: 'RATE_LIMIT_STORE',
      default: 'memory',
      description: '`memory` (one instance) or `mongo`: counters in the `rate_limits` collection, shared by every instance.',
    },
    {
      name: 'SHUTDOWN_TIMEOUT_MS',
      default: '10000',
      description: 'On SIGTERM, how long requests in flight may take to finish before their connections are closed.',
    },
    {
      name: 'METRICS_ENABLED',
      default: 'true',
      description: 'Serve Prometheus metrics at GET /metrics. In production only with METRICS_PORT or METRICS_TOKEN; without either, /metrics is not served.',
    },
    { name: 'METRICS_PORT', default: '0', description: 'Serve /metrics on this port only (for the scraper on the internal network), not on PORT. 0: on PORT.' },
    {
      name: 'METRICS_TOKEN',
      default: '(empty)',
      description: 'When set (32+ characters), /metrics on PORT requires `Authorization: Bearer <token>`; otherwise 401.',
      secret: true,
    },
    {
      name: 'GRAPHQL_INTROSPECTION',
      default: 'true, false in production',
      description:
        'Answer introspection queries (__schema, __type). Production also hides "Did you mean" suggestions in errors. Turn it on with GRAPHQL_EXPLORER in production, which needs it.',
    },
    {
      name: 'TRUST_PROXY',
      default: 'loopback',
      description:
        'Peers allowed to set the client address (X-Forwarded-For), which the rate limits count: proxy addresses or CIDRs separated by commas, a hop count, or false. Never a range clients share with the proxy.',
    },
    {
      name: 'HTTP_REQUEST_TIMEOUT_MS',
      default: '30000',
      description: 'Longest time a client may take to send a whole request; then 408 and the connection is closed.',
    },
    {
      name: 'HTTP_HEADERS_TIMEOUT_MS',
      default: '10000',
      description: 'Longest time a client may take to send the request headers (at most HTTP_REQUEST_TIMEOUT_MS); then 408.',
    },
    {
      name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
      default: '65000',
      description: "How long an idle kept-alive connection stays open; above the proxy's own upstream keep-alive (nginx: 60 s).",
    },
    {
      name: 'PUBLIC_URL',
      default: 'http://localhost:PORT',
      description: 'Where people reach the application: every link of an email or a notification starts with it (https in production).',
    },
    {
      name: 'SMTP_URL',
      default: '(empty)',
      description:
        'SMTP server of outgoing emails, `smtp://user:password@host:587` or `smtps://...:465`. Empty: nothing is sent; each email is logged and kept in the outbox, where admins see it (`outboxMessages`).',
      secret: true,
    },
    { name: 'MAIL_FROM', default: 'Maillage <no-reply@localhost>', description: 'The sender of outgoing emails.' },
    {
      name: 'OUTBOX_RETENTION_DAYS',
      default: '90',
      description: 'Days a delivered email or webhook delivery stays in the outbox before it is purged (1 to 3650).',
    },
    {
      name: 'WEBHOOK_ALLOW_PRIVATE_TARGETS',
      default: 'true, false in production',
      description:
        'Allow webhooks whose address resolves to loopback or private networks (checked at creation and again at each delivery). Off in production unless set, for intranet receivers.',
    },
    {
      name: 'DISPATCH_INTERVAL_MS',
      default: '1000',
      description:
        'How often the outbox dispatcher of each instance looks for messages to deliver; idle, it slows down to 8 times this (a message published on the same instance wakes it at once, 25 ms later), and it looks at its scheduled jobs every 30 s.',
    },
    {
      name: 'GRAPHQL_EXPLORER',
      default: 'true, false in production',
      description:
        'Serve the GraphiQL explorer (bundled with the app, nothing from another origin) at GET /graphql to browsers. Off: browsers get a short 404 page; queries work either way.',
    },
  ];
}
