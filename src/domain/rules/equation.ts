// The shared shape of most rules: a sum of operands on each side, compared exactly.
import { addDecimals, canonicalDecimal, compareDecimals } from '../format/decimal';
import type { DecimalString } from '../importer/types';
import { RuleInputError } from './ruleInputError';
import type { FigureValues, RuleDefinition, RuleResult } from './types';

export interface Operand {
  key: string;
  value: DecimalString | null;
  /** -1 for a subtracted term. */
  sign: 1 | -1;
  /** True when the operand comes from the previous year's report. */
  previousYear: boolean;
}

/** Reads one value; an absent key counts as empty (not assessable), a non-decimal throws. */
export function readFigure(values: FigureValues, key: string): DecimalString | null {
  const raw = values[key];
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') {
    throw new RuleInputError(`figure ${key}: expected a decimal string or null`, key);
  }
  const canonical = canonicalDecimal(raw);
  if (canonical === null) {
    throw new RuleInputError(`figure ${key}: "${raw}" is not a decimal number`, key);
  }
  return canonical;
}

export function operand(
  values: FigureValues,
  key: string,
  options: { sign?: 1 | -1; previousYear?: boolean } = {},
): Operand {
  return {
    key,
    value: readFigure(values, key),
    sign: options.sign ?? 1,
    previousYear: options.previousYear ?? false,
  };
}

function negate(value: DecimalString): DecimalString {
  return value.startsWith('-') ? value.slice(1) : `-${value}`;
}

/** Callers only sum after checking that no operand is empty. */
function sum(operands: readonly Operand[]): DecimalString {
  return addDecimals(
    operands.map((o) => (o.sign === 1 ? (o.value as string) : negate(o.value as string))),
  );
}

function describe(operands: readonly Operand[]): string {
  return operands
    .map((o, index) => {
      const text = `${o.previousYear ? `${o.key}@Y-1` : o.key}=${o.value ?? '∅'}`;
      return index === 0 ? text : `${o.sign === 1 ? ' + ' : ' - '}${text}`;
    })
    .join('');
}

/** left side = right side, where each side is a signed sum of operands. */
export function checkEquation(
  rule: RuleDefinition,
  scope: string,
  left: readonly Operand[],
  right: readonly Operand[],
): RuleResult {
  const all = [...left, ...right];
  const keys = [...new Set(all.filter((o) => !o.previousYear).map((o) => o.key))];
  const previousYearKeys = [...new Set(all.filter((o) => o.previousYear).map((o) => o.key))];
  const base = {
    id: rule.id,
    scope,
    severity: rule.severity,
    keys,
    ...(previousYearKeys.length > 0 ? { previousYearKeys } : {}),
  };
  const equation = `${describe(left)} vs ${describe(right)}`;
  const missing = all.filter((o) => o.value === null).map((o) => o.key);
  if (missing.length > 0) {
    return {
      ...base,
      status: 'not_assessable',
      left: null,
      right: null,
      message: `${rule.id} ${scope}: not assessable, empty operand(s) ${[...new Set(missing)].join(', ')}`,
      messageZh: `${rule.id} ${scope}：无法判断，空白项 ${[...new Set(missing)].join('、')}`,
      notAssessableReason: 'empty_cells',
    };
  }
  const leftValue = sum(left);
  const rightValue = sum(right);
  const holds = compareDecimals(leftValue, rightValue) === 0;
  return {
    ...base,
    status: holds ? 'ok' : 'failed',
    left: leftValue,
    right: rightValue,
    message: `${rule.id} ${scope}: ${leftValue} ${holds ? '=' : '≠'} ${rightValue} (${equation})`,
    messageZh: `${rule.id} ${scope}：${leftValue} ${holds ? '=' : '≠'} ${rightValue}（${equation.replace(' vs ', ' 对 ')}${previousYearKeys.length > 0 ? '；@Y-1 为上一年度' : ''}）`,
  };
}
