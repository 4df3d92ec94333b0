// The shared corpus answer keys (../shared/corpus/expected), read at run time. Absent: null and
// a printed notice (the tests skip), except under CI=true where that is a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from '../api/corpus';

export const EXPECTED_DIR = path.join(CORPUS_DIR, 'expected');

export interface AnswerKey {
  /** The first document of the report (others are renderings of the same report). */
  file: string;
  agency: string;
  year: number;
  /** Values as exact decimal text; null for a blank cell. */
  figures: Record<string, string | null>;
}

/**
 * The region of each corpus agency: test input, taken from the agencies' own publications
 * (平潭综合实验区 is 福州市平潭县; the issue names 640221 and 320800).
 */
export const CORPUS_AGENCY_REGIONS: Readonly<Record<string, string>> = {
  平潭综合实验区: '350128',
  淮安市洪泽区人民政府: '320813',
  淮安市人民政府: '320800',
  沭阳县发展和改革局: '321322',
  平罗县审批服务管理局: '640221',
  上海市科学技术委员会: '310000',
};

/** JSON numbers as decimal text: the answer keys hold at most six fractional digits. */
function decimalText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  throw new Error(`answer key value ${JSON.stringify(value)} is neither a number nor null`);
}

export function readAnswerKeys(): AnswerKey[] | null {
  if (!existsSync(EXPECTED_DIR)) {
    if (process.env.CI === 'true') throw new Error(`${EXPECTED_DIR} is absent under CI=true`);
    process.stdout.write(`notice: ${EXPECTED_DIR} is absent; corpus-based tests are skipped\n`);
    return null;
  }
  return readdirSync(EXPECTED_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw = JSON.parse(readFileSync(path.join(EXPECTED_DIR, name), 'utf8')) as {
        files: string[];
        agency: string;
        year: number;
        figures: Record<string, unknown>;
      };
      const figures: Record<string, string | null> = {};
      for (const [key, value] of Object.entries(raw.figures)) figures[key] = decimalText(value);
      return { file: raw.files[0], agency: raw.agency, year: raw.year, figures };
    });
}

export function readCorpusDocument(file: string): string {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}
