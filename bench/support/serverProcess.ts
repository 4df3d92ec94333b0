// The real server (src/main.ts) as a child process on a given database: what the bench loads
// and what the crash test kills. Node runs it directly with tsx's loader, so the child's pid
// is the server itself (its RSS is the server's, and SIGKILL hits the server, not a wrapper).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess {
  readonly pid: number;
  readonly url: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** Resident set size in bytes (Linux /proc), or null when unavailable. */
  rssBytes(): number | null;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

export interface StartServerOptions {
  uri: string;
  databaseName: string;
  env?: Record<string, string>;
  /** How long to wait for "listening" (ms). */
  timeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function startServerProcess(options: StartServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      MONGODB_URI: options.uri,
      NIANBAO_DB_NAME: options.databaseName,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new Error('could not start the server process'));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time; output:\n${output.slice(-2000)}`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Keep draining output so a chatty child never blocks on a full pipe.
      child.stdout?.resume();
      const url = match[1];
      resolve({
        pid,
        url,
        origin: new URL(url).origin,
        child,
        rssBytes() {
          try {
            const status = readFileSync(`/proc/${pid}/status`, 'utf8');
            const kb = /VmRSS:\s+(\d+) kB/.exec(status);
            return kb ? Number(kb[1]) * 1024 : null;
          } catch {
            return null;
          }
        },
        async stop() {
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited(child);
          clearTimeout(timeout);
        },
        async kill() {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `server exited before listening (${code ?? signal}); output:\n${output.slice(-2000)}`,
        ),
      );
    });
  });
}

/**
 * Waits until the server's start-up work is over: its first full ledger verification (started
 * in the background at start, reading the whole log) has finished. Measuring before that would
 * time requests against a database busy with a scan whose length grows with the log.
 */
export async function waitUntilSettled(server: ServerProcess, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${server.origin}/readyz`).catch(() => null);
    const body = response
      ? ((await response.json().catch(() => null)) as { integrity?: { status?: string } } | null)
      : null;
    if (body?.integrity?.status && body.integrity.status !== 'pending') return;
    if (Date.now() > deadline)
      throw new Error('the server did not finish its start-up verification');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
