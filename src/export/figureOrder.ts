// Every format lists figures in the order of the national template (表二, 表三 row by row,
// 表四), so two exports of the same report are byte-identical whatever order the store used.
import { FIGURE_KEYS } from '../domain/format/figureCatalog';
import type { ExportableFigure } from './exportableReport';

const CATALOG_INDEX: ReadonlyMap<string, number> = new Map(
  FIGURE_KEYS.map((key, index) => [key, index]),
);

/** Catalog order first; keys unknown to the catalog (a future template) after, by key. */
export function inTemplateOrder<T extends Pick<ExportableFigure, 'key'>>(
  figures: readonly T[],
): T[] {
  const rank = (key: string): number => CATALOG_INDEX.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...figures].sort(
    (a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The figures by key, for layouts that look cells up by position. */
export function figuresByKey<T extends Pick<ExportableFigure, 'key'>>(
  figures: readonly T[],
): ReadonlyMap<string, T> {
  return new Map(figures.map((figure) => [figure.key, figure]));
}
