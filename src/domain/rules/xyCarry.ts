// What a year carries forward is what the next year carries over, column by column.
import { T3_COLUMNS } from '../format/figureCatalog';
import { checkEquation, operand } from './equation';
import { notAssessable } from './notAssessable';
import type { Rule } from './types';

export const xyCarry: Rule = {
  id: 'XY_CARRY',
  severity: 'error',
  descriptionZh:
    '跨年度（同一机关）：上年“结转下年度继续办理” = 本年“上年结转政府信息公开申请数量”',
  descriptionEn:
    'Across years (same agency): carried forward in year Y-1 = carried over into year Y, per column',
  check({ values, previousYear }) {
    return T3_COLUMNS.map((column) => {
      const current = `t3.carriedOver.${column}`;
      if (!previousYear) {
        return notAssessable(xyCarry, column, [current], 'no_previous_year_report');
      }
      return checkEquation(
        xyCarry,
        column,
        [operand(previousYear, `t3.carriedForward.${column}`, { previousYear: true })],
        [operand(values, current)],
      );
    });
  },
};
