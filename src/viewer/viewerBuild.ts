// The reference viewer (web/) is built with Vite into web/dist, which the server serves at `/`.
// `npm start` builds it on the first start, and again when a source under web/ (or the figure
// catalogue it embeds) is newer than the build, so a fresh clone after `npm ci` and a checkout
// after `git pull` both serve the viewer that matches their sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
export const WEB_ROOT = path.join(REPO_ROOT, 'web');
/** Where the built viewer lives unless NIANBAO_WEB_DIST says otherwise. */
export const WEB_DIST = path.join(WEB_ROOT, 'dist');
const VIEWER_CONFIG = path.join(WEB_ROOT, 'vite.config.ts');
/** The viewer embeds the figure catalogue, so a catalogue change is a viewer change. */
const EMBEDDED_SOURCES = [path.join(REPO_ROOT, 'src', 'domain', 'format', 'figureCatalog.ts')];

export function webDistDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.NIANBAO_WEB_DIST?.trim() || WEB_DIST);
}

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(directory, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs,
    );
  }
  return newest;
}

export type ViewerBuildState = 'fresh' | 'missing' | 'stale' | 'no-sources';

export function viewerBuildState(outDir = webDistDirectory()): ViewerBuildState {
  const builtIndex = path.join(outDir, 'index.html');
  if (!existsSync(VIEWER_CONFIG)) return existsSync(builtIndex) ? 'fresh' : 'no-sources';
  if (!existsSync(builtIndex)) return 'missing';
  const newest = Math.max(
    newestSourceTime(WEB_ROOT),
    ...EMBEDDED_SOURCES.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs),
  );
  return newest > statSync(builtIndex).mtimeMs ? 'stale' : 'fresh';
}

function viteCli(): string | null {
  try {
    return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

export class ViewerBuildError extends Error {
  override name = 'ViewerBuildError';
}

/** Runs `vite build` for the viewer into `outDir`, passing Vite's own output to `progress`. */
export async function buildViewer(
  outDir = webDistDirectory(),
  progress: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<void> {
  const vite = viteCli();
  if (!vite) {
    throw new ViewerBuildError(
      'the viewer is not built and Vite is not installed (it is a devDependency): run `npm ci` then `npm run build:web`',
    );
  }
  const child = spawn(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      VIEWER_CONFIG,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let tail = '';
  const relay = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) progress(`  ${line.trim()}`);
  };
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new ViewerBuildError(`vite build exited with ${code}:\n${tail}`);
}

export interface EnsureViewerResult {
  state: ViewerBuildState;
  /** True when this call built it. */
  built: boolean;
  outDir: string;
  /** Why the viewer cannot be served, when it cannot. */
  unavailable?: string;
  /** Why a stale build is served as it is (its rebuild failed). */
  warning?: string;
}

/** Builds the viewer when it is missing or older than its sources; never throws. */
export async function ensureViewerBuilt(
  options: { outDir?: string; progress?: (line: string) => void } = {},
): Promise<EnsureViewerResult> {
  const outDir = options.outDir ?? webDistDirectory();
  const progress = options.progress ?? ((line: string) => process.stderr.write(line + '\n'));
  const state = viewerBuildState(outDir);
  if (state === 'fresh') return { state, built: false, outDir };
  if (state === 'no-sources') {
    return { state, built: false, outDir, unavailable: 'no viewer sources (web/) and no build' };
  }
  const started = Date.now();
  progress(
    `[nianbao] building the web viewer (${state === 'missing' ? 'first start' : 'sources changed'}) into ${outDir}…`,
  );
  try {
    await buildViewer(outDir, progress);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return state === 'stale'
      ? { state, built: false, outDir, warning: `serving the previous build: ${reason}` }
      : { state, built: false, outDir, unavailable: reason };
  }
  progress(`[nianbao] viewer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { state, built: true, outDir };
}
