// `reports(filter:, orderBy:, asOf:)` and `agencies(filter:)`: answered from the corpus index
// (region subtree, level, kind, status, years, ordering by a figure or indicator, asOf, totals),
// except a `hasFailedRules` filter, which only the list read model knows. Sample data is left
// out unless `includeSample`, removed agencies always.
import { agencyIdFor, normaliseAgencyName } from '../events/report/ids';
import type { CorpusView } from '../src/corpus/corpusView';
import { cursorValues } from '../src/readSide/keysetPage';
import { REPORT_ORDER, reportSummaryPage } from '../src/readSide/reportQueries';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { corpusReports } from './corpus/corpusConnections';
import { corpusViewOf } from './corpus/corpusContext';
import type { CorpusFilterInput, ReportOrderInput } from './corpus/corpusInputs';
import { decodeCursor, encodeCursor } from './cursor';
import { currentReport } from './reportViews';
import type { ReportFilter } from './types/inputs';
import type { Report } from './types/report';
import { pageInfoOf, type PageInfo } from './types/pageInfo';

export interface ReportListPage {
  edges: Array<{ cursor: string; node: Report }>;
  pageInfo: PageInfo;
  /** Null where it is not counted (the `hasFailedRules` filter). */
  totalCount: number | null;
}

/** Agency ids a list leaves out: removed agencies, and sample ones unless asked for. */
export function hiddenAgencyIds(view: CorpusView, includeSample: boolean): string[] {
  return view.index.agencies
    .filter((agency) => agency.removed || (agency.sample && !includeSample))
    .map((agency) => agency.agencyId);
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

export async function reportListPage(
  context: RequestContext,
  filter: ReportFilter | null,
  orderBy: ReportOrderInput | null,
  asOf: Date | null,
  size: number,
  after: string | null,
): Promise<ReportListPage> {
  const includeSample = filter?.includeSample === true;
  if (typeof filter?.hasFailedRules === 'boolean') {
    const view = await corpusViewOf(context, null);
    const rows = await reportSummaryPage(
      context.ledger.models,
      {
        ...(filter.agency ? { agencyKey: normaliseAgencyName(filter.agency) } : {}),
        ...(filter.year !== undefined && filter.year !== null ? { year: filter.year } : {}),
        hasFailedRules: filter.hasFailedRules,
        hiddenAgencyIds: hiddenAgencyIds(view, includeSample),
      },
      after ? decodeCursor(after, ['number', 'string']) : null,
      size + 1,
    );
    for (const row of rows.slice(0, size)) context.loaders.reportSummary.prime(row._id, row);
    const page = connectionOf(
      rows,
      size,
      (row) => encodeCursor(cursorValues(REPORT_ORDER, row)),
      currentReport,
    );
    return { ...page, totalCount: null };
  }
  const page = await corpusReports(context, corpusFilterOf(filter), orderBy, size, after, asOf);
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
