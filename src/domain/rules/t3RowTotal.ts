// 总计 of each 表三 row is the sum of the six applicant columns.
import { T3_COLUMNS, T3_ROWS } from '../format/figureCatalog';
import { checkEquation, operand } from './equation';
import type { Rule } from './types';

const APPLICANT_COLUMNS = T3_COLUMNS.filter((column) => column !== 'total');

export const t3RowTotal: Rule = {
  id: 'T3_ROW_TOTAL',
  severity: 'error',
  descriptionZh:
    '表三各行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  descriptionEn:
    'Table 3, each row: total = natural persons + commercial + research + social welfare + legal service + other organisations',
  check({ values }) {
    return T3_ROWS.map((row) =>
      checkEquation(
        t3RowTotal,
        row,
        [operand(values, `t3.${row}.total`)],
        APPLICANT_COLUMNS.map((column) => operand(values, `t3.${row}.${column}`)),
      ),
    );
  },
};
