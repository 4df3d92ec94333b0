// The three tables as the national template lays them out (国办公开办函〔2021〕30号), as a grid
// of header and data rows. The grid is derived from figureCatalog's label paths, so a label
// fixed there is fixed here; Markdown (and any other renderer) only decides how to draw it.
import {
  FIGURES,
  T2_KEYS,
  T3_COLUMNS,
  T3_ROWS,
  T4_GROUPS,
  T4_RESULTS,
  figureDefinition,
  type FigureDefinition,
} from '../domain/format/figureCatalog';

export type LayoutCell =
  { kind: 'label'; text: string } | { kind: 'figure'; key: string } | { kind: 'blank' };

export interface LayoutRow {
  kind: 'header' | 'data';
  cells: LayoutCell[];
}

export interface LayoutTable {
  id: 't2' | 't3' | 't4';
  title: string;
  rows: LayoutRow[];
}

const LABEL_SEPARATOR = ' / ';

function definitionOf(key: string): FigureDefinition {
  const definition = figureDefinition(key);
  if (!definition) throw new Error(`figureCatalog has no key ${key}`);
  return definition;
}

function label(text: string): LayoutCell {
  return text ? { kind: 'label', text } : { kind: 'blank' };
}

const BLANK: LayoutCell = { kind: 'blank' };

function blanks(count: number): LayoutCell[] {
  return Array.from({ length: count }, () => BLANK);
}

/**
 * Turns label paths (one per column, or one per row) into levels, the way merged cells read:
 * a level's text appears where it starts and is blank where the previous path shares it.
 * Paths are top-aligned; '' in a path is an intentionally empty level.
 */
export function spannedLevels(paths: readonly (readonly string[])[], depth: number): string[][] {
  return Array.from({ length: depth }, (_, level) =>
    paths.map((path, index) => {
      const text = path[level] ?? '';
      if (!text || index === 0) return text;
      const previous = paths[index - 1];
      const samePrefix = path
        .slice(0, level + 1)
        .every((part, partIndex) => previous[partIndex] === part);
      return samePrefix ? '' : text;
    }),
  );
}

function splitLabel(text: string): string[] {
  return text.split(LABEL_SEPARATOR);
}

function tableTitle(table: 't2' | 't3' | 't4'): string {
  const first = FIGURES.find((figure) => figure.table === table);
  if (!first) throw new Error(`figureCatalog has no ${table} figures`);
  return first.tableLabel;
}

/** 表二: one block per 第二十条 item, each with its own column headings, as published. */
function table2(): LayoutTable {
  const definitions = T2_KEYS.map(definitionOf);
  const sections = [...new Set(definitions.map((d) => splitLabel(d.rowLabel)[0]))];
  const blocks = sections.map((section) => {
    const inSection = definitions.filter((d) => splitLabel(d.rowLabel)[0] === section);
    const columns = [...new Set(inSection.map((d) => d.columnLabel))];
    const items = [...new Set(inSection.map((d) => splitLabel(d.rowLabel).slice(1).join('')))];
    return { section, columns, items, inSection };
  });
  const width = 1 + Math.max(...blocks.map((block) => block.columns.length));
  const rows: LayoutRow[] = [];
  for (const { section, columns, items, inSection } of blocks) {
    rows.push({ kind: 'header', cells: [label(section), ...blanks(width - 1)] });
    rows.push({
      kind: 'header',
      cells: [label('信息内容'), ...columns.map(label), ...blanks(width - 1 - columns.length)],
    });
    for (const item of items) {
      const cells: LayoutCell[] = columns.map((column) => {
        const match = inSection.find(
          (d) => d.columnLabel === column && splitLabel(d.rowLabel).slice(1).join('') === item,
        );
        return match ? { kind: 'figure', key: match.key } : BLANK;
      });
      rows.push({
        kind: 'data',
        cells: [label(item), ...cells, ...blanks(width - 1 - columns.length)],
      });
    }
  }
  return { id: 't2', title: tableTitle('t2'), rows };
}

/** The sentence the template prints in 表三's corner, stating the column balance. */
export const T3_CORNER_NOTE =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** 表三: two header rows (自然人 / 法人或其他组织 → five kinds / 总计), grouped row labels. */
function table3(): LayoutTable {
  const columnPaths = T3_COLUMNS.map((column) =>
    splitLabel(definitionOf(`t3.${T3_ROWS[0]}.${column}`).columnLabel),
  );
  const rowPaths = T3_ROWS.map((row) => splitLabel(definitionOf(`t3.${row}.total`).rowLabel));
  const labelDepth = Math.max(...rowPaths.map((path) => path.length));
  const columnDepth = Math.max(...columnPaths.map((path) => path.length));
  const headerLevels = spannedLevels(columnPaths, columnDepth);
  const rowLevels = spannedLevels(rowPaths, labelDepth);
  const header: LayoutRow[] = headerLevels.map((level, index) => ({
    kind: 'header',
    cells: [
      label(index === 0 ? T3_CORNER_NOTE : ''),
      ...blanks(labelDepth - 1),
      ...level.map(label),
    ],
  }));
  const data: LayoutRow[] = T3_ROWS.map((row, rowIndex) => ({
    kind: 'data',
    cells: [
      ...rowLevels.map((level) => label(level[rowIndex])),
      ...T3_COLUMNS.map((column): LayoutCell => ({ kind: 'figure', key: `t3.${row}.${column}` })),
    ],
  }));
  return { id: 't3', title: tableTitle('t3'), rows: [...header, ...data] };
}

/** 表四: three column groups (行政复议, 行政诉讼 未经复议直接起诉 / 复议后起诉) of five results. */
function table4(): LayoutTable {
  const groupPaths = T4_GROUPS.map((group) =>
    splitLabel(definitionOf(`t4.${group}.total`).rowLabel),
  );
  const groupDepth = Math.max(...groupPaths.map((path) => path.length));
  const columnPaths = T4_GROUPS.flatMap((group, groupIndex) =>
    T4_RESULTS.map((result) => {
      const groupPath = [...groupPaths[groupIndex]];
      while (groupPath.length < groupDepth) groupPath.push('');
      return [...groupPath, definitionOf(`t4.${group}.${result}`).columnLabel];
    }),
  );
  const header: LayoutRow[] = spannedLevels(columnPaths, groupDepth + 1).map((level) => ({
    kind: 'header',
    cells: level.map(label),
  }));
  const data: LayoutRow = {
    kind: 'data',
    cells: T4_GROUPS.flatMap((group) =>
      T4_RESULTS.map((result): LayoutCell => ({ kind: 'figure', key: `t4.${group}.${result}` })),
    ),
  };
  return { id: 't4', title: tableTitle('t4'), rows: [...header, data] };
}

/** 表二, 表三, 表四 of the 2021 template, in order. */
export const NATIONAL_TABLES: readonly LayoutTable[] = [table2(), table3(), table4()];
