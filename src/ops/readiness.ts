// Database health: readiness is a ping through the driver itself. Mongoose's readyState can lag the driver's view (and while
// it reads "disconnected" mongoose only queues operations), so /ready asks the driver, whose server
// selection also prompts its monitor to check the server again at once.
import mongoose from 'mongoose';
import type { Logger } from '../shared/logger';

/** Pings the database through the driver, bypassing mongoose's queue; false when it does not answer in time. */
export async function pingDatabase(timeoutMs: number): Promise<boolean> {
  const client = mongoose.connection.getClient?.() as ReturnType<typeof mongoose.connection.getClient> | undefined;
  if (!client) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.db('admin').command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Pings the database over a new, short-lived client: does the server answer at all? */
async function freshPing(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs, maxPoolSize: 1 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

/**
 * While the database is unreachable, checks every second whether the server answers again. Recovery is
 * normally the driver's (well under a second once the server is back). But the driver was seen (under
 * load, when the server restarted) to keep a monitor waiting forever on a dead check: the server
 * answered new connections while ours stayed disconnected until the process restarted. So when new
 * connections have succeeded for `stuckAfterMs` while ours still fails, the connection is replaced.
 */
export function watchDatabase(opts: { log: Logger; timeoutMs: number; everyMs?: number; stuckAfterMs?: number }): () => void {
  const everyMs = opts.everyMs ?? 1000;
  const stuckAfterMs = opts.stuckAfterMs ?? 5000;
  const conn = mongoose.connection as typeof mongoose.connection & { _connectionString?: string; _connectionOptions?: mongoose.ConnectOptions };
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  let answersSince: number | null = null;

  const replaceConnection = async () => {
    const uri = conn._connectionString;
    if (!uri) return;
    opts.log.warn('the database answers new connections but ours stays disconnected: replacing the connection');
    const old = conn.getClient();
    old.removeAllListeners();
    void old.close(true).catch(() => undefined);
    await conn.openUri(uri, { ...conn._connectionOptions });
  };

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      if (conn.readyState === 1 || (await pingDatabase(opts.timeoutMs))) {
        answersSince = null;
        if (conn.readyState === 1) stop();
        return;
      }
      const uri = conn._connectionString;
      if (!uri || !(await freshPing(uri, opts.timeoutMs))) {
        answersSince = null;
        return;
      }
      answersSince ??= Date.now();
      if (Date.now() - answersSince >= stuckAfterMs) {
        answersSince = null;
        await replaceConnection();
      }
    } catch (err) {
      opts.log.warn({ err }, 'database watch: check failed');
    } finally {
      busy = false;
    }
  };
  function start() {
    if (timer) return;
    opts.log.warn('database disconnected: requests fail with SERVICE_UNAVAILABLE until it answers again');
    timer = setInterval(() => void tick(), everyMs);
    timer.unref();
  }
  function stop() {
    if (!timer) return;
    clearInterval(timer);
    timer = null;
    opts.log.info('database connection restored');
  }
  const onDisconnected = () => {
    // A deliberate close (shutdown, tests) is not an outage.
    if (!(conn as { _closeCalled?: boolean })._closeCalled) start();
  };
  conn.on('disconnected', onDisconnected);
  conn.on('connected', stop);
  conn.on('reconnected', stop);
  return () => {
    conn.off('disconnected', onDisconnected);
    conn.off('connected', stop);
    conn.off('reconnected', stop);
    if (timer) clearInterval(timer);
    timer = null;
  };
}
