// 表三's own header states it: 第一项加第二项之和，等于第三项加第四项之和.
import { T3_COLUMNS } from '../format/figureCatalog';
import { checkEquation, operand } from './equation';
import type { Rule } from './types';

export const t3Balance: Rule = {
  id: 'T3_BALANCE',
  severity: 'error',
  descriptionZh: '表三各列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理',
  descriptionEn:
    'Table 3, each column: new applications + carried over from last year = total handled + carried forward to next year',
  check({ values }) {
    return T3_COLUMNS.map((column) =>
      checkEquation(
        t3Balance,
        column,
        [operand(values, `t3.newReceived.${column}`), operand(values, `t3.carriedOver.${column}`)],
        [operand(values, `t3.total.${column}`), operand(values, `t3.carriedForward.${column}`)],
      ),
    );
  },
};
