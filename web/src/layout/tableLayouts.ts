// The three tables of the national format (国办公开办函〔2021〕30号) as header/cell grids built
// from the figure catalogue, so the viewer lays a report out the way the printed form does and
// every figure cell knows the ids of the header cells that describe it (for `headers=`).
import {
  FIGURES,
  T2_KEYS,
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  figureDefinition,
} from '../../../src/domain/format/figureCatalog';

export interface HeaderCellSpec {
  kind: 'header';
  id: string;
  label: string;
  colSpan: number;
  rowSpan: number;
  scope: 'col' | 'colgroup' | 'row';
  /** Header ids of the cells this header sits under (for header cells inside the body). */
  headers?: string[];
}

export interface FigureCellSpec {
  kind: 'figure';
  key: string;
  colSpan: number;
  headers: string[];
}

export type CellSpec = HeaderCellSpec | FigureCellSpec;

export interface TableLayout {
  id: 't2' | 't3' | 't4';
  caption: string;
  head: CellSpec[][];
  /** One entry per <tbody>. */
  bodies: CellSpec[][][];
}

const SEPARATOR = ' / ';

function header(
  id: string,
  label: string,
  scope: HeaderCellSpec['scope'],
  colSpan = 1,
  rowSpan = 1,
): HeaderCellSpec {
  return { kind: 'header', id, label, scope, colSpan, rowSpan };
}

function lastPart(label: string): string {
  const parts = label.split(SEPARATOR);
  return parts[parts.length - 1];
}

function tableTitle(key: string): string {
  return figureDefinition(key)?.tableLabel ?? key;
}

/** 表二: one <tbody> per article of the regulation, each with its own column headers. */
export function table2Layout(): TableLayout {
  const width = 4;
  const sections = new Map<string, string[]>();
  for (const key of T2_KEYS) {
    const article = (figureDefinition(key)?.rowLabel ?? key).split(SEPARATOR)[0];
    sections.set(article, [...(sections.get(article) ?? []), key]);
  }
  const bodies: CellSpec[][][] = [];
  [...sections.entries()].forEach(([article, keys], sectionIndex) => {
    const sectionId = `t2-s${sectionIndex}`;
    const columns = [...new Set(keys.map((key) => figureDefinition(key)?.columnLabel ?? ''))];
    const rows = [...new Set(keys.map((key) => lastPart(figureDefinition(key)?.rowLabel ?? '')))];
    const valueSpan = columns.length === 1 ? width - 1 : 1;
    const rowsOut: CellSpec[][] = [[header(sectionId, article, 'colgroup', width)]];
    const itemId = `${sectionId}-item`;
    rowsOut.push([
      { ...header(itemId, '信息内容', 'col'), headers: [sectionId] },
      ...columns.map((column, index): HeaderCellSpec => ({
        ...header(`${sectionId}-c${index}`, column, 'col', valueSpan),
        headers: [sectionId],
      })),
    ]);
    rows.forEach((rowLabel, rowIndex) => {
      const rowId = `${sectionId}-r${rowIndex}`;
      const cells: CellSpec[] = [{ ...header(rowId, rowLabel, 'row'), headers: [itemId] }];
      columns.forEach((column, columnIndex) => {
        const key = keys.find(
          (candidate) =>
            lastPart(figureDefinition(candidate)?.rowLabel ?? '') === rowLabel &&
            figureDefinition(candidate)?.columnLabel === column,
        );
        if (key) {
          cells.push({
            kind: 'figure',
            key,
            colSpan: valueSpan,
            headers: [sectionId, `${sectionId}-c${columnIndex}`, rowId],
          });
        }
      });
      rowsOut.push(cells);
    });
    bodies.push(rowsOut);
  });
  return { id: 't2', caption: tableTitle(T2_KEYS[0]), head: [], bodies };
}

const T3_ORG_COLUMNS = T3_COLUMNS.filter(
  (column) => column !== 'naturalPerson' && column !== 'total',
);

function t3ColumnLabel(column: string): string {
  return lastPart(figureDefinition(`t3.newReceived.${column}`)?.columnLabel ?? column);
}

/** 表三: three header rows (申请人情况 → 自然人 | 法人或其他组织 (…) | 总计) and grouped row labels. */
export function table3Layout(): TableLayout {
  const labelDepth = 3;
  const columnHeaders = (column: string): string[] =>
    T3_ORG_COLUMNS.includes(column as (typeof T3_ORG_COLUMNS)[number])
      ? ['t3-applicant', 't3-org', `t3-c-${column}`]
      : ['t3-applicant', `t3-c-${column}`];
  const head: CellSpec[][] = [
    [
      header(
        't3-corner',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        'col',
        labelDepth,
        3,
      ),
      header('t3-applicant', '申请人情况', 'colgroup', T3_COLUMNS.length),
    ],
    [
      header('t3-c-naturalPerson', t3ColumnLabel('naturalPerson'), 'col', 1, 2),
      header('t3-org', '法人或其他组织', 'colgroup', T3_ORG_COLUMNS.length),
      header('t3-c-total', t3ColumnLabel('total'), 'col', 1, 2),
    ],
    T3_ORG_COLUMNS.map((column) => header(`t3-c-${column}`, t3ColumnLabel(column), 'col')),
  ];

  const paths = T3_ROWS.map((row) => ({
    row,
    path: (figureDefinition(`t3.${row}.total`)?.rowLabel ?? row).split(SEPARATOR),
  }));
  // How many consecutive rows share a label prefix of a given length, to set rowspans.
  const spanOf = (index: number, level: number): number => {
    const prefix = paths[index].path.slice(0, level + 1).join(SEPARATOR);
    let span = 0;
    for (let next = index; next < paths.length; next += 1) {
      const candidate = paths[next].path;
      if (candidate.length <= level + 1 || candidate.slice(0, level + 1).join(SEPARATOR) !== prefix)
        break;
      span += 1;
    }
    return span;
  };
  const groupIds = new Map<string, string>();
  const rows: CellSpec[][] = paths.map(({ row, path }, index) => {
    const cells: CellSpec[] = [];
    const rowHeaderIds: string[] = [];
    path.forEach((label, level) => {
      const isLeaf = level === path.length - 1;
      const prefix = path.slice(0, level + 1).join(SEPARATOR);
      if (isLeaf) {
        const id = `t3-r-${row.replace(/\./g, '-')}`;
        rowHeaderIds.push(id);
        cells.push(header(id, label, 'row', labelDepth - level));
        return;
      }
      let id = groupIds.get(prefix);
      if (!id) {
        id = `t3-g${groupIds.size}`;
        groupIds.set(prefix, id);
        cells.push(header(id, label, 'row', 1, spanOf(index, level)));
      }
      rowHeaderIds.push(id);
    });
    for (const column of T3_COLUMNS) {
      cells.push({
        kind: 'figure',
        key: `t3.${row}.${column}`,
        colSpan: 1,
        headers: [...columnHeaders(column), ...rowHeaderIds],
      });
    }
    return cells;
  });
  return { id: 't3', caption: tableTitle('t3.newReceived.total'), head, bodies: [rows] };
}

function t4ResultLabel(result: string): string {
  return figureDefinition(`t4.review.${result}`)?.columnLabel ?? result;
}

function t4GroupLabel(group: string): string {
  return lastPart(figureDefinition(`t4.${group}.total`)?.rowLabel ?? group);
}

/** 表四: 行政复议 | 行政诉讼 → 未经复议直接起诉 / 复议后起诉, five results each. */
export function table4Layout(): TableLayout {
  const suitGroups = T4_GROUPS.filter((group) => group !== 'review');
  const results = T4_RESULTS.length;
  const head: CellSpec[][] = [
    [
      header('t4-g-review', t4GroupLabel('review'), 'colgroup', results),
      header('t4-suit', '行政诉讼', 'colgroup', results * suitGroups.length),
    ],
    [
      ...T4_RESULTS.map((result) =>
        header(`t4-review-${result}`, t4ResultLabel(result), 'col', 1, 2),
      ),
      ...suitGroups.map((group) =>
        header(`t4-g-${group}`, t4GroupLabel(group), 'colgroup', results),
      ),
    ],
    suitGroups.flatMap((group) =>
      T4_RESULTS.map((result) => header(`t4-${group}-${result}`, t4ResultLabel(result), 'col')),
    ),
  ];
  const row: CellSpec[] = T4_GROUPS.flatMap((group) =>
    T4_RESULTS.map((result): FigureCellSpec => ({
      kind: 'figure',
      key: `t4.${group}.${result}`,
      colSpan: 1,
      headers:
        group === 'review'
          ? ['t4-g-review', `t4-review-${result}`]
          : ['t4-suit', `t4-g-${group}`, `t4-${group}-${result}`],
    })),
  );
  return { id: 't4', caption: tableTitle('t4.review.total'), head, bodies: [[row]] };
}

export const TABLE_LAYOUTS: readonly TableLayout[] = [
  table2Layout(),
  table3Layout(),
  table4Layout(),
];

/** Chinese description of a figure from the catalogue, e.g. 表三 一、本年新收… · 自然人. */
export function figureTitle(key: string): string {
  const definition = figureDefinition(key);
  if (!definition) return key;
  return `${definition.rowLabel} · ${definition.columnLabel}`;
}

export const ALL_TABLE_KEYS: readonly string[] = FIGURES.map((figure) => figure.key);
