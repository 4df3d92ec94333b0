// Reads the shared corpus at run time (never copied into the repo). Answer-key figures are read
// from the JSON text itself so a fee like 28.488564 reaches the rules as the exact decimal
// string it was written as, not through a binary float.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { canonicalDecimal } from '../../../src/domain/format/decimal';
import type { FigureValues } from '../../../src/domain/rules/types';
import { sharedFilePresent } from '../../support/sharedCorpus';

export const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const EXPECTED_DIR = path.join(CORPUS_DIR, 'expected');

export interface AnswerKey {
  name: string;
  agency: string;
  year: number;
  files: string[];
  figures: FigureValues;
  sourceInconsistencies: string[];
}

export function corpusAvailable(): boolean {
  return sharedFilePresent('corpus rule tests', EXPECTED_DIR);
}

function exactFigures(json: string, name: string): Record<string, string | null> {
  const start = json.indexOf('"figures"');
  const open = json.indexOf('{', start);
  const close = json.indexOf('}', open);
  if (start < 0 || open < 0 || close < 0) throw new Error(`${name}: no figures object`);
  const figures: Record<string, string | null> = {};
  const entry = /"([^"]+)"\s*:\s*(null|-?\d+(?:\.\d+)?)\s*[,}\s]/g;
  const body = json.slice(open, close + 1);
  for (const match of body.matchAll(entry)) {
    figures[match[1]] = match[2] === 'null' ? null : canonicalDecimal(match[2]);
  }
  return figures;
}

export function loadAnswerKeys(): AnswerKey[] {
  return readdirSync(EXPECTED_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const json = readFileSync(path.join(EXPECTED_DIR, file), 'utf8');
      const parsed = JSON.parse(json) as Omit<AnswerKey, 'figures' | 'name'>;
      const figures = exactFigures(json, file);
      if (Object.keys(figures).length !== 200) {
        throw new Error(`${file}: expected 200 figures, read ${Object.keys(figures).length}`);
      }
      return {
        name: file.replace(/\.json$/, ''),
        agency: parsed.agency,
        year: parsed.year,
        files: parsed.files,
        figures,
        sourceInconsistencies: parsed.sourceInconsistencies ?? [],
      };
    });
}

/** The report's text as lines: text renderings as they are, HTML through its block elements. */
export function narrativeLines(key: AnswerKey): string[] {
  const file = key.files.find((f) => /\.(txt|md)$/.test(f)) ?? key.files[0];
  const text = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
  if (!file.endsWith('.html')) return text.split(/\r?\n/);
  const $ = cheerio.load(text);
  const lines: string[] = [];
  $('p, h1, h2, h3, h4, h5, h6').each((_, element) => {
    if ($(element).find('p').length === 0)
      lines.push($(element).text().replace(/\s+/g, ' ').trim());
  });
  return lines;
}
