// 表四: each group's 总计 is the sum of its four result cells.
import { T4_GROUPS, T4_RESULTS } from '../format/figureCatalog';
import { checkEquation, operand } from './equation';
import type { Rule } from './types';

const PARTS = T4_RESULTS.filter((result) => result !== 'total');

export const t4GroupTotal: Rule = {
  id: 'T4_GROUP_TOTAL',
  severity: 'error',
  descriptionZh:
    '表四各组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  descriptionEn:
    'Table 4, each group (review, direct suit, suit after review): total = upheld + corrected + other + pending',
  check({ values }) {
    return T4_GROUPS.map((group) =>
      checkEquation(
        t4GroupTotal,
        group,
        [operand(values, `t4.${group}.total`)],
        PARTS.map((result) => operand(values, `t4.${group}.${result}`)),
      ),
    );
  },
};
