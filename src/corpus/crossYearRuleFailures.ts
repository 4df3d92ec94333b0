// Which reports fail a cross-year rule (a figure carried over from, or compared with, the same
// agency's report of the year before), judged over the whole corpus at once from the index: the
// rules read a handful of figures (CROSS_YEAR_FIGURE_KEYS) of both years, which the index holds
// for every report. The report list's `hasFailedRules` needs this to agree with each row's
// ruleStatus, which counts these rules too.
import { CROSS_YEAR_FIGURE_KEYS, crossYearRuleResults } from '../domain/rules/crossYearRules';
import type { FigureValues } from '../domain/rules/types';
import type { CorpusIndex } from './corpusIndex';
import type { CorpusView } from './corpusView';

/**
 * Changes whenever what these rules read of the corpus may have changed: a report added, or a
 * cell of one of CROSS_YEAR_FIGURE_KEYS set (every cell set after an import is recorded in
 * cellChanges). Edits of other figures leave it, so results kept on it stay right through them.
 */
export function crossYearInputsVersion(index: CorpusIndex): string {
  let changes = 0;
  for (const key of CROSS_YEAR_FIGURE_KEYS) changes += index.cellChanges.get(key)?.length ?? 0;
  return `${index.reportCount}:${changes}`;
}

function crossYearValuesOf(view: CorpusView, ordinal: number): FigureValues {
  const values: Record<string, string | null> = {};
  for (const key of CROSS_YEAR_FIGURE_KEYS) values[key] = view.value(key, ordinal);
  return values;
}

/**
 * Ids of the reports of `view` that fail a cross-year rule against last year's report. The
 * index does not know a report's template: callers keep only reports whose template has rules.
 */
export function reportsFailingCrossYearRules(view: CorpusView): string[] {
  const { index } = view;
  const failing: string[] = [];
  for (let ordinal = 0; ordinal < index.reportCount; ordinal++) {
    if (!view.exists(ordinal)) continue;
    const previous = view.previousYearReport(ordinal);
    // Without last year's report the rules are not assessable: they cannot fail.
    if (previous === undefined) continue;
    const results = crossYearRuleResults(
      crossYearValuesOf(view, ordinal),
      crossYearValuesOf(view, previous),
    );
    if (results.some((result) => result.status === 'failed'))
      failing.push(index.reportIds[ordinal]);
  }
  return failing;
}
