// Builds the FerretDB binary once into a cache outside the clone, so every later clone and
// every test run reuses it.
//
// Why not plain `go install …@v1.24.2`: a binary installed that way panics at start-up because
// the module ships without build/version/version.txt (FerretDB's release builds generate it).
// So we copy the module source from Go's module cache, write that file, apply our source
// patches (ferretdbSourcePatches.ts: `_id` lookups use the `_id` index, and filters holding an
// `_id` condition besides others are narrowed by it), and `go build` it.
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  applySourcePatch,
  FERRETDB_PATCH_LEVEL,
  FERRETDB_SOURCE_PATCHES,
} from './ferretdbSourcePatches';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Where built tools are cached: $NIANBAO_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function cacheDirectory(): string {
  const explicit = process.env.NIANBAO_CACHE_DIR;
  if (explicit) return explicit;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'nianbao-ledger');
}

export function ferretdbBinaryPath(): string {
  return path.join(
    cacheDirectory(),
    `ferretdb-${FERRETDB_VERSION}-${FERRETDB_PATCH_LEVEL}`,
    'ferretdb',
  );
}

/** A cached binary must start: a plain `go install` build exists but panics (see above). */
function binaryRuns(binary: string): boolean {
  if (!existsSync(binary)) return false;
  return spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

function goIsAvailable(): boolean {
  const probe = spawnSync('go', ['version'], { stdio: 'ignore', env: process.env });
  return probe.status === 0;
}

function noGoMessage(): string {
  return [
    'No MongoDB server is configured and the embedded FerretDB cannot be built: `go` was not found on PATH.',
    'Either:',
    '  - set MONGODB_URI to a running MongoDB 7 (or FerretDB) server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/nianbao',
    '  - or start one with `docker compose up -d mongo` and set MONGODB_URI=mongodb://127.0.0.1:27017/nianbao?directConnection=true',
    '  - or install Go (1.22+) so the embedded FerretDB ' +
      FERRETDB_VERSION +
      ' can be built once into ' +
      cacheDirectory(),
  ].join('\n');
}

type Progress = (line: string) => void;

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
  progress: Progress,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      for (const line of text.split('\n')) if (line.trim()) progress(`  ${line.trim()}`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`),
        );
    });
  });
}

/** Waits for a lock directory; a lock older than 15 minutes is taken to be left by a dead builder. */
async function withBuildLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(lockDir).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > 15 * 60_000) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > 20 * 60_000) throw new Error(`timed out waiting for ${lockDir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

/**
 * Returns the path of a runnable FerretDB binary, building it first if the cache has none.
 * Progress goes to `progress` (stderr by default) because the first build takes a minute or two.
 */
export async function ensureFerretdbBinary(
  progress: Progress = (line) => process.stderr.write(line + '\n'),
): Promise<string> {
  const binary = ferretdbBinaryPath();
  if (binaryRuns(binary)) return binary;
  if (!goIsAvailable()) throw new DatabaseUnavailableError(noGoMessage());

  const targetDir = path.dirname(binary);
  await fs.mkdir(targetDir, { recursive: true });
  return withBuildLock(path.join(targetDir, '.building'), async () => {
    if (binaryRuns(binary)) return binary;
    await fs.rm(binary, { force: true });
    const t0 = Date.now();
    progress(
      `[nianbao] building FerretDB ${FERRETDB_VERSION} into ${targetDir} (first run only, about 1–3 minutes)…`,
    );
    progress('[nianbao] step 1/3: downloading the module source through the Go module proxy');
    const downloaded = JSON.parse(
      await run(
        'go',
        ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`],
        {},
        progress,
      ),
    ) as { Dir?: string; Error?: string };
    if (!downloaded.Dir) throw new Error(`go mod download failed: ${downloaded.Error ?? 'no Dir'}`);

    progress('[nianbao] step 2/3: preparing a writable, patched copy of the source');
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-ferretdb-src-'));
    try {
      await fs.cp(downloaded.Dir, work, { recursive: true });
      await run('chmod', ['-R', 'u+w', work], {}, progress);
      await fs.writeFile(
        path.join(work, 'build', 'version', 'version.txt'),
        FERRETDB_VERSION + '\n',
      );
      for (const patch of FERRETDB_SOURCE_PATCHES) {
        const file = path.join(work, patch.file);
        const current = await fs.readFile(file, 'utf8').catch(() => null);
        await fs.writeFile(file, applySourcePatch(current, patch));
      }

      progress('[nianbao] step 3/3: compiling (go build ./cmd/ferretdb)');
      const ticker = setInterval(
        () => progress(`[nianbao]   still compiling… ${Math.round((Date.now() - t0) / 1000)}s`),
        15_000,
      );
      const partial = `${binary}.partial-${process.pid}`;
      try {
        await run(
          'go',
          ['build', '-trimpath', '-o', partial, './cmd/ferretdb'],
          { cwd: work },
          progress,
        );
      } finally {
        clearInterval(ticker);
      }
      await fs.rename(partial, binary);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
    progress(`[nianbao] FerretDB built in ${Math.round((Date.now() - t0) / 1000)}s: ${binary}`);
    return binary;
  });
}
