// Rule results of a report state: derived on every revision, never the only copy of anything.
import { evaluateRules } from '../domain/rules';
import type { FigureValues, RuleResult } from '../domain/rules/types';
import type { NarrativeFigure } from '../domain/importer/types';
import type { ReportState } from '../../events/report/reportState';

export function figureValuesOf(state: Pick<ReportState, 'figures'>): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const figure of state.figures)
    if (figure.narrative === null) values[figure.key] = figure.value;
  return values;
}

export function narrativeFiguresOf(state: Pick<ReportState, 'figures'>): NarrativeFigure[] {
  return state.figures
    .filter((figure) => figure.narrative !== null && figure.value !== null)
    .map((figure) => ({
      key: figure.key,
      sectionId: figure.narrative?.sectionId ?? '',
      value: figure.value as string,
      unit: figure.narrative?.unit ?? '',
      raw: figure.raw ?? '',
      sentence: figure.narrative?.sentence ?? '',
      source: figure.source,
    }));
}

/** Rules of one report; cross-year rules need the previous year's values. */
export function rulesOf(
  state: Pick<ReportState, 'figures' | 'template'>,
  previousYear?: FigureValues,
): RuleResult[] {
  if (state.template !== null && state.template !== '2021') return [];
  try {
    return evaluateRules(figureValuesOf(state), {
      narrativeFigures: narrativeFiguresOf(state),
      ...(previousYear ? { previousYear } : {}),
    });
  } catch {
    // Values are validated before they are stored; a rule engine failure must not block a write.
    return [];
  }
}
