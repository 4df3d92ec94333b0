// Building Report objects from read models or folded states, and the pieces Report fields share.
import { reportIdFor } from '../events/report/ids';
import type { ReportState } from '../events/report/reportState';
import type { ReportReadDocument } from '../models/reportReadModel';
import { figureValuesOf, rulesOf } from '../src/projections/reportRules';
import type { RuleResult } from '../src/domain/rules/types';
import type { RequestContext } from './context';
import { reportAtRevisionId, toGlobalId } from './globalId';
import type { ReportSummary } from './loaders';
import { ViewMemo } from '../src/readSide/viewMemo';
import { reportOf, type Report } from './types/report';

export function currentReport(document: ReportSummary | ReportReadDocument): Report {
  const full = 'figures' in document ? (document as ReportReadDocument) : null;
  return reportOf(document as ReportSummary, full, false, toGlobalId('Report', document.reportId));
}

/**
 * A past revision has ids of its own (`<report>@<revision>`), so a normalised client cache
 * (Apollo InMemoryCache, Relay, urql) keeps it apart from the current report and its figures.
 */
export function pastReport(state: ReportState): Report {
  return reportOf(
    state,
    state,
    true,
    toGlobalId('Report', reportAtRevisionId(state.reportId, state.revision)),
  );
}

export async function fullOf(
  report: Report,
  context: RequestContext,
): Promise<ReportReadDocument | ReportState> {
  if (report.full) return report.full;
  const document = await context.loaders.report.load(report.reportId);
  if (!document) throw new Error(`report ${report.reportId} vanished from the read model`);
  report.full = document;
  return document;
}

/** Rule results, with the cross-year rules when the previous year's report is known. */
export async function rulesOfReport(
  report: Report,
  context: RequestContext,
): Promise<RuleResult[]> {
  const [previous, full] = await Promise.all([
    // Report ids derive from (agency name, year), so last year's report is an id lookup.
    context.loaders.report.load(reportIdFor(report.agencyName, report.year - 1)),
    fullOf(report, context),
  ]);
  const sameAgency = previous !== null && previous.agencyId === report.agencyId;
  const previousYear = sameAgency ? previous : null;
  return rulesMemo.get(
    full,
    () => rulesOf(full, previousYear ? figureValuesOf(previousYear) : undefined),
    previousYear,
  );
}

const rulesMemo = new ViewMemo<ReportReadDocument | ReportState, RuleResult[]>();
