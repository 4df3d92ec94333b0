// Agencies by region subtree, level and kind, in name order, for `agencies(filter:)`. Agencies
// are few (one per publishing body), so a page is a filtered scan of the index's agency rows.
import type { AgencyKind, AgencyLevel } from '../domain/regions/regionTypes';
import { agencyNameRanks } from './agencyNameOrder';
import { checkRegionCode } from './corpusFilter';
import type { AgencyRow } from './corpusIndex';
import { CorpusInputError } from './corpusInputError';
import type { CorpusView } from './corpusView';

export interface AgencyFilter {
  regionCode?: string | null;
  level?: AgencyLevel | null;
  kind?: AgencyKind | null;
  nameContains?: string | null;
  /** Only agencies whose region is not settled (ambiguous or unresolved names). */
  unresolved?: boolean | null;
  /** Include sample agencies (left out by default); removed ones are always left out. */
  includeSample?: boolean | null;
}

export interface AgencyPage {
  totalCount: number;
  agencies: AgencyRow[];
  hasNextPage: boolean;
  cursorOf(agency: AgencyRow): string;
}

/** The cursor of an agency in name order is its agency id. */
export function agenciesPage(
  view: CorpusView,
  filter: AgencyFilter,
  first: number,
  after: string | null,
): AgencyPage {
  if (filter.regionCode) checkRegionCode(view, filter.regionCode, 'filter.regionCode');
  const index = view.index;
  const ranks = agencyNameRanks(index);
  const needle = filter.nameContains?.trim().slice(0, 100) ?? '';
  const matching = index.agencies.filter((agency) => {
    if (!view.agencyExists(agency.ordinal)) return false;
    if (agency.removed || (agency.sample && filter.includeSample !== true)) return false;
    if (needle && !agency.name.includes(needle)) return false;
    const region = view.region(agency.ordinal);
    if (filter.level && region.level !== filter.level) return false;
    if (filter.kind && region.kind !== filter.kind) return false;
    if (filter.unresolved && region.code !== null) return false;
    if (filter.regionCode && !view.regionPath(agency.ordinal).includes(filter.regionCode))
      return false;
    return true;
  });
  matching.sort((a, b) => ranks[a.ordinal] - ranks[b.ordinal]);
  let start = 0;
  if (after) {
    const ordinal = index.agencyOrdinal(after);
    if (ordinal === undefined) {
      throw new CorpusInputError('BAD_CURSOR', 'not a cursor of this connection', 'after');
    }
    start = matching.findIndex((agency) => ranks[agency.ordinal] > ranks[ordinal]);
    if (start < 0) start = matching.length;
  }
  return {
    totalCount: matching.length,
    agencies: matching.slice(start, start + first),
    hasNextPage: start + first < matching.length,
    cursorOf: (agency) => agency.agencyId,
  };
}
