// Evaluates an indicator for one report. A blank operand (an empty or marker cell), a missing
// previous-year report or a zero denominator make the indicator "not computable": a rate that
// cannot be computed is never reported as 0.
import { addDecimals, compareDecimals, subtractDecimals } from '../format/decimal';
import type { DecimalString } from '../importer/types';
import { isRatio, type Formula, type Term } from './indicatorFormula';

/** A cell's value, null for an empty or marker cell. */
export type FigureLookup = (key: string) => DecimalString | null;

export interface IndicatorInputs {
  current: FigureLookup;
  /** The same agency's report of the previous year; absent when there is none. */
  previousYear?: FigureLookup;
}

export type NotComputableReason = 'blank_operand' | 'division_by_zero' | 'no_previous_year';

export type IndicatorValue =
  | { computable: true; value: number }
  | { computable: false; reason: NotComputableReason; keys: string[] };

type TermValue =
  { ok: true; value: DecimalString } | { ok: false; reason: NotComputableReason; keys: string[] };

function termValue(term: Term, inputs: IndicatorInputs): TermValue {
  if ('figure' in term) {
    const value = inputs.current(term.figure);
    return value === null
      ? { ok: false, reason: 'blank_operand', keys: [term.figure] }
      : { ok: true, value };
  }
  if ('previousYear' in term) {
    if (!inputs.previousYear)
      return { ok: false, reason: 'no_previous_year', keys: [term.previousYear] };
    const value = inputs.previousYear(term.previousYear);
    return value === null
      ? { ok: false, reason: 'blank_operand', keys: [term.previousYear] }
      : { ok: true, value };
  }
  const parts = ('sum' in term ? term.sum : term.difference).map((part) => termValue(part, inputs));
  const failed = parts.filter((part) => !part.ok);
  if (failed.length > 0) {
    const first = failed[0] as Extract<TermValue, { ok: false }>;
    return {
      ok: false,
      reason: first.reason,
      keys: failed.flatMap((part) => (part.ok ? [] : part.keys)),
    };
  }
  const values = parts.map((part) => (part as Extract<TermValue, { ok: true }>).value);
  return {
    ok: true,
    value: 'sum' in term ? addDecimals(values) : subtractDecimals(values[0], values[1]),
  };
}

export function evaluateFormula(formula: Formula, inputs: IndicatorInputs): IndicatorValue {
  if (!isRatio(formula)) {
    const value = termValue(formula, inputs);
    return value.ok
      ? { computable: true, value: Number(value.value) }
      : { computable: false, reason: value.reason, keys: value.keys };
  }
  const numerator = termValue(formula.ratio[0], inputs);
  const denominator = termValue(formula.ratio[1], inputs);
  if (!numerator.ok) return { computable: false, reason: numerator.reason, keys: numerator.keys };
  if (!denominator.ok)
    return { computable: false, reason: denominator.reason, keys: denominator.keys };
  if (compareDecimals(denominator.value, '0') === 0) {
    return { computable: false, reason: 'division_by_zero', keys: [] };
  }
  return { computable: true, value: Number(numerator.value) / Number(denominator.value) };
}
