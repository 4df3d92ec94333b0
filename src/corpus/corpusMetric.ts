// A figure key or an indicator key, read the same way over the corpus: a number per report
// (NaN when blank, a marker, or not computable) and the detail behind it.
import { figureDefinition } from '../domain/format/figureCatalog';
import {
  evaluateFormula,
  type IndicatorValue,
  type NotComputableReason,
} from '../domain/indicators/evaluateIndicator';
import {
  indicatorDefinition,
  type IndicatorDefinition,
} from '../domain/indicators/indicatorCatalog';
import type { CellMarker, DecimalString } from '../domain/importer/types';
import { CorpusInputError } from './corpusInputError';
import type { CorpusView } from './corpusView';

export interface MetricReading {
  /** Exact text for a figure; the rate for an indicator (as text); null when there is none. */
  value: DecimalString | null;
  marker: CellMarker | null;
  /** Indicators: false when not computable. Figures: false when blank. */
  computable: boolean;
  reason: NotComputableReason | 'blank' | null;
}

export interface CorpusMetric {
  readonly key: string;
  readonly indicator: IndicatorDefinition | null;
  /** The figure is a decimal (the fee), summed exactly. */
  readonly decimal: boolean;
  /** NaN when there is no value. */
  numeric(ordinal: number): number;
  reading(ordinal: number): MetricReading;
}

export function isMetricKey(key: string): boolean {
  return figureDefinition(key) !== undefined || indicatorDefinition(key) !== undefined;
}

export function checkMetricKey(key: string, field: string): void {
  if (!isMetricKey(key)) {
    throw new CorpusInputError(
      'UNKNOWN_KEY',
      `${key.slice(0, 100)} is neither a figure key (figureCatalog) nor an indicator key (indicators)`,
      field,
    );
  }
}

export function metricOf(view: CorpusView, key: string, field = 'key'): CorpusMetric {
  checkMetricKey(key, field);
  const indicator = indicatorDefinition(key);
  if (!indicator) {
    const column = view.column(key);
    if (!column) throw new Error(`no column for ${key}`);
    return {
      key,
      indicator: null,
      decimal: column.decimals !== null,
      numeric: (ordinal) => column.values[ordinal],
      reading: (ordinal) => {
        const cell = view.cell(key, ordinal);
        const value = cell?.value ?? null;
        return {
          value,
          marker: cell?.marker ?? null,
          computable: value !== null,
          reason: value === null ? 'blank' : null,
        };
      },
    };
  }
  const cache = new Map<number, IndicatorValue>();
  const evaluate = (ordinal: number): IndicatorValue => {
    let result = cache.get(ordinal);
    if (!result) {
      const previous = view.previousYearReport(ordinal);
      result = evaluateFormula(indicator.formula, {
        current: (figureKey) => view.value(figureKey, ordinal),
        ...(previous !== undefined
          ? { previousYear: (figureKey: string) => view.value(figureKey, previous) }
          : {}),
      });
      cache.set(ordinal, result);
    }
    return result;
  };
  return {
    key,
    indicator,
    decimal: false,
    numeric: (ordinal) => {
      const result = evaluate(ordinal);
      return result.computable ? result.value : Number.NaN;
    },
    reading: (ordinal) => {
      const result = evaluate(ordinal);
      return result.computable
        ? { value: String(result.value), marker: null, computable: true, reason: null }
        : { value: null, marker: null, computable: false, reason: result.reason };
    },
  };
}
