// 现行有效 moves by what was issued and repealed. Only a warning: documents also expire
// without being repealed, and agencies re-count their stock after clean-ups.
import { checkEquation, operand } from './equation';
import { notAssessable } from './notAssessable';
import type { Rule } from './types';

const DOCUMENT_KINDS = ['rules', 'normativeDocs'] as const;

export const xyInForce: Rule = {
  id: 'XY_IN_FORCE',
  severity: 'warning',
  descriptionZh:
    '跨年度（同一机关）：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（规章、行政规范性文件）',
  descriptionEn:
    'Across years (same agency), for rules and normative documents: in force(Y) = in force(Y-1) + issued(Y) - repealed(Y)',
  check({ values, previousYear }) {
    return DOCUMENT_KINDS.map((kind) => {
      const inForce = `t2.${kind}.inForce`;
      if (!previousYear) {
        return notAssessable(
          xyInForce,
          kind,
          [inForce, `t2.${kind}.issued`, `t2.${kind}.repealed`],
          'no_previous_year_report',
        );
      }
      return checkEquation(
        xyInForce,
        kind,
        [operand(values, inForce)],
        [
          operand(previousYear, inForce, { previousYear: true }),
          operand(values, `t2.${kind}.issued`),
          operand(values, `t2.${kind}.repealed`, { sign: -1 }),
        ],
      );
    });
  },
};
