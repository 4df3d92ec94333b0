// What `agencies(filter:)` and `reports(filter:, orderBy:)` (resolvers owned elsewhere) call to
// answer from the corpus index: pages of agency rows and report ids with cursors and totals.
import { agenciesPage, type AgencyPage } from '../../src/corpus/agencySelection';
import { reportSelectionPage, type ReportSelectionPage } from '../../src/corpus/reportSelection';
import type { AgencyKind, AgencyLevel } from '../../src/domain/regions/regionTypes';
import type { RequestContext } from '../context';
import type { Agency } from '../types/agency';
import { corpusViewOf } from './corpusContext';
import { agencyOfRow } from './corpusGraph';
import { toCorpusFilter } from './corpusFilterInput';
import type { AgencyFilterInput, CorpusFilterInput, ReportOrderInput } from './corpusInputs';

export interface AgencyConnectionPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: Agency }>;
  hasNextPage: boolean;
}

export async function corpusAgencies(
  context: RequestContext,
  filter: AgencyFilterInput | null,
  first: number,
  after: string | null,
): Promise<AgencyConnectionPage> {
  const view = await corpusViewOf(context, null);
  const page: AgencyPage = agenciesPage(
    view,
    {
      regionCode: filter?.regionCode ?? null,
      level: (filter?.level as AgencyLevel | null | undefined) ?? null,
      kind: (filter?.kind as AgencyKind | null | undefined) ?? null,
      nameContains: filter?.nameContains ?? null,
      includeSample: filter?.includeSample ?? null,
      unresolved: filter?.unresolved ?? null,
    },
    first,
    after,
  );
  return {
    totalCount: page.totalCount,
    edges: page.agencies.map((row) => ({ cursor: page.cursorOf(row), node: agencyOfRow(row) })),
    hasNextPage: page.hasNextPage,
  };
}

/** Report ids in order; the caller loads them (loaders.reportSummary) and builds the edges. */
export async function corpusReports(
  context: RequestContext,
  filter: CorpusFilterInput | null,
  orderBy: ReportOrderInput | null,
  first: number,
  after: string | null,
  asOf: Date | null = null,
): Promise<ReportSelectionPage> {
  const view = await corpusViewOf(context, asOf);
  return reportSelectionPage(
    view,
    toCorpusFilter(filter),
    {
      key: orderBy?.key ?? null,
      by: orderBy?.by === 'AGENCY_NAME' ? 'AGENCY_NAME' : orderBy?.by === 'YEAR' ? 'YEAR' : null,
      direction: orderBy?.direction ?? null,
    },
    first,
    after,
  );
}
