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
  // Region, level and kind are per agency: decide each agency once.
  const agencyMatches = new Map<number, boolean>();
  const agencyMatch = (agencyOrdinal: number): boolean => {
    let match = agencyMatches.get(agencyOrdinal);
    if (match === undefined) {
      const region = view.region(agencyOrdinal);
      const agency = view.index.agencies[agencyOrdinal];
      match =
        !agency?.removed &&
        (filter.includeSample === true || !agency?.sample) &&
        (!agencies || agencies.has(agencyOrdinal)) &&
        (!filter.regionCode || view.regionPath(agencyOrdinal).includes(filter.regionCode)) &&
        (!filter.level || region.level === filter.level) &&
        (!filter.kind || region.kind === filter.kind);
      agencyMatches.set(agencyOrdinal, match);
    }
    return match;
  };
  const index = view.index;
  const selected = new Int32Array(index.reportCount);
  let count = 0;
  for (let ordinal = 0; ordinal < index.reportCount; ordinal++) {
    if (!view.exists(ordinal)) continue;
    if (years.size > 0 && !years.has(index.yearOfReport[ordinal])) continue;
    if (statuses && !statuses.has(view.status(ordinal))) continue;
    if (!agencyMatch(index.agencyOfReport[ordinal])) continue;
    if (filter.reportIdIn && !filter.reportIdIn.has(index.reportIds[ordinal])) continue;
    if (filter.reportIdNotIn?.has(index.reportIds[ordinal])) continue;
    selected[count++] = ordinal;
  }
  return selected.slice(0, count);
}
