// Scoring parsed reports against the corpus answer keys (shared by bench:import and the
// corpus tests): a cell is exactly right, wrong but flagged by a warning naming its key, or
// silently wrong.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalDecimal } from '../src/domain/format/decimal';
import { FIGURE_KEYS } from '../src/domain/format/figureCatalog';
import type { ParsedReport } from '../src/domain/importer/types';

/** The shared corpus, next to the repository. */
export const CORPUS = path.resolve(__dirname, '../../shared/corpus');

export interface AnswerKey {
  files: string[];
  agency: string;
  year: number;
  template: string;
  figures: Record<string, number | string | null>;
}

export interface CellScore {
  right: number;
  flagged: number;
  silent: number;
  silentKeys: string[];
}

/** Expected values as canonical decimal text, read from the JSON text so no float rounds them. */
export function expectedValue(value: number | string | null): string | null {
  if (value === null) return null;
  return canonicalDecimal(String(value));
}

export function scoreReport(report: ParsedReport, key: AnswerKey): CellScore {
  const named = new Set(report.warnings.flatMap((warning) => warning.keys));
  const score: CellScore = { right: 0, flagged: 0, silent: 0, silentKeys: [] };
  for (const figureKey of FIGURE_KEYS) {
    const expected = expectedValue(key.figures[figureKey] ?? null);
    const actual = report.figures[figureKey]?.value ?? null;
    if (actual === expected) score.right += 1;
    else if (named.has(figureKey)) score.flagged += 1;
    else {
      score.silent += 1;
      score.silentKeys.push(`${figureKey}=${actual} (expected ${expected})`);
    }
  }
  return score;
}

export function loadAnswerKeys(corpus: string): Map<string, AnswerKey> {
  const byFile = new Map<string, AnswerKey>();
  const directory = path.join(corpus, 'expected');
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.json'))) {
    const key = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as AnswerKey;
    for (const file of key.files) byFile.set(file, key);
  }
  return byFile;
}
