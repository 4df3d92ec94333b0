// Every format lists figures in the order of the national template (表二, 表三 row by row,
// 表四), then the narrative's numbers by key, so two exports of the same report are
// byte-identical whatever order the store used.
import { FIGURE_KEYS } from '../domain/format/figureCatalog';
import type { ExportableFigure } from './exportableReport';

const CATALOG_INDEX: ReadonlyMap<string, number> = new Map(
  FIGURE_KEYS.map((key, index) => [key, index]),
);

/**
 * Compares keys part by part, numeric parts as numbers: narrative keys are
 * `n.<section id>.<ordinal>`, and n.1.2.10 comes after n.1.2.9 as it does in the text.
 */
export function compareKeys(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index], right[index]];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Catalog order first; keys the catalog does not hold (narrative n.*, a future template) after. */
export function inTemplateOrder<T extends Pick<ExportableFigure, 'key'>>(
  figures: readonly T[],
): T[] {
  const rank = (key: string): number => CATALOG_INDEX.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...figures].sort((a, b) => rank(a.key) - rank(b.key) || compareKeys(a.key, b.key));
}

/** The figures by key, for layouts that look cells up by position. */
export function figuresByKey<T extends Pick<ExportableFigure, 'key'>>(
  figures: readonly T[],
): ReadonlyMap<string, T> {
  return new Map(figures.map((figure) => [figure.key, figure]));
}
