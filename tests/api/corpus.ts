// The shared corpus, read at run time (never copied into the repository).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPresent, SHARED_CORPUS_DIR } from '../support/sharedCorpus';

export const CORPUS_DIR = SHARED_CORPUS_DIR;
export const SEED_REPORT = path.join(CORPUS_DIR, '2024_pingluo-xian-shenpiju_seed.md');

/** The seed report's text, or null (with a printed notice; a failure under CI=true) when absent. */
export function readSeedReport(): string | null {
  if (!corpusPresent('corpus-based tests', path.basename(SEED_REPORT))) return null;
  return readFileSync(SEED_REPORT, 'utf8');
}
