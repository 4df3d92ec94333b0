// Import parse speed on the shared corpus (pure importer, no database): reports per second.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../src/domain/importer/importDocument';
import type { BenchRow } from '../support/resultTable';
import { round } from '../support/stats';
import { REPO_ROOT } from '../support/serverProcess';

export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

export function measureImportSpeed(rounds: number): BenchRow[] {
  if (!existsSync(CORPUS_DIR)) {
    return [
      {
        name: 'Import parse speed on the corpus',
        measured: 'skipped',
        baseline: `corpus not found at ${CORPUS_DIR}`,
        ratio: null,
        target: null,
      },
    ];
  }
  const documents = readdirSync(CORPUS_DIR)
    .filter((file) => /\.(txt|md|html)$/.test(file))
    .map((file) => readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
  for (const document of documents) importDocument(document); // warm
  const start = performance.now();
  for (let round = 0; round < rounds; round++)
    for (const document of documents) importDocument(document);
  const seconds = (performance.now() - start) / 1000;
  const count = documents.length * rounds;
  return [
    {
      name: `Import parse speed on the corpus (${documents.length} documents × ${rounds})`,
      measured: `${round(count / seconds, 1)} reports/s`,
      baseline: `${round((seconds * 1000) / count, 1)} ms per report`,
      ratio: null,
      target: null,
    },
  ];
}
