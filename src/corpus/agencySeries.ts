// One agency across years: a figure's or indicator's value per year, and the comparison of two
// years (absolute and relative change per key, and the cross-year consistency rules).
import { subtractDecimals } from '../domain/format/decimal';
import { FIGURE_KEYS } from '../domain/format/figureCatalog';
import type { DecimalString } from '../domain/importer/types';
import { evaluateRules } from '../domain/rules';
import type { FigureValues, RuleResult } from '../domain/rules/types';
import { CorpusInputError } from './corpusInputError';
import { metricOf, type MetricReading } from './corpusMetric';
import type { CorpusView } from './corpusView';

export interface SeriesPoint {
  key: string;
  year: number;
  /** The report of that year; null when the agency has none (then `reading` is blank). */
  reportOrdinal: number | null;
  reading: MetricReading;
}

const NO_REPORT: MetricReading = { value: null, marker: null, computable: false, reason: 'blank' };
const MAX_SERIES_YEARS = 50;

function checkYears(fromYear: number, toYear: number): void {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new CorpusInputError('BAD_YEAR', 'fromYear must be a year not after toYear', 'fromYear');
  }
  if (toYear - fromYear >= MAX_SERIES_YEARS) {
    throw new CorpusInputError('BAD_YEAR', `at most ${MAX_SERIES_YEARS} years`, 'toYear');
  }
}

/** Every year from fromYear to toYear, per key (in the order given). */
export function agencySeries(
  view: CorpusView,
  agencyOrdinal: number,
  keys: readonly string[],
  fromYear: number,
  toYear: number,
): SeriesPoint[] {
  checkYears(fromYear, toYear);
  const metrics = keys.map((key, i) => metricOf(view, key, `keys[${i}]`));
  const points: SeriesPoint[] = [];
  for (const metric of metrics) {
    for (let year = fromYear; year <= toYear; year++) {
      const ordinal = view.index.reportOf(agencyOrdinal, year);
      const present = ordinal !== undefined && view.exists(ordinal);
      points.push({
        key: metric.key,
        year,
        reportOrdinal: present ? ordinal : null,
        reading: present ? metric.reading(ordinal) : NO_REPORT,
      });
    }
  }
  return points;
}

export interface YearComparison {
  key: string;
  a: MetricReading;
  b: MetricReading;
  /** b - a, exact for figures; null when either is blank. */
  absoluteChange: DecimalString | null;
  /** (b - a) / a; null when either is blank or a is 0. */
  relativeChange: number | null;
}

export interface YearsCompared {
  reportA: number | null;
  reportB: number | null;
  keys: YearComparison[];
  /** XY_CARRY and XY_IN_FORCE of year B against year A; empty unless B = A + 1 and both exist. */
  crossYearRules: RuleResult[];
}

function figureValuesOf(view: CorpusView, ordinal: number): FigureValues {
  const values: Record<string, DecimalString | null> = {};
  for (const key of FIGURE_KEYS) values[key] = view.value(key, ordinal);
  return values;
}

export function compareYears(
  view: CorpusView,
  agencyOrdinal: number,
  yearA: number,
  yearB: number,
  keys: readonly string[] = FIGURE_KEYS,
): YearsCompared {
  checkYears(Math.min(yearA, yearB), Math.max(yearA, yearB));
  const found = (year: number) => {
    const ordinal = view.index.reportOf(agencyOrdinal, year);
    return ordinal !== undefined && view.exists(ordinal) ? ordinal : null;
  };
  const reportA = found(yearA);
  const reportB = found(yearB);
  const comparisons = keys.map((key, i) => {
    const metric = metricOf(view, key, `keys[${i}]`);
    const a = reportA === null ? NO_REPORT : metric.reading(reportA);
    const b = reportB === null ? NO_REPORT : metric.reading(reportB);
    let absoluteChange: DecimalString | null = null;
    let relativeChange: number | null = null;
    if (a.value !== null && b.value !== null) {
      absoluteChange = metric.indicator
        ? String(Number(b.value) - Number(a.value))
        : subtractDecimals(b.value, a.value);
      relativeChange = Number(a.value) === 0 ? null : Number(absoluteChange) / Number(a.value);
    }
    return { key, a, b, absoluteChange, relativeChange };
  });
  const crossYearRules =
    reportA !== null && reportB !== null && yearB === yearA + 1
      ? evaluateRules(figureValuesOf(view, reportB), {
          previousYear: figureValuesOf(view, reportA),
        }).filter((result) => result.id === 'XY_CARRY' || result.id === 'XY_IN_FORCE')
      : [];
  return { reportA, reportB, keys: comparisons, crossYearRules };
}
