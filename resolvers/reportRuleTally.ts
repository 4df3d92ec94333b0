// A current report's rule checks counted, for the Report fields ruleStatus, assessedRuleCount
// and notAssessableRuleCount. A list row has only the report's summary: its own rules are
// counted there (per revision, by the projection), and the cross-year rules are evaluated from
// the few figures they read, stored in this summary and in last year's (one batched `_id` read
// for a whole page). No row reads a full ~68 KB read model. Past views, and summaries written
// before these fields existed (until a rebuild or the report's next revision rewrites them),
// are counted from the full read model instead.
import { reportIdFor } from '../events/report/ids';
import { crossYearRuleResults, figureValuesOfCrossYear } from '../src/domain/rules/crossYearRules';
import {
  addRuleTallies,
  EMPTY_RULE_TALLY,
  tallyRules,
  type RuleTally,
} from '../src/domain/rules/ruleTally';
import { templateHasRules } from '../src/domain/rules/templateRules';
import type { RequestContext } from './context';
import type { ReportSummary } from './loaders';
import { rulesOfReport } from './reportViews';
import type { Report } from './types/report';

type TalliedSummary = ReportSummary &
  Required<Pick<ReportSummary, 'ownRuleTally' | 'crossYearFigures'>>;

function isTallied(summary: Report['summary']): summary is TalliedSummary {
  return summary.ownRuleTally !== undefined && summary.crossYearFigures !== undefined;
}

async function summaryTally(
  report: Report,
  summary: TalliedSummary,
  context: RequestContext,
): Promise<RuleTally | null> {
  if (!templateHasRules(summary.template)) return EMPTY_RULE_TALLY;
  // Report ids derive from (agency name, year), so last year's report is an id lookup.
  const previous = await context.loaders.reportSummary.load(
    reportIdFor(report.agencyName, report.year - 1),
  );
  const sameAgency = previous !== null && previous.agencyId === report.agencyId;
  if (sameAgency && previous.crossYearFigures === undefined) return null;
  const crossYear = crossYearRuleResults(
    figureValuesOfCrossYear(summary.crossYearFigures),
    sameAgency && previous.crossYearFigures
      ? figureValuesOfCrossYear(previous.crossYearFigures)
      : undefined,
  );
  return addRuleTallies(summary.ownRuleTally, tallyRules(crossYear));
}

/** The report's rule results counted, as `rules` would give them. */
export async function ruleTallyOfReport(
  report: Report,
  context: RequestContext,
): Promise<RuleTally> {
  if (!report.historical && isTallied(report.summary)) {
    const tally = await summaryTally(report, report.summary, context);
    if (tally) return tally;
  }
  return tallyRules(await rulesOfReport(report, context));
}
