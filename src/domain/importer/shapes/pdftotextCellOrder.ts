// In which order pdftotext's default (reading-order) mode emitted the cells of 表三.
//
// The default mode prints one cell per line, but not always row by row: a block of rows that
// pdftotext saw as one text column comes out column by column (all 自然人 values of the
// block, then all 商业企业 values, …), and two rows can come out as interleaved pairs (the
// same thing for a block of 2). Which rows form such a block is not printed anywhere.
//
// What the table does state is each row's own 总计 (= the sum of its six applicant columns).
// So the reading is: split the run of values into consecutive blocks of rows, each block read
// either row by row or column by column, such that every row's 总计 equals its sum and no
// block straddles a label or page break in the source (a break always falls between rows).
// All such readings are considered; a cell is determined when every one of them gives it the
// same value. The reading reported is the one with the fewest rows read column by column.
// Where the row totals leave a choice, the caller's column check (the table's own 总计 row)
// may narrow it; cells settled that way are reported as such, since they assume the published
// column totals are right — the very thing the rules engine checks.
import { isNumberToken } from './pdftotextText';
import type { CellToken } from './shapeReader';

export interface OrderedCell {
  token: CellToken;
  /** True when every reading consistent with the row totals gives this cell this value. */
  determined: boolean;
  /**
   * For a cell that is not determined: true when the readings that also satisfy the caller's
   * column check (e.g. the table's own 总计 row) all agree on it. Such a cell rests on the
   * published column totals being right, so it is still a best reading, not a fact.
   */
  settledByColumns: boolean;
}

export interface CellOrderResult {
  /** cells[row][column], or null when no reading makes every row total add up. */
  cells: OrderedCell[][] | null;
  /** Rows the chosen reading takes from a column-by-column block. */
  reorderedRows: number[];
}

interface Block {
  start: number;
  end: number;
}

interface Reading {
  cost: number;
  blocks: Block[];
}

/** Beyond this many distinct readings the search gives up and leaves the table unresolved. */
const MAX_READINGS = 512;
/** A row read from a column-by-column block costs far more than an extra row-by-row block. */
const COLUMN_ROW_COST = 1000;

/** Index into `values` of (row, column) when rows [start, end) are one block. */
function offsetOf(block: Block, row: number, column: number, columns: number): number {
  const size = block.end - block.start;
  if (size === 1) return block.start * columns + column;
  return block.start * columns + column * size + (row - block.start);
}

function rowAddsUp(tokens: readonly CellToken[]): boolean {
  // A row with a marker or blank cannot be checked; it does not rule the reading out.
  if (!tokens.every((token) => isNumberToken(token.raw))) return true;
  if (!tokens.every((token) => /^\d+$/u.test(token.raw))) return false;
  const numbers = tokens.map((token) => BigInt(token.raw));
  const sum = numbers.slice(0, -1).reduce((total, value) => total + value, 0n);
  return sum === numbers[numbers.length - 1];
}

/**
 * Resolve the order of `values` (rowCount × columns cells; the last column is the row's
 * 总计). `breaks` are offsets into `values` where the source had a label or page break
 * between two values; they are honoured only when every one falls between rows.
 * `columnCheck`, when given, says whether a complete reading (rows of tokens) satisfies the
 * table's column relations; it only narrows readings the row totals leave open.
 */
export function resolveCellOrder(
  values: readonly CellToken[],
  rowCount: number,
  columns: number,
  breaks: readonly number[],
  columnCheck?: (rows: readonly (readonly CellToken[])[]) => boolean,
): CellOrderResult {
  const unresolved: CellOrderResult = { cells: null, reorderedRows: [] };
  if (values.length !== rowCount * columns || rowCount === 0) return unresolved;
  const rowBreaks = breaks.every((offset) => offset % columns === 0)
    ? new Set(breaks.map((offset) => offset / columns))
    : new Set<number>();
  const rowTokens = (block: Block, row: number): CellToken[] =>
    Array.from({ length: columns }, (_, column) => values[offsetOf(block, row, column, columns)]);
  const valid = (block: Block): boolean => {
    for (let row = block.start + 1; row < block.end; row += 1) {
      if (rowBreaks.has(row)) return false;
    }
    for (let row = block.start; row < block.end; row += 1) {
      if (!rowAddsUp(rowTokens(block, row))) return false;
    }
    return true;
  };
  const blocksFrom: Block[][] = Array.from({ length: rowCount }, () => []);
  for (let start = 0; start < rowCount; start += 1) {
    for (let end = start + 1; end <= rowCount; end += 1) {
      if (valid({ start, end })) blocksFrom[start].push({ start, end });
    }
  }
  const signature = (block: Block): string =>
    Array.from({ length: block.end - block.start }, (_, offset) =>
      rowTokens(block, block.start + offset)
        .map((token) => token.raw)
        .join(' '),
    ).join('|');
  // suffix[r]: the distinct readings (by the values they give) of rows [r, rowCount), each
  // with its cheapest decomposition into blocks.
  const suffix: Map<string, Reading>[] = Array.from({ length: rowCount + 1 }, () => new Map());
  suffix[rowCount].set('', { cost: 0, blocks: [] });
  for (let row = rowCount - 1; row >= 0; row -= 1) {
    for (const block of blocksFrom[row]) {
      const size = block.end - block.start;
      const blockCost = (size > 1 ? size * COLUMN_ROW_COST : 0) + 1;
      const head = signature(block);
      for (const [tail, reading] of suffix[block.end]) {
        const key = tail ? `${head}|${tail}` : head;
        const cost = blockCost + reading.cost;
        const known = suffix[row].get(key);
        if (!known || cost < known.cost)
          suffix[row].set(key, { cost, blocks: [block, ...reading.blocks] });
      }
      if (suffix[row].size > MAX_READINGS) return unresolved;
    }
  }
  const readings = [...suffix[0].values()];
  if (readings.length === 0) return unresolved;
  const grid = (reading: Reading): CellToken[][] =>
    reading.blocks.flatMap((block) =>
      Array.from({ length: block.end - block.start }, (_, offset) =>
        rowTokens(block, block.start + offset),
      ),
    );
  const grids = readings.map(grid);
  const checked = columnCheck ? grids.filter((rows) => columnCheck(rows)) : [];
  const preferred = checked.length > 0 ? checked : grids;
  const agree = (set: readonly CellToken[][][], row: number, column: number): boolean =>
    set.every((rows) => rows[row][column].raw === set[0][row][column].raw);
  let chosen = 0;
  grids.forEach((rows, index) => {
    if (
      preferred.includes(rows) &&
      (!preferred.includes(grids[chosen]) || readings[index].cost < readings[chosen].cost)
    ) {
      chosen = index;
    }
  });
  const reorderedRows = readings[chosen].blocks.flatMap((block) =>
    block.end - block.start > 1
      ? Array.from({ length: block.end - block.start }, (_, offset) => block.start + offset)
      : [],
  );
  const cells = grids[chosen].map((rowCells, row) =>
    rowCells.map((token, column) => {
      const determined = agree(grids, row, column);
      return {
        token,
        determined,
        settledByColumns: !determined && checked.length > 0 && agree(checked, row, column),
      };
    }),
  );
  return { cells, reorderedRows };
}
