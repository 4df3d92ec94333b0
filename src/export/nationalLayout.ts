// The three tables of the national layout (src/domain/format/nationalTableLayout.ts) as the
// exports write them: a grid of header and data rows in which a merged cell's text stands once
// and the rest of it is blank, since Markdown (like CSV) cannot merge cells. The exports only
// decide how to draw the grid; what is in it comes from the one layout the viewer draws too.
import {
  NATIONAL_TABLE_LAYOUTS,
  placeCells,
  type NationalTableLayout,
} from '../domain/format/nationalTableLayout';

export { T3_CORNER_NOTE } from '../domain/format/nationalTableLayout';

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

const BLANK: LayoutCell = { kind: 'blank' };

/**
 * The grid the layout fills, row by row as printed: each cell's text stands in the first row
 * and column it covers (表三's 申请人情况 over all its columns, 表四's results of 行政复议
 * right under 行政复议) and the rest of its span is blank.
 */
function flatten(layout: NationalTableLayout): LayoutTable {
  const rows = [...layout.head, ...layout.bodies.flat()];
  const placed = placeCells(rows);
  const width = Math.max(...placed.map((cell) => cell.column + cell.colSpan));
  const grid = rows.map(() => Array<LayoutCell>(width).fill(BLANK));
  for (const { cell, row, column } of placed) {
    grid[row][column] =
      cell.kind === 'figure'
        ? { kind: 'figure', key: cell.key }
        : { kind: 'label', text: cell.label };
  }
  return {
    id: layout.id,
    title: layout.title,
    rows: grid.map((cells) => ({
      kind: cells.some((cell) => cell.kind === 'figure') ? 'data' : 'header',
      cells,
    })),
  };
}

/** 表二, 表三, 表四 of the 2021 template, in order. */
export const NATIONAL_TABLES: readonly LayoutTable[] = NATIONAL_TABLE_LAYOUTS.map(flatten);
