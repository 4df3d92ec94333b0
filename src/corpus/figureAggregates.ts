// Statistics of figures and indicators per group of reports: by year, province, city, county,
// agency level or agency, in any combination (within limits that keep an answer small).
import type { DecimalString } from '../domain/importer/types';
import type { AgencyLevel } from '../domain/regions/regionTypes';
import { CorpusInputError } from './corpusInputError';
import { selectReports, type CorpusFilter } from './corpusFilter';
import { metricOf, type CorpusMetric } from './corpusMetric';
import type { CorpusView } from './corpusView';
import {
  decimalStatistics,
  integerStatistics,
  rateStatistics,
  type FigureStatistics,
} from './figureStatistics';

export type GroupDimension = 'YEAR' | 'PROVINCE' | 'CITY' | 'COUNTY' | 'LEVEL' | 'AGENCY';

export const MAX_AGGREGATE_KEYS = 20;
/** Groups x keys in one answer. */
export const MAX_AGGREGATE_ROWS = 10_000;
/** Without a filter that narrows the corpus (region, agencies or years), at most this many. */
export const MAX_WHOLE_CORPUS_DIMENSIONS = 2;

export interface AggregateGroup {
  year: number | null;
  provinceCode: string | null;
  cityCode: string | null;
  countyCode: string | null;
  level: AgencyLevel | null;
  agencyOrdinal: number | null;
}

export interface AggregateRow extends FigureStatistics {
  group: AggregateGroup;
  key: string;
}

/** The agency's part of a group (region tiers, level, agency): the same for all its reports. */
function agencyGroupOf(
  view: CorpusView,
  agencyOrdinal: number,
  dimensions: ReadonlySet<GroupDimension>,
): AggregateGroup {
  const index = view.index;
  const group: AggregateGroup = {
    year: null,
    provinceCode: null,
    cityCode: null,
    countyCode: null,
    level: null,
    agencyOrdinal: null,
  };
  if (dimensions.has('AGENCY')) group.agencyOrdinal = agencyOrdinal;
  if (dimensions.has('LEVEL')) group.level = view.region(agencyOrdinal).level;
  if (dimensions.has('PROVINCE') || dimensions.has('CITY') || dimensions.has('COUNTY')) {
    for (const code of view.regionPath(agencyOrdinal)) {
      const tier = index.tree.get(code)?.tier;
      if (tier === 'province' && dimensions.has('PROVINCE')) group.provinceCode = code;
      if (tier === 'city' && dimensions.has('CITY')) group.cityCode = code;
      if (tier === 'county' && dimensions.has('COUNTY')) group.countyCode = code;
    }
  }
  return group;
}

function groupId(group: AggregateGroup): string {
  return [
    group.year,
    group.provinceCode,
    group.cityCode,
    group.countyCode,
    group.level,
    group.agencyOrdinal,
  ].join('|');
}

function statisticsOf(
  metric: CorpusMetric,
  view: CorpusView,
  ordinals: readonly number[],
): FigureStatistics {
  if (metric.decimal) {
    return decimalStatistics(
      ordinals.map((ordinal) => metric.reading(ordinal).value as DecimalString | null),
    );
  }
  const present = new Float64Array(ordinals.length);
  let count = 0;
  for (const ordinal of ordinals) {
    const value = metric.numeric(ordinal);
    if (!Number.isNaN(value)) present[count++] = value;
  }
  const values = present.slice(0, count);
  return metric.indicator
    ? rateStatistics(values, ordinals.length - count)
    : integerStatistics(values, ordinals.length - count);
}

export function figureAggregates(
  view: CorpusView,
  keys: readonly string[],
  groupBy: readonly GroupDimension[],
  filter: CorpusFilter = {},
): AggregateRow[] {
  if (keys.length === 0) throw new CorpusInputError('UNKNOWN_KEY', 'keys is empty', 'keys');
  if (keys.length > MAX_AGGREGATE_KEYS) {
    throw new CorpusInputError(
      'TOO_MANY_KEYS',
      `at most ${MAX_AGGREGATE_KEYS} keys at once`,
      'keys',
    );
  }
  const dimensions = new Set(groupBy);
  const narrowed =
    Boolean(filter.regionCode) ||
    Boolean(filter.agencyIds?.length) ||
    (filter.year !== undefined && filter.year !== null) ||
    Boolean(filter.years?.length);
  if (dimensions.size > MAX_WHOLE_CORPUS_DIMENSIONS && !narrowed) {
    throw new CorpusInputError(
      'TOO_MANY_DIMENSIONS',
      `groupBy over more than ${MAX_WHOLE_CORPUS_DIMENSIONS} dimensions needs a filter by region, agencies or years`,
      'groupBy',
    );
  }
  const metrics = keys.map((key, i) => metricOf(view, key, `keys[${i}]`));
  const selected = selectReports(view, filter);
  const groups = new Map<string, { group: AggregateGroup; ordinals: number[] }>();
  // Each agency's part of the group, and its id, decided once per agency (and kept by the view).
  const partName = `aggregateGroup:${[...dimensions]
    .filter((d) => d !== 'YEAR')
    .sort()
    .join(',')}`;
  const byYear = dimensions.has('YEAR');
  for (const ordinal of selected) {
    const agencyOrdinal = view.index.agencyOfReport[ordinal];
    const part = view.perAgency(partName, agencyOrdinal, () => {
      const group = agencyGroupOf(view, agencyOrdinal, dimensions);
      return { group, id: groupId(group) };
    });
    const year = view.index.yearOfReport[ordinal];
    const id = byYear ? `${year}|${part.id}` : part.id;
    let entry = groups.get(id);
    if (!entry) {
      entry = { group: byYear ? { ...part.group, year } : part.group, ordinals: [] };
      groups.set(id, entry);
      if (groups.size * metrics.length > MAX_AGGREGATE_ROWS) {
        throw new CorpusInputError(
          'TOO_MANY_GROUPS',
          `the grouping gives more than ${MAX_AGGREGATE_ROWS} rows; narrow the filter or group by less`,
          'groupBy',
        );
      }
    }
    entry.ordinals.push(ordinal);
  }
  const names = view.index.agencies;
  const ordered = [...groups.values()].sort((a, b) => compareGroups(a.group, b.group, names));
  return ordered.flatMap(({ group, ordinals }) =>
    metrics.map((metric) => ({ group, key: metric.key, ...statisticsOf(metric, view, ordinals) })),
  );
}

function compareNullable(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareGroups(
  a: AggregateGroup,
  b: AggregateGroup,
  agencies: ReadonlyArray<{ name: string }>,
): number {
  return (
    compareNullable(a.year, b.year) ||
    compareNullable(a.provinceCode, b.provinceCode) ||
    compareNullable(a.cityCode, b.cityCode) ||
    compareNullable(a.countyCode, b.countyCode) ||
    compareNullable(a.level, b.level) ||
    compareNullable(
      a.agencyOrdinal === null ? null : agencies[a.agencyOrdinal].name,
      b.agencyOrdinal === null ? null : agencies[b.agencyOrdinal].name,
    )
  );
}
