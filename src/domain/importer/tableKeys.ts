// Figure keys grouped the way tables print them: a 表三 row's 7 cells, 表四's 15 cells,
// 表二's items. Shape readers assign value runs to these lists.
import { T2_KEYS, T3_COLUMNS, T3_ROWS, T4_GROUPS, T4_RESULTS } from '../format/figureCatalog';

/** The 7 keys of a 表三 row in column order, e.g. t3RowKeys('granted'). */
export function t3RowKeys(row: string): string[] {
  return T3_COLUMNS.map((column) => `t3.${row}.${column}`);
}

/** All 175 表三 keys in table order. */
export function t3Keys(): string[] {
  return T3_ROWS.flatMap(t3RowKeys);
}

/** The 5 keys of a 表四 group (维持, 纠正, 其他, 尚未审结, 总计). */
export function t4GroupKeys(group: string): string[] {
  return T4_RESULTS.map((result) => `t4.${group}.${result}`);
}

/** All 15 表四 keys in the order of the printed data row. */
export function t4Keys(): string[] {
  return T4_GROUPS.flatMap(t4GroupKeys);
}

/** The 表二 keys of one item (`rules` → issued, repealed, inForce). */
export function t2ItemKeys(item: string): string[] {
  return T2_KEYS.filter((key) => key.startsWith(`t2.${item}.`));
}
