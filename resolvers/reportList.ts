// `reports(filter:, orderBy:, asOf:)`: one filter path over the corpus index (region subtree,
// level, kind, status, years, agency, ordering by a figure or indicator, asOf, totals), every
// filter together. `hasFailedRules` adds the reports the summaries count failed rules for (the
// index holds figures, not rule results). Sample data is left out unless `includeSample`,
// removed agencies always.
import { ReportInputError } from '../events/report/errors';
import { agencyIdFor } from '../events/report/ids';
import type { CorpusFilter } from '../src/corpus/corpusFilter';
import type { CorpusView } from '../src/corpus/corpusView';
import { reportSelectionPage } from '../src/corpus/reportSelection';
import { reportIdsWithFailedRules } from '../src/readSide/failedRuleReports';
import type { RequestContext } from './context';
import { corpusViewOf } from './corpus/corpusContext';
import { toCorpusFilter } from './corpus/corpusFilterInput';
import type { CorpusFilterInput, ReportOrderInput } from './corpus/corpusInputs';
import { currentReport } from './reportViews';
import type { ReportFilter } from './types/inputs';
import type { Report } from './types/report';
import { pageInfoOf, type PageInfo } from './types/pageInfo';

export interface ReportListPage {
  edges: Array<{ cursor: string; node: Report }>;
  pageInfo: PageInfo;
  /** Null where it is not counted (an agency's reports). */
  totalCount: number | null;
}

function corpusFilterOf(filter: ReportFilter | null): CorpusFilterInput {
  return {
    year: filter?.year ?? null,
    years: filter?.years ?? null,
    regionCode: filter?.regionCode ?? null,
    level: filter?.level ?? null,
    kind: filter?.kind ?? null,
    status: filter?.status ?? null,
    agencyIds: [
      ...(filter?.agencyIds ?? []),
      ...(filter?.agency ? [agencyIdFor(filter.agency)] : []),
    ],
    includeSample: filter?.includeSample ?? null,
  };
}

/** The corpus filter, with the reports `hasFailedRules` keeps when it is given. */
async function listFilterOf(
  context: RequestContext,
  view: CorpusView,
  filter: ReportFilter | null,
  asOf: Date | null,
): Promise<CorpusFilter> {
  const corpusFilter = toCorpusFilter(corpusFilterOf(filter));
  const hasFailedRules = filter?.hasFailedRules;
  if (typeof hasFailedRules !== 'boolean') return corpusFilter;
  if (asOf) {
    // Rule counts are kept for the current revision only.
    throw new ReportInputError(
      'hasFailedRules judges the current figures and cannot be combined with asOf',
      'filter.hasFailedRules',
    );
  }
  const failed = await reportIdsWithFailedRules(context.ledger.models, view);
  return hasFailedRules
    ? { ...corpusFilter, reportIdIn: failed }
    : { ...corpusFilter, reportIdNotIn: failed };
}

export async function reportListPage(
  context: RequestContext,
  filter: ReportFilter | null,
  orderBy: ReportOrderInput | null,
  asOf: Date | null,
  size: number,
  after: string | null,
): Promise<ReportListPage> {
  const view = await corpusViewOf(context, asOf);
  const page = reportSelectionPage(
    view,
    await listFilterOf(context, view, filter, asOf),
    {
      key: orderBy?.key ?? null,
      by: orderBy?.by === 'AGENCY_NAME' ? 'AGENCY_NAME' : orderBy?.by === 'YEAR' ? 'YEAR' : null,
      direction: orderBy?.direction ?? null,
    },
    size,
    after,
  );
  const summaries = await context.loaders.reportSummary.loadMany(page.reportIds);
  const edges: ReportListPage['edges'] = [];
  summaries.forEach((summary, i) => {
    // A report the log has but the list read model not yet (another process's import still
    // being projected) is left out of this page rather than shown half.
    if (summary && !(summary instanceof Error)) {
      edges.push({ cursor: page.cursors[i], node: currentReport(summary) });
    }
  });
  return {
    edges,
    pageInfo: pageInfoOf(page.cursors, page.hasNextPage),
    totalCount: page.totalCount,
  };
}
