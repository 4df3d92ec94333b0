// `reports(filter, orderBy)` over the corpus index: the filter by region subtree, level, status
// and years, ordered by a figure or indicator key, by year or by agency name, with totalCount.
// The resolver (resolvers/reportResolver.ts) turns the ordinals into reports.
import { selectReports, type CorpusFilter } from './corpusFilter';
import { metricOf } from './corpusMetric';
import type { CorpusView } from './corpusView';
import { rankReports, type RankDirection } from './reportRanking';

export interface ReportOrder {
  /** A figure or indicator key: order by its value (blanks last). */
  key?: string | null;
  /** Without a key: YEAR (default, newest first) or AGENCY_NAME. */
  by?: 'YEAR' | 'AGENCY_NAME' | null;
  direction?: RankDirection | null;
}

export interface ReportSelectionPage {
  totalCount: number;
  reportIds: string[];
  hasNextPage: boolean;
  /** The cursor of each report id on the page. */
  cursors: string[];
}

export function reportSelectionPage(
  view: CorpusView,
  filter: CorpusFilter,
  order: ReportOrder,
  first: number,
  after: string | null,
): ReportSelectionPage {
  const selected = selectReports(view, filter);
  const ranking = order.key
    ? {
        by: 'VALUE' as const,
        direction: order.direction ?? 'DESC',
        metric: metricOf(view, order.key, 'orderBy.key'),
      }
    : {
        by: order.by ?? 'YEAR',
        direction: order.direction ?? (order.by === 'AGENCY_NAME' ? 'ASC' : 'DESC'),
      };
  const page = rankReports(view, selected, ranking, first, after);
  return {
    totalCount: page.totalCount,
    reportIds: page.ordinals.map((ordinal) => view.index.reportIds[ordinal]),
    hasNextPage: page.hasNextPage,
    cursors: page.ordinals.map((ordinal) => page.cursorOf(ordinal)),
  };
}
