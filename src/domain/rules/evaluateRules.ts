// The rule engine's entry point: every rule over one report's figures. Results are derived on
// every revision and never replace the figures they judge.
import { nonNegative } from './nonNegative';
import { t3Balance } from './t3Balance';
import { t3Outcomes } from './t3Outcomes';
import { t3RowTotal } from './t3RowTotal';
import { t4GroupTotal } from './t4GroupTotal';
import { textTable } from './textTable';
import type { FigureValues, Rule, RuleDefinition, RuleResult } from './types';
import { xyCarry } from './xyCarry';
import { xyInForce } from './xyInForce';
import type { NarrativeFigure } from '../importer/types';

const RULE_MODULES: readonly Rule[] = [
  t3Balance,
  t3Outcomes,
  t3RowTotal,
  t4GroupTotal,
  nonNegative,
  xyCarry,
  xyInForce,
  textTable,
];

/** The rules as plain data (id, severity, descriptions), in evaluation order. */
export const RULES: readonly RuleDefinition[] = RULE_MODULES.map(
  ({ id, severity, descriptionZh, descriptionEn }) => ({
    id,
    severity,
    descriptionZh,
    descriptionEn,
  }),
);

export interface EvaluateRulesOptions {
  /** The same agency's figures for the year before; cross-year rules are not assessable without. */
  previousYear?: FigureValues;
  narrativeFigures?: readonly NarrativeFigure[];
}

/**
 * Checks every rule. Throws RuleInputError (naming the key) when a value is not a decimal
 * string; an absent key or null counts as an empty cell.
 */
export function evaluateRules(
  values: FigureValues,
  options: EvaluateRulesOptions = {},
): RuleResult[] {
  const context = { values, ...options };
  return RULE_MODULES.flatMap((rule) => rule.check(context));
}
