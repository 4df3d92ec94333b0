// What `agencies(filter:)` calls to answer from the corpus index: pages of agency rows with
// cursors and totals.
import { agenciesPage, type AgencyPage } from '../../src/corpus/agencySelection';
import type { AgencyKind, AgencyLevel } from '../../src/domain/regions/regionTypes';
import type { RequestContext } from '../context';
import type { Agency } from '../types/agency';
import { corpusViewOf } from './corpusContext';
import { agencyOfRow } from './corpusGraph';
import type { AgencyFilterInput } from './corpusInputs';

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
