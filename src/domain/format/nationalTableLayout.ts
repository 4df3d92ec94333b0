// The three tables as the national template prints them (国办公开办函〔2021〕30号): header cells
// with their spans and the figure cell under each, row by row, the way a printed (or HTML) table
// is written. One layout for every renderer: the viewer draws it as it is, the exports flatten
// it where their format cannot merge cells. Labels come from figureCatalog's label paths, so a
// label fixed there is fixed here; only what the catalogue has no cell for (the corner note,
// 申请人情况, 信息内容) is written below.
import {
  TABLE_AXES,
  TABLE_LABELS,
  T2_KEYS,
  figureDefinition,
  type FigureDefinition,
  type FigureTable,
} from './figureCatalog';

export type NationalHeaderScope = 'col' | 'colgroup' | 'row';

export interface NationalHeaderCell {
  readonly kind: 'header';
  /** Unique within the table: what a figure's `headers` name. */
  readonly id: string;
  readonly label: string;
  readonly scope: NationalHeaderScope;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** Ids of the headers this one sits under, for header cells inside a body (表二). */
  readonly headers?: readonly string[];
}

export interface NationalFigureCell {
  readonly kind: 'figure';
  readonly key: string;
  readonly colSpan: number;
  /** Ids of the header cells that describe the figure: its column's, top down, then its row's. */
  readonly headers: readonly string[];
}

export type NationalCell = NationalHeaderCell | NationalFigureCell;
export type NationalRow = readonly NationalCell[];

export interface NationalTableLayout {
  readonly id: FigureTable;
  readonly title: string;
  /** Header rows above all bodies (表三, 表四); 表二's blocks carry their own headers. */
  readonly head: readonly NationalRow[];
  /** Row groups as printed: one per 第二十条 item in 表二, one in 表三 and 表四. */
  readonly bodies: readonly (readonly NationalRow[])[];
}

/** The sentence the template prints in 表三's corner, stating the column balance (T3_BALANCE). */
export const T3_CORNER_NOTE =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The heading the template prints over all of 表三's columns. */
export const T3_COLUMN_HEADING = '申请人情况';

/** The heading of 表二's label column in each block. */
export const T2_ITEM_HEADING = '信息内容';

const SEPARATOR = ' / ';

/**
 * Ids of the label groups that have no key of their own in the catalogue (its keys name cells,
 * not the labels merged over several of them). The viewer's styles and `headers` use them.
 */
const GROUP_IDS: Readonly<Record<string, string>> = {
  法人或其他组织: 't3-org',
  行政诉讼: 't4-suit',
};

function definitionOf(key: string): FigureDefinition {
  const definition = figureDefinition(key);
  if (!definition) throw new Error(`figureCatalog has no key ${key}`);
  return definition;
}

function pathOf(label: string): string[] {
  return label.split(SEPARATOR);
}

function groupId(label: string): string {
  const id = GROUP_IDS[label];
  if (!id) throw new Error(`no header id for the label group ${label}`);
  return id;
}

function header(
  id: string,
  label: string,
  scope: NationalHeaderScope,
  colSpan = 1,
  rowSpan = 1,
): NationalHeaderCell {
  return { kind: 'header', id, label, scope, colSpan, rowSpan };
}

/** One level of a label path along an axis: the header cell's id and its text. */
interface AxisLevel {
  readonly id: string;
  readonly label: string;
}

/** A header cell of an axis: where along the axis it starts, how far it runs, at what depth. */
interface AxisHeader extends AxisLevel {
  readonly start: number;
  readonly level: number;
  /** How many entries of the axis it stands for (a merged group covers several). */
  readonly run: number;
  /** How many levels it covers: a label with no sub-labels stretches to the innermost level. */
  readonly depth: number;
  readonly isLeaf: boolean;
}

/**
 * The merged header cells of one axis (表三's columns or rows, 表四's columns): entries side by
 * side, each a path of levels; equal ids at a level on neighbouring entries are one cell.
 */
function axisHeaders(entries: readonly (readonly AxisLevel[])[], depth: number): AxisHeader[] {
  const headers: AxisHeader[] = [];
  entries.forEach((levels, start) => {
    levels.forEach((level, index) => {
      if (start > 0 && entries[start - 1][index]?.id === level.id) return;
      let run = 1;
      while (entries[start + run]?.[index]?.id === level.id) run += 1;
      const isLeaf = index === levels.length - 1;
      headers.push({
        ...level,
        start,
        level: index,
        run,
        depth: isLeaf ? depth - index : 1,
        isLeaf,
      });
    });
  });
  return headers;
}

/** 表二: one block per 第二十条 item, each with its own column headings, as published. */
function table2(): NationalTableLayout {
  const definitions = T2_KEYS.map(definitionOf);
  const articles = [...new Set(definitions.map((d) => pathOf(d.rowLabel)[0]))];
  const itemOf = (d: FigureDefinition): string => pathOf(d.rowLabel).slice(1).join(SEPARATOR);
  const blocks = articles.map((article) => {
    const inBlock = definitions.filter((d) => pathOf(d.rowLabel)[0] === article);
    return {
      article,
      inBlock,
      columns: [...new Set(inBlock.map((d) => d.columnLabel))],
      items: [...new Set(inBlock.map(itemOf))],
    };
  });
  const width = 1 + Math.max(...blocks.map((block) => block.columns.length));
  const bodies = blocks.map(({ article, inBlock, columns, items }, blockIndex) => {
    const blockId = `t2-s${blockIndex}`;
    const itemId = `${blockId}-item`;
    // A block with one column (行政许可 …) stretches it over the width the widest block has.
    const valueSpan = columns.length === 1 ? width - 1 : 1;
    const headings: NationalRow = [
      { ...header(itemId, T2_ITEM_HEADING, 'col'), headers: [blockId] },
      ...columns.map((column, index): NationalHeaderCell => ({
        ...header(`${blockId}-c${index}`, column, 'col', valueSpan),
        headers: [blockId],
      })),
    ];
    const rows = items.map((item, itemIndex): NationalRow => {
      const rowId = `${blockId}-r${itemIndex}`;
      const figures = columns.flatMap((column, columnIndex): NationalFigureCell[] => {
        const match = inBlock.find((d) => d.columnLabel === column && itemOf(d) === item);
        if (!match) return [];
        const headers = [blockId, `${blockId}-c${columnIndex}`, rowId];
        return [{ kind: 'figure', key: match.key, colSpan: valueSpan, headers }];
      });
      return [{ ...header(rowId, item, 'row'), headers: [itemId] }, ...figures];
    });
    return [[header(blockId, article, 'colgroup', width)], headings, ...rows];
  });
  return { id: 't2', title: TABLE_LABELS.t2, head: [], bodies };
}

/** Header rows of a column axis: each row lists the cells that start at its level. */
function columnHeadRows(headers: readonly AxisHeader[], depth: number): NationalHeaderCell[][] {
  return Array.from({ length: depth }, (_, level) =>
    headers
      .filter((cell) => cell.level === level)
      .map((cell) =>
        header(cell.id, cell.label, cell.isLeaf ? 'col' : 'colgroup', cell.run, cell.depth),
      ),
  );
}

/** 表三: 申请人情况 over 自然人 | 法人或其他组织 (five kinds) | 总计, and grouped row labels. */
function table3(): NationalTableLayout {
  const { rows, columns } = TABLE_AXES.t3;
  const columnEntries = columns.map(([key, label]) =>
    pathOf(label).map((part, level, parts) => ({
      id: level === parts.length - 1 ? `t3-c-${key}` : groupId(part),
      label: part,
    })),
  );
  const groupIds = new Map<string, string>();
  const rowEntries = rows.map(([key, label]) =>
    pathOf(label).map((part, level, parts) => {
      if (level === parts.length - 1) return { id: `t3-r-${key.replace(/\./g, '-')}`, label: part };
      const prefix = parts.slice(0, level + 1).join(SEPARATOR);
      const id = groupIds.get(prefix) ?? `t3-g${groupIds.size}`;
      groupIds.set(prefix, id);
      return { id, label: part };
    }),
  );
  const columnDepth = Math.max(...columnEntries.map((entry) => entry.length));
  const labelDepth = Math.max(...rowEntries.map((entry) => entry.length));
  const headingId = 't3-applicant';
  const head: NationalRow[] = [
    [
      header('t3-corner', T3_CORNER_NOTE, 'col', labelDepth, 1 + columnDepth),
      header(headingId, T3_COLUMN_HEADING, 'colgroup', columns.length),
    ],
    ...columnHeadRows(axisHeaders(columnEntries, columnDepth), columnDepth),
  ];
  const rowHeaders = axisHeaders(rowEntries, labelDepth);
  const body = rows.map(([rowKey], rowIndex): NationalRow => [
    ...rowHeaders
      .filter((cell) => cell.start === rowIndex)
      .map((cell) => header(cell.id, cell.label, 'row', cell.depth, cell.run)),
    ...columns.map(([columnKey], columnIndex): NationalFigureCell => ({
      kind: 'figure',
      key: `t3.${rowKey}.${columnKey}`,
      colSpan: 1,
      headers: [
        headingId,
        ...columnEntries[columnIndex].map((level) => level.id),
        ...rowEntries[rowIndex].map((level) => level.id),
      ],
    })),
  ]);
  return { id: 't3', title: TABLE_LABELS.t3, head, bodies: [body] };
}

/** 表四: 行政复议 | 行政诉讼 → 未经复议直接起诉 / 复议后起诉, five results under each. */
function table4(): NationalTableLayout {
  const { groups, results } = TABLE_AXES.t4;
  const columns = groups.flatMap(([groupKey, groupLabel]) =>
    results.map(([resultKey, resultLabel]) => ({
      key: `t4.${groupKey}.${resultKey}`,
      levels: [
        ...pathOf(groupLabel).map((part, level, parts) => ({
          id: level === parts.length - 1 ? `t4-g-${groupKey}` : groupId(part),
          label: part,
        })),
        { id: `t4-${groupKey}-${resultKey}`, label: resultLabel },
      ],
    })),
  );
  const entries = columns.map((column) => column.levels);
  const depth = Math.max(...entries.map((entry) => entry.length));
  const row = columns.map(({ key, levels }): NationalFigureCell => ({
    kind: 'figure',
    key,
    colSpan: 1,
    headers: levels.map((level) => level.id),
  }));
  const head = columnHeadRows(axisHeaders(entries, depth), depth);
  return { id: 't4', title: TABLE_LABELS.t4, head, bodies: [[row]] };
}

/** 表二, 表三, 表四 of the 2021 template, in order. */
export const NATIONAL_TABLE_LAYOUTS: readonly NationalTableLayout[] = [
  table2(),
  table3(),
  table4(),
];

/** A cell where it lands on the grid, spans taken into account. */
export interface PlacedCell {
  readonly cell: NationalCell;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * Where each cell lands when rows are written one after another, as a browser lays out a table:
 * a cell takes the first column its row has free, past the cells that reach down from above.
 */
export function placeCells(rows: readonly NationalRow[]): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      const rowSpan = cell.kind === 'header' ? cell.rowSpan : 1;
      for (let down = 0; down < rowSpan; down += 1)
        for (let across = 0; across < cell.colSpan; across += 1)
          taken.add(`${row + down}:${column + across}`);
      placed.push({ cell, row, column, rowSpan, colSpan: cell.colSpan });
      column += cell.colSpan;
    }
  });
  return placed;
}
