// Browser tests: the shared test database (tests/support/globalSetup.ts) plus a fresh build of
// the viewer when web/dist is missing or older than any source file under web/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import databaseSetup from '../../support/globalSetup';

const repoRoot = path.resolve(__dirname, '../../..');
const webRoot = path.join(repoRoot, 'web');
const builtIndex = path.join(webRoot, 'dist', 'index.html');

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

export function viewerBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const catalogue = path.join(repoRoot, 'src', 'domain', 'format', 'figureCatalog.ts');
  const newest = Math.max(newestSourceTime(webRoot), statSync(catalogue).mtimeMs);
  return newest > statSync(builtIndex).mtimeMs;
}

export default async function globalSetup(): Promise<void> {
  if (viewerBuildIsStale()) {
    process.stdout.write('\nbuilding the web viewer (npm run build:web)…\n');
    execFileSync('npm', ['run', '-s', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  }
  await databaseSetup();
}
