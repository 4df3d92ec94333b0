// The statistics of one figure over a group of reports. Counts are integers (exact in a
// float64 up to 2^53, far above any national total); the fee is summed as an exact decimal.
// A blank or marker cell counts as a report without a value, never as 0.
import { compareDecimals } from '../domain/format/decimal';
import type { DecimalString } from '../domain/importer/types';
import { DecimalAccumulator, midpoint } from './decimalAccumulator';

export interface FigureStatistics {
  /** Reports in the group. */
  reports: number;
  /** Reports whose cell has a value (0 included). */
  withValue: number;
  /** Reports whose cell is empty or holds a marker. */
  blanks: number;
  /** Exact decimals; null when no report has a value. */
  sum: DecimalString | null;
  min: DecimalString | null;
  max: DecimalString | null;
  median: DecimalString | null;
  /** sum / withValue as a float (a mean is rarely a whole number); null without values. */
  mean: number | null;
}

/** Statistics of decimal cells given as strings, null for a blank. */
export function decimalStatistics(values: ReadonlyArray<DecimalString | null>): FigureStatistics {
  const present = values.filter((value): value is DecimalString => value !== null);
  if (present.length === 0) return empty(values.length);
  const sum = new DecimalAccumulator();
  for (const value of present) sum.add(value);
  const sorted = [...present].sort(compareDecimals);
  const middle = Math.floor(sorted.length / 2);
  const total = sum.total;
  return {
    reports: values.length,
    withValue: present.length,
    blanks: values.length - present.length,
    sum: total,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    median: sorted.length % 2 === 1 ? sorted[middle] : midpoint(sorted[middle - 1], sorted[middle]),
    mean: Number(total) / present.length,
  };
}

/** Statistics of integer cells: `values` holds the present values, `blanks` counts the rest. */
export function integerStatistics(values: Float64Array, blanks: number): FigureStatistics {
  if (values.length === 0) return empty(blanks);
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? String(sorted[middle])
      : midpoint(String(sorted[middle - 1]), String(sorted[middle]));
  return {
    reports: values.length + blanks,
    withValue: values.length,
    blanks,
    sum: String(sum),
    min: String(sorted[0]),
    max: String(sorted[sorted.length - 1]),
    median,
    mean: sum / values.length,
  };
}

/** Statistics of rates (indicators): not computable counts as blank. */
export function rateStatistics(values: Float64Array, notComputable: number): FigureStatistics {
  if (values.length === 0) return empty(notComputable);
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    reports: values.length + notComputable,
    withValue: values.length,
    blanks: notComputable,
    sum: String(sum),
    min: String(sorted[0]),
    max: String(sorted[sorted.length - 1]),
    median: String(median),
    mean: sum / values.length,
  };
}

function empty(reports: number): FigureStatistics {
  return {
    reports,
    withValue: 0,
    blanks: reports,
    sum: null,
    min: null,
    max: null,
    median: null,
    mean: null,
  };
}
