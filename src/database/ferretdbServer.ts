// Runs a FerretDB process with the embedded SQLite backend on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureFerretdbBinary } from './ferretdbBinary';

export interface RunningDatabase {
  /** A MongoDB connection string without a database name. */
  readonly uri: string;
  /** Stops the server (if this process started it) and waits for it to exit. */
  stop(): Promise<void>;
  /** The child's pid, or undefined when the database was not started by us. */
  readonly pid?: number;
  /** What serves the URI: an embedded MongoDB or FerretDB, or a server given by MONGODB_URI. */
  readonly kind?: 'mongodb' | 'ferretdb' | 'external';
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(uri: string, child: ChildProcess, logTail: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `FerretDB exited with code ${child.exitCode} before answering:\n${logTail()}`,
      );
    }
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(`FerretDB did not answer ping within 60s: ${String(lastError)}\n${logTail()}`);
}

export interface StartFerretdbOptions {
  /** Directory holding the SQLite files; created if absent. */
  dataDir: string;
  port?: number;
  progress?: (line: string) => void;
}

export async function startFerretdb(options: StartFerretdbOptions): Promise<RunningDatabase> {
  const binary = await ensureFerretdbBinary(options.progress);
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=ERROR',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const uri = `mongodb://127.0.0.1:${port}/`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForPing(uri, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { uri, stop, pid: child.pid, kind: 'ferretdb' };
}
