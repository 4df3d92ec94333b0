// Counts are non-negative integers; the fee (万元) is a non-negative decimal.
import { FIGURES } from '../format/figureCatalog';
import { compareDecimals, isIntegerDecimal } from '../format/decimal';
import { readFigure } from './equation';
import type { Rule, RuleResult } from './types';

export const nonNegative: Rule = {
  id: 'NON_NEGATIVE',
  severity: 'error',
  descriptionZh: '件数为非负整数；收费金额（万元）为非负数',
  descriptionEn:
    'Every count is a non-negative integer; the fee (10,000 yuan) is a non-negative decimal',
  check({ values }) {
    return FIGURES.map((figure): RuleResult => {
      const value = readFigure(values, figure.key);
      const base = {
        id: nonNegative.id,
        scope: figure.key,
        severity: nonNegative.severity,
        keys: [figure.key],
      };
      if (value === null) {
        return {
          ...base,
          status: 'not_assessable',
          left: null,
          right: null,
          message: `${nonNegative.id} ${figure.key}: not assessable, empty cell`,
          messageZh: `${nonNegative.id} ${figure.key}：无法判断，单元格为空`,
          notAssessableReason: 'empty_cells',
        };
      }
      const negative = compareDecimals(value, '0') < 0;
      const fractional = figure.valueType === 'integer' && !isIntegerDecimal(value);
      const problem = negative ? 'is negative' : fractional ? 'is not a whole count' : null;
      const problemZh = negative ? '为负数' : fractional ? '不是整数件数' : null;
      return {
        ...base,
        status: problem ? 'failed' : 'ok',
        left: value,
        right: '0',
        message: problem
          ? `${nonNegative.id} ${figure.key}: ${value} ${problem}`
          : `${nonNegative.id} ${figure.key}: ${value} ≥ 0`,
        messageZh: problemZh
          ? `${nonNegative.id} ${figure.key}：${value} ${problemZh}`
          : `${nonNegative.id} ${figure.key}：${value} ≥ 0，符合`,
      };
    });
  },
};
