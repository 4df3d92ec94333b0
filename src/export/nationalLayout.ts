// The three tables of the national layout (src/domain/format/nationalTableLayout.ts) as the
// exports write them: a grid of header and data rows in which a merged cell's text stands once
// and the rest of it is blank, since Markdown (like CSV) cannot merge cells. The exports only
// decide how to draw the grid; what is in it comes from the one layout the viewer draws too.
import {
  NATIONAL_TABLE_LAYOUTS,
  placeCells,
  type NationalTableLayout,
  type PlacedCell,
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

function columnsOf(placed: PlacedCell): number[] {
  return Array.from({ length: placed.colSpan }, (_, across) => placed.column + across);
}

function rowsOf(placed: PlacedCell): number[] {
  return Array.from({ length: placed.rowSpan }, (_, down) => placed.row + down);
}

/**
 * A heading over all figure columns alike (表三's 申请人情况) tells no column from another, so
 * the flat grid leaves it out and has one header row fewer to read past.
 */
function isOverAllFigureColumns(placed: PlacedCell, figureColumns: ReadonlySet<number>): boolean {
  const columns = columnsOf(placed);
  return (
    placed.cell.kind === 'header' &&
    columns.length === figureColumns.size &&
    columns.every((column) => figureColumns.has(column))
  );
}

function flatten(layout: NationalTableLayout): LayoutTable {
  const rows = [...layout.head, ...layout.bodies.flat()];
  const headRows = layout.head.length;
  const all = placeCells(rows);
  const figureColumns = new Set(
    all.filter((placed) => placed.cell.kind === 'figure').flatMap(columnsOf),
  );
  const kept = all.filter(
    (placed) => placed.row >= headRows || !isOverAllFigureColumns(placed, figureColumns),
  );
  // A row in which every cell goes on into the next row says nothing of its own.
  const written = rows
    .map((_, row) => row)
    .filter((row) =>
      kept.some((placed) => placed.row <= row && row === placed.row + placed.rowSpan - 1),
    );
  const width = Math.max(...all.map((placed) => placed.column + placed.colSpan));
  const grid = new Map(written.map((row) => [row, Array<LayoutCell>(width).fill(BLANK)]));
  for (const placed of kept) {
    const spanRows = rowsOf(placed).filter((row) => grid.has(row));
    // In the head, a label under a group is written in the last of its rows, next to the
    // figures: 表四's five results of 行政复议 then stand in one row with those of 行政诉讼.
    const underGroup =
      placed.row < headRows &&
      kept.some(
        (above) =>
          above.row < placed.row &&
          above.row < headRows &&
          columnsOf(above).includes(placed.column),
      );
    const row = underGroup ? spanRows[spanRows.length - 1] : spanRows[0];
    const cells = grid.get(row);
    if (!cells) continue;
    cells[placed.column] =
      placed.cell.kind === 'figure'
        ? { kind: 'figure', key: placed.cell.key }
        : { kind: 'label', text: placed.cell.label };
  }
  return {
    id: layout.id,
    title: layout.title,
    rows: written.map((row) => {
      const cells = grid.get(row) ?? [];
      return { kind: cells.some((cell) => cell.kind === 'figure') ? 'data' : 'header', cells };
    }),
  };
}

/** 表二, 表三, 表四 of the 2021 template, in order. */
export const NATIONAL_TABLES: readonly LayoutTable[] = NATIONAL_TABLE_LAYOUTS.map(flatten);
