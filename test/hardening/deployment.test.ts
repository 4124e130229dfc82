// The deployment files, checked without a Docker engine: the compose file's structure (replica set, two
// stateless API instances, a proxy), its environment against src/config.ts, nginx and the Dockerfile.
// CI also runs `docker-compose config` on it for the syntax.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, describeConfig, loadConfig } from '../../src/config';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  read_only?: boolean;
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;
const apis = Object.entries(services).filter(([, s]) => s.build !== undefined);
const mongos = Object.entries(services).filter(([, s]) => s.command?.includes('--replSet'));

/** The environment as a container would see it, with the compose-time secret filled in. */
function resolvedEnv(s: Service): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{JWT_SECRET[^}]*\}/, randomBytes(36).toString('base64'))]),
  );
}

describe('docker-compose.yml', () => {
  it('runs a three-member replica set, initiated once by a job the APIs wait for', () => {
    expect(mongos.map(([name]) => name).sort()).toEqual(['mongo1', 'mongo2', 'mongo3']);
    const setName = mongos[0]![1].command![mongos[0]![1].command!.indexOf('--replSet') + 1];
    for (const [, s] of mongos) {
      expect(s.command![s.command!.indexOf('--replSet') + 1]).toBe(setName);
      expect(s.healthcheck?.test.join(' ')).toMatch(/ping/);
      expect(s.volumes?.[0]).toMatch(/^mongo\d:\/data\/db$/);
      expect(compose.volumes).toHaveProperty(s.volumes![0]!.split(':')[0]!);
    }
    const init = services['mongo-init']!;
    expect(Object.keys(init.depends_on!).sort()).toEqual(['mongo1', 'mongo2', 'mongo3']);
    expect(Object.values(init.depends_on!).every((d) => d.condition === 'service_healthy')).toBe(true);
    const script = read('deploy/mongo-init.js');
    expect(init.volumes?.[0]).toMatch(/^\.\/deploy\/mongo-init\.js:/);
    for (const [name] of mongos) expect(script).toContain(`host: '${name}:27017'`);
    expect(script).toContain(`_id: '${setName}'`);
  });

  it('runs two API instances from the Dockerfile, stateless, healthy on /health, after the replica set', () => {
    expect(apis.map(([name]) => name).sort()).toEqual(['api1', 'api2']);
    for (const [, s] of apis) {
      expect(s.depends_on?.['mongo-init']?.condition).toBe('service_completed_successfully');
      expect(s.healthcheck?.test.join(' ')).toContain('/health');
      expect(s.volumes ?? []).toEqual([]);
      expect(s.read_only).toBe(true);
      expect(s.ports ?? []).toEqual([]); // reachable only through the proxy
      const env = resolvedEnv(s);
      expect(env).toMatchObject({ NODE_ENV: 'production', RATE_LIMIT_STORE: 'mongo' });
      const uri = new URL(env.MONGODB_URI!.replace(/^mongodb:\/\/[^/]+/, 'mongodb://hosts'));
      expect(uri.searchParams.get('replicaSet')).toBe('rs0');
      expect(uri.searchParams.get('w')).toBe('majority');
      for (const [name] of mongos) expect(env.MONGODB_URI).toContain(`${name}:27017`);
    }
  });

  it('sets only variables that src/config.ts reads, with values it accepts in production', () => {
    const known = new Set(describeConfig().map((v) => v.name));
    for (const [name, s] of apis) {
      const env = resolvedEnv(s);
      expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
      let problems: string[] = [];
      try {
        loadConfig(env);
      } catch (err) {
        problems = err instanceof ConfigError ? err.problems : [String(err)];
      }
      expect({ name, problems }).toEqual({ name, problems: [] });
    }
    // Without the secret, compose refuses to start rather than run with a default.
    expect(services.api1!.environment!.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
  });

  it('puts nginx in front of every API instance, keeping /metrics private', () => {
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^nginx:/);
    expect(Object.keys(proxy.depends_on!).sort()).toEqual(apis.map(([n]) => n).sort());
    expect(proxy.volumes?.[0]).toMatch(/^\.\/deploy\/nginx\.conf:\/etc\/nginx\/nginx\.conf/);
    const nginx = read('deploy/nginx.conf');
    for (const [name, s] of apis) expect(nginx).toContain(`server ${name}:${s.environment!.PORT} `);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(nginx).toContain('proxy_set_header X-Request-Id');
    // TLS 1.2 and 1.3 only, HSTS for two years, HTTP redirected but for the container's health check.
    expect(nginx).toMatch(/listen 443 ssl;/);
    expect(nginx).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3;/);
    expect(nginx).not.toMatch(/TLSv1(\.1)?[ ;]/);
    expect(nginx).toMatch(/add_header Strict-Transport-Security "max-age=(\d+); includeSubDomains" always;/);
    expect(Number(/max-age=(\d+)/.exec(nginx)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(nginx).toMatch(/ssl_session_tickets off;/);
    expect(nginx).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(proxy.volumes).toContain('./deploy/tls:/etc/nginx/tls:ro');
    // Braces balance: a cheap syntax check where no nginx binary is at hand.
    expect((nginx.match(/\{/g) ?? []).length).toBe((nginx.match(/\}/g) ?? []).length);
  });
});

describe('who the APIs trust and where they expose metrics', () => {
  it("trusts X-Forwarded-For from the proxy's fixed address only, and serves /metrics on an internal port", () => {
    const proxyNetworks = services.proxy!.networks as Record<string, { ipv4_address?: string }>;
    const proxyAddress = proxyNetworks.backend?.ipv4_address;
    expect(proxyAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const [, s] of apis) {
      const config = loadConfig(resolvedEnv(s));
      expect(config.trustProxy).toEqual([proxyAddress]);
      expect(config.metricsPort).toBeGreaterThan(0);
      expect(config.metricsPort).not.toBe(config.port);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('builds with dev dependencies, then runs the compiled server as a non-root user in production mode', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/RUN npm ci/);
    expect(stages[0]).toMatch(/npm run build/);
    const run = stages[stages.length - 1]!;
    expect(run).toMatch(/COPY --from=build \/app\/dist/);
    expect(run).toMatch(/NODE_ENV=production/);
    expect(run).toMatch(/^USER (?!root)\w+/m);
    expect(run).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(run).toMatch(/^CMD \["node", "dist\/src\/index\.js"\]/m);
    // The SDL is read at run time, next to dist.
    expect(run).toMatch(/COPY --from=build \/app\/graphql \.\/graphql/);
  });
});
