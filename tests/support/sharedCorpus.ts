// The shared corpus of real reports (../shared/corpus), read at run time and never copied into
// the repository. Where it is absent, corpus tests skip with a printed notice; under CI=true a
// missing corpus is a failure, so CI can never go green by skipping them.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED_CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

export const SHARED_DIR = path.resolve(__dirname, '../../../shared');

/** True when `relativePath` (default: the answer keys) exists in the corpus; see above. */
export function corpusPresent(what: string, relativePath = 'expected'): boolean {
  return sharedFilePresent(what, path.join(SHARED_CORPUS_DIR, relativePath));
}

/** True when `required`, a path under ../shared, exists; absent, a notice, or under CI=true a failure. */
export function sharedFilePresent(what: string, required: string): boolean {
  if (existsSync(required)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${what}: ${required} (under ../shared) is missing, and CI=true requires it`);
  }
  process.stdout.write(`notice: ${required} is absent; ${what} are skipped\n`);
  return false;
}
