// The shared corpus, read at run time (never copied into the repository).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
export const SEED_REPORT = path.join(CORPUS_DIR, '2024_pingluo-xian-shenpiju_seed.md');

/** The seed report's text, or null (with a printed notice) when the corpus is absent. */
export function readSeedReport(): string | null {
  if (!existsSync(SEED_REPORT)) {
    process.stdout.write(`notice: ${SEED_REPORT} is absent; corpus-based tests are skipped\n`);
    return null;
  }
  return readFileSync(SEED_REPORT, 'utf8');
}
