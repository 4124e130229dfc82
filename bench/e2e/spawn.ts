// The parent's side of a bench server child (child.ts): starts it, waits for its port, asks it for its
// CPU time and memory, stops it. A server measured in its own process: its CPU and RSS are its own, not
// the load generator's or the bench's.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromChild } from './child';

export interface ServerChild {
  label: string;
  url: string;
  /** What the child measured while booting (see child.ts `ready`). */
  boot: { ms?: number; rss: number };
  /** The child's own CPU time so far (user + system), in milliseconds. */
  cpuMs: () => Promise<number>;
  /** The child's resident set size and live heap, in bytes (after a full collection when `gc`). */
  memory: (gc?: boolean) => Promise<{ rss: number; heapUsed: number }>;
  stop: () => Promise<void>;
}

/**
 * Forks `file` (relative to bench/) with `env` added. BENCH_CPU_PROF=<folder> writes a V8 CPU profile of it
 * when it stops: one profile per thread (tsx runs a loader thread too), named
 * CPU.<date>.<pid>.<thread>.cpuprofile; the server's is the largest one with the child's pid, logged below.
 */
export async function startChild(
  label: string,
  file: string,
  mongoUri: string,
  env: Record<string, string> = {},
  readyWithinMs = 120_000,
): Promise<ServerChild> {
  const profDir = process.env.BENCH_CPU_PROF;
  const child: ChildProcess = fork(join(__dirname, '..', file), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])],
    env: { ...process.env, ...env, MONGODB_URI: mongoUri },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends FromChild['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${label}: no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (msg: FromChild) => {
        if (msg.type === type) done(null, msg as Extract<FromChild, { type: T }>);
        else if (msg.type === 'failed') done(new Error(`${label} failed to start: ${msg.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`${label} exited (code ${code})`));
      function done(err: Error | null, msg?: Extract<FromChild, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) reject(err);
        else resolve(msg!);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready', readyWithinMs);
  if (profDir) process.stderr.write(`  ${label} runs as pid ${child.pid} (its CPU profile goes to ${profDir} when it stops)\n`);
  return {
    label,
    url: `http://127.0.0.1:${ready.port}`,
    boot: { ms: ready.bootMs, rss: ready.rss },
    cpuMs: async () => {
      const reply = next('cpu', 10_000);
      child.send({ type: 'cpu' });
      const { userUs, systemUs } = await reply;
      return (userUs + systemUs) / 1000;
    },
    memory: async (gc = false) => {
      const reply = next('memory', 10_000);
      child.send({ type: 'memory', gc });
      const { rss, heapUsed } = await reply;
      return { rss, heapUsed };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
