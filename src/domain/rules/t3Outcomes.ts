// The outcome rows （一）…（六） of 表三 add up to （七）总计, column by column.
import { T3_COLUMNS, T3_ROWS } from '../format/figureCatalog';
import { checkEquation, operand } from './equation';
import type { Rule } from './types';

/** Outcome rows: every row between 二、上年结转 and （七）总计 in template order. */
export const T3_OUTCOME_ROWS: readonly string[] = T3_ROWS.filter((row) =>
  /^(granted|partiallyGranted|denied\.|unavailable\.|notProcessed\.|otherHandling\.)/.test(row),
);

export const t3Outcomes: Rule = {
  id: 'T3_OUTCOMES',
  severity: 'error',
  descriptionZh:
    '表三各列：（七）总计 = 予以公开 + 部分公开 + 不予公开各项 + 无法提供各项 + 不予处理各项 + 其他处理各项',
  descriptionEn:
    'Table 3, each column: total handled = granted + partially granted + every denied, unavailable, not-processed and other-handling row',
  check({ values }) {
    return T3_COLUMNS.map((column) =>
      checkEquation(
        t3Outcomes,
        column,
        [operand(values, `t3.total.${column}`)],
        T3_OUTCOME_ROWS.map((row) => operand(values, `t3.${row}.${column}`)),
      ),
    );
  },
};
