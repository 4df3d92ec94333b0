// The rules that compare a report with the same agency's report of the year before. A report's
// own rules depend on its own figures only, so they can be counted once per revision; these
// also depend on another report, so lists evaluate them when they show a report, from the few
// figures they read (CROSS_YEAR_FIGURE_KEYS) of both years.
import type { FigureValues, Rule, RuleId, RuleResult } from './types';
import { xyCarry } from './xyCarry';
import { xyInForce } from './xyInForce';

export const CROSS_YEAR_RULES: readonly Rule[] = [xyCarry, xyInForce];

const CROSS_YEAR_IDS = new Set<RuleId>(CROSS_YEAR_RULES.map((rule) => rule.id));

export function isCrossYearRule(id: RuleId): boolean {
  return CROSS_YEAR_IDS.has(id);
}

/**
 * Every figure key a cross-year rule reads, of either year: read off the rules themselves (each
 * result names its keys), so the list cannot drift from the rules.
 */
export const CROSS_YEAR_FIGURE_KEYS: readonly string[] = [
  ...new Set(
    CROSS_YEAR_RULES.flatMap((rule) => rule.check({ values: {}, previousYear: {} })).flatMap(
      (result) => [...result.keys, ...(result.previousYearKeys ?? [])],
    ),
  ),
].sort();

/** One figure a cross-year rule reads, as stored (figure keys hold dots, so no object keys). */
export interface CrossYearFigure {
  key: string;
  value: string | null;
}

/** The values of CROSS_YEAR_FIGURE_KEYS (null: empty or absent). */
export function crossYearFiguresOf(values: FigureValues): CrossYearFigure[] {
  return CROSS_YEAR_FIGURE_KEYS.map((key) => ({ key, value: values[key] ?? null }));
}

/** Stored cross-year figures as the rules read values. */
export function figureValuesOfCrossYear(figures: readonly CrossYearFigure[]): FigureValues {
  return Object.fromEntries(figures.map((figure) => [figure.key, figure.value]));
}

/** The cross-year rules; not assessable without the previous year's figures. */
export function crossYearRuleResults(
  values: FigureValues,
  previousYear?: FigureValues,
): RuleResult[] {
  const context = { values, ...(previousYear ? { previousYear } : {}) };
  return CROSS_YEAR_RULES.flatMap((rule) => rule.check(context));
}
