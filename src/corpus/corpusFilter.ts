// Which reports a corpus query covers: by year(s), region subtree, agency level and kind,
// status and agency. Validated against the index (an unknown region code is an error, not an
// empty answer).
import type { AgencyKind, AgencyLevel } from '../domain/regions/regionTypes';
import { CorpusInputError } from './corpusInputError';
import { STATUS_NAMES, type ReportStatusName } from './corpusIndex';
import type { CorpusView } from './corpusView';

export interface CorpusFilter {
  year?: number | null;
  years?: readonly number[] | null;
  /** GB/T 2260 code: the region and everything below it. */
  regionCode?: string | null;
  level?: AgencyLevel | null;
  kind?: AgencyKind | null;
  status?: readonly ReportStatusName[] | null;
  agencyIds?: readonly string[] | null;
  /** Include sample data (left out by default); removed agencies are always left out. */
  includeSample?: boolean | null;
  /**
   * Per-report facts the index does not hold (such as failed rules, counted by the report
   * summaries): only these reports, or all but these.
   */
  reportIdIn?: ReadonlySet<string> | null;
  reportIdNotIn?: ReadonlySet<string> | null;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CorpusInputError(
      'BAD_YEAR',
      `year must be between ${MIN_YEAR} and ${MAX_YEAR}`,
      field,
    );
  }
}

export function checkRegionCode(view: CorpusView, code: string, field: string): void {
  if (!view.index.tree.get(code)) {
    throw new CorpusInputError(
      'UNKNOWN_REGION',
      `${code} is not a GB/T 2260 code of a province, city or county`,
      field,
    );
  }
}

/** The ordinals of the reports that existed at the view's instant and match, in ordinal order. */
export function selectReports(
  view: CorpusView,
  filter: CorpusFilter = {},
  field = 'filter',
): Int32Array {
  const years = new Set<number>();
  if (filter.year !== undefined && filter.year !== null) {
    checkYear(filter.year, `${field}.year`);
    years.add(filter.year);
  }
  for (const year of filter.years ?? []) {
    checkYear(year, `${field}.years`);
    years.add(year);
  }
  if (filter.regionCode) checkRegionCode(view, filter.regionCode, `${field}.regionCode`);
  const statuses = filter.status?.length
    ? new Set(filter.status.map((name) => STATUS_NAMES.indexOf(name)))
    : null;
  let agencies: Set<number> | null = null;
  if (filter.agencyIds?.length) {
    agencies = new Set();
    for (const agencyId of filter.agencyIds) {
      const ordinal = view.index.agencyOrdinal(agencyId);
      if (ordinal !== undefined) agencies.add(ordinal);
    }
  }
  // Region, level and kind are per agency: decide each agency once (0 not yet, 1 in, 2 out).
  const agencyMatches = new Uint8Array(view.index.agencies.length);
  const agencyMatch = (agencyOrdinal: number): boolean => {
    if (agencyMatches[agencyOrdinal] === 0) {
      const region = view.region(agencyOrdinal);
      const agency = view.index.agencies[agencyOrdinal];
      const match =
        !agency?.removed &&
        (filter.includeSample === true || !agency?.sample) &&
        (!agencies || agencies.has(agencyOrdinal)) &&
        (!filter.regionCode || view.regionPath(agencyOrdinal).includes(filter.regionCode)) &&
        (!filter.level || region.level === filter.level) &&
        (!filter.kind || region.kind === filter.kind);
      agencyMatches[agencyOrdinal] = match ? 1 : 2;
    }
    return agencyMatches[agencyOrdinal] === 1;
  };
  const index = view.index;
  const candidates = candidateReports(view, years);
  const selected = new Int32Array(candidates.length);
  let count = 0;
  for (const ordinal of candidates) {
    if (!view.exists(ordinal)) continue;
    if (statuses && !statuses.has(view.status(ordinal))) continue;
    if (!agencyMatch(index.agencyOfReport[ordinal])) continue;
    if (filter.reportIdIn && !filter.reportIdIn.has(index.reportIds[ordinal])) continue;
    if (filter.reportIdNotIn?.has(index.reportIds[ordinal])) continue;
    selected[count++] = ordinal;
  }
  return selected.slice(0, count);
}

/** The reports of `years` in ordinal order (every report when none are given). */
function candidateReports(view: CorpusView, years: ReadonlySet<number>): Int32Array {
  const { index } = view;
  if (years.size === 0) {
    const all = new Int32Array(index.reportCount);
    for (let ordinal = 0; ordinal < all.length; ordinal++) all[ordinal] = ordinal;
    return all;
  }
  const lists = [...years].map((year) => index.reportsOfYear(year));
  if (lists.length === 1) return lists[0];
  const merged = new Int32Array(lists.reduce((total, list) => total + list.length, 0));
  let offset = 0;
  for (const list of lists) {
    merged.set(list, offset);
    offset += list.length;
  }
  return merged.sort();
}
