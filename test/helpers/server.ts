// The real app on a real port: tests speak HTTP to it like any client.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createApp, type AppDeps } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/shared/logger';

export interface GqlResult<T = any> {
  status: number;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
  headers: Headers;
}

export interface TestServer {
  url: string;
  config: Config;
  gql: <T = any>(query: string, variables?: Record<string, unknown>, token?: string | null) => Promise<GqlResult<T>>;
  post: (path: string, body: string, headers?: Record<string, string>) => Promise<Response>;
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startServer(overrides: Partial<Config> = {}, extra: Partial<AppDeps> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const { app, stop } = await createApp({ config, log, ...extra });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gql = async (query: string, variables?: Record<string, unknown>, token?: string | null) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: GqlResult['body'];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`Non-JSON response (${res.status}): ${text.slice(0, 300)}`);
    }
    return { status: res.status, body, headers: res.headers };
  };
  return {
    url,
    config,
    gql,
    post: (path, body, headers = {}) => fetch(`${url}${path}`, { method: 'POST', body, headers }),
    get: (path, headers = {}) => fetch(`${url}${path}`, { headers }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

/** Asserts a GraphQL response has no errors and returns its data. */
export function dataOf<T = any>(res: GqlResult<T>): T {
  if (res.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
  return res.body.data as T;
}
