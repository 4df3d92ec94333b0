// Reader for text extracted from a PDF with poppler's `pdftotext` in its default
// (reading-order) mode: every table cell on a line of its own. Labels are not reliable
// anchors in this rendering — they may come after their values, far from them (a page's row
// labels all after its values), or broken one character per line — so the tables are read
// from the sequence of values and the structure the template fixes: 表二 has 10 values,
// 表三 25 rows × 7 (23 rows when （六）其他处理 is one row), 表四 15. Where pdftotext emitted
// 表三 cells column by column, the rows' own 总计 decide the order (pdftotextCellOrder).
import { T2_KEYS, T3_COLUMNS, T3_ROWS, figureDefinition } from '../../format/figureCatalog';
import type { ImportWarning } from '../types';
import {
  assignRow,
  makeWarning,
  matchT2RowLabel,
  readFigure,
  t3Keys,
  t3RowKeys,
  t4Keys,
  textLocation,
} from './shapeReader';
import type { CellToken, ShapeReading, SourceDocument, TableShapeReader } from './shapeReader';
import { resolveCellOrder } from './pdftotextCellOrder';
import type { OrderedCell } from './pdftotextCellOrder';
import { collapsedOtherHandling } from './pdftotextCollapsedRow';
import { readReviewGroups } from './pdftotextReviewGroups';
import type { ReviewItem } from './pdftotextReviewGroups';
import { COLLAPSED_OTHER_HANDLING, OTHER_HANDLING_ROWS } from './pdftotextRowAlignment';
import {
  compactLine,
  findTableRegions,
  readTables,
  hasPageFurniture,
  isPageNumberLine,
  lineContent,
  lineTokens,
  singleValue,
  splitLine,
} from './pdftotextText';
import type { LineRange, TableReading } from './pdftotextText';

const SHAPE = 'pdftotext-raw';
const COLUMNS = T3_COLUMNS.length;

type Figures = TableReading['figures'];

/** One line of a table region: a value, a label (any other text), or a break (page number). */
type StreamItem =
  | { kind: 'value'; token: CellToken; line: number }
  | { kind: 'label'; text: string; line: number }
  | { kind: 'break'; line: number };

/** A line holding one CJK character (a piece of a vertical header such as 三、本年度办理结果). */
function isHeaderFragment(line: string | undefined): boolean {
  return line !== undefined && /^[\u4e00-\u9fff][、，]?$/u.test(lineContent(line));
}

function streamOf(lines: readonly string[], range: LineRange): StreamItem[] {
  const items: StreamItem[] = [];
  const nonBlank = (from: number, step: number): string | undefined => {
    for (let index = from; index >= range.start && index < range.end; index += step) {
      if (lineContent(lines[index]) !== '') return lines[index];
    }
    return undefined;
  };
  for (let index = range.start; index < range.end; index += 1) {
    const line = lines[index];
    const content = lineContent(line);
    if (content === '') continue;
    if (isPageNumberLine(line)) {
      items.push({ kind: 'break', line: index });
      continue;
    }
    const value = singleValue(line);
    // A lone 无 between one-character lines is a broken header (…无/法/提/供), not a marker.
    const brokenHeader =
      value === '无' &&
      (isHeaderFragment(nonBlank(index - 1, -1)) || isHeaderFragment(nonBlank(index + 1, 1)));
    if (value !== null && !brokenHeader) {
      const column = (lineTokens(line)[0]?.column ?? 1) as number;
      items.push({
        kind: 'value',
        token: { raw: value, source: textLocation(lines, index, column, value) },
        line: index,
      });
    } else {
      items.push({ kind: 'label', text: content, line: index });
    }
  }
  return items;
}

function valuesOf(items: readonly StreamItem[]): CellToken[] {
  return items.flatMap((item) => (item.kind === 'value' ? [item.token] : []));
}

const T2_ORDER = ['rules', 'normativeDocs', 'licensing', 'penalty', 'coercion', 'fees'];

function readT2(lines: readonly string[], range: LineRange): TableReading {
  const items = streamOf(lines, range);
  const values = valuesOf(items);
  if (values.length === 0) return { figures: {}, warnings: [] };
  const reading = assignRow(T2_KEYS, values, '表二');
  if (reading.warnings.length > 0) return reading;
  // The values are taken in order; say so when the labels or the value types disagree.
  const labelOrder = items.flatMap((item) => {
    if (item.kind !== 'label') return [];
    const match = matchT2RowLabel(item.text);
    return match && match.entry.kind === 'row' ? [match.entry.row] : [];
  });
  const inOrder = labelOrder.join() === T2_ORDER.join();
  const misplacedDecimal = T2_KEYS.some((key, index) => {
    const isInteger = /^\d+$/u.test(values[index].raw);
    return figureDefinition(key)?.valueType === 'integer' && !isInteger;
  });
  if (inOrder && !misplacedDecimal) return reading;
  for (const key of T2_KEYS) reading.figures[key] = { ...reading.figures[key], uncertain: true };
  return {
    figures: reading.figures,
    warnings: [
      makeWarning(
        'ROW_ORDER_UNCERTAIN',
        T2_KEYS,
        '表二: the 10 values were read in order, but the row labels ' +
          (misplacedDecimal ? 'and the value types ' : '') +
          'do not confirm that order',
        values[0].source,
      ),
    ],
  };
}

/** Rows whose sum is the 总计 row (T3_OUTCOMES): granted … the last （六） row. */
const OUTCOME_ROWS = new Set(
  T3_ROWS.slice(T3_ROWS.indexOf('granted'), T3_ROWS.indexOf('total')).concat(
    COLLAPSED_OTHER_HANDLING,
  ),
);

function integerOf(token: CellToken | undefined): bigint | null {
  return token && /^\d+$/u.test(token.raw) ? BigInt(token.raw) : null;
}

/**
 * The table's own column relations, per column: 新收 + 上年结转 = 总计 + 结转下年度
 * (T3_BALANCE) and 总计 = the sum of the outcome rows (T3_OUTCOMES). A column holding a
 * marker or blank is not checked.
 */
function columnsAddUp(rows: readonly string[], grid: readonly (readonly CellToken[])[]): boolean {
  const rowIndex = (row: string): number => rows.indexOf(row);
  for (let column = 0; column < COLUMNS; column += 1) {
    const cell = (row: string): bigint | null => integerOf(grid[rowIndex(row)]?.[column]);
    const outcomes = rows.filter((row) => OUTCOME_ROWS.has(row)).map(cell);
    const [received, carried, total, forward] = [
      'newReceived',
      'carriedOver',
      'total',
      'carriedForward',
    ].map(cell);
    if ([received, carried, total, forward, ...outcomes].some((value) => value === null)) continue;
    const sum = (outcomes as bigint[]).reduce((acc, value) => acc + value, 0n);
    if (sum !== total) return false;
    if ((received as bigint) + (carried as bigint) !== (total as bigint) + (forward as bigint))
      return false;
  }
  return true;
}

/** 表三 with （六）其他处理 as one row: the label is there, the sub-row labels are not. */
function collapsesOtherHandling(items: readonly StreamItem[]): boolean {
  const text = items.map((item) => (item.kind === 'label' ? compactLine(item.text) : '')).join('');
  return text.includes('其他处理') && !/逾期不补|收费通知|缴纳费用/u.test(text);
}

function readT3(lines: readonly string[], range: LineRange): TableReading {
  const items = streamOf(lines, range);
  const values = valuesOf(items);
  if (values.length === 0) return { figures: {}, warnings: [] };
  const collapsed = collapsesOtherHandling(items);
  const rows = collapsed
    ? T3_ROWS.flatMap((row) =>
        row === OTHER_HANDLING_ROWS[0]
          ? [COLLAPSED_OTHER_HANDLING]
          : OTHER_HANDLING_ROWS.includes(row)
            ? []
            : [row],
      )
    : [...T3_ROWS];
  if (values.length !== rows.length * COLUMNS) {
    const figures: Figures = {};
    for (const key of t3Keys()) {
      figures[key] = { key, value: null, raw: null, marker: null, uncertain: false, source: null };
    }
    return {
      figures,
      warnings: [
        makeWarning(
          'TABLE_SHAPE_UNRESOLVED',
          t3Keys(),
          `表三 holds ${values.length} values where ${rows.length} rows × ${COLUMNS} columns ` +
            `(${rows.length * COLUMNS}) were expected; in this rendering the values carry no ` +
            'positions, so no cell can be placed',
          values[0].source,
        ),
      ],
    };
  }
  const breaks: number[] = [];
  let seen = 0;
  let broken = false;
  for (const item of items) {
    if (item.kind === 'value') {
      if (broken && seen > 0) breaks.push(seen);
      broken = false;
      seen += 1;
    } else {
      broken = true;
    }
  }
  const order = resolveCellOrder(values, rows.length, COLUMNS, breaks, (grid) =>
    columnsAddUp(rows, grid),
  );
  const figures: Figures = {};
  const warnings: ImportWarning[] = [];
  const cellsOf = (row: number): OrderedCell[] =>
    order.cells
      ? order.cells[row]
      : values
          .slice(row * COLUMNS, (row + 1) * COLUMNS)
          .map((token) => ({ token, determined: false, settledByColumns: false }));
  if (!order.cells) {
    warnings.push(
      makeWarning(
        'CELL_ORDER_UNRESOLVED',
        rows.flatMap((row) => (row === COLLAPSED_OTHER_HANDLING ? [] : t3RowKeys(row))),
        "表三: no order of the values makes every row's 总计 equal the sum of its columns; " +
          'the values are given row by row as printed, each marked uncertain',
        values[0].source,
      ),
    );
  }
  const ambiguous: string[] = [];
  const settled: string[] = [];
  const reordered: string[] = [];
  rows.forEach((row, index) => {
    const cells = cellsOf(index);
    if (row === COLLAPSED_OTHER_HANDLING) {
      const reading = collapsedOtherHandling(cells.map((cell) => cell.token));
      Object.assign(figures, reading.figures);
      warnings.push(...reading.warnings);
      return;
    }
    const keys = t3RowKeys(row);
    if (order.reorderedRows.includes(index)) reordered.push(...keys);
    keys.forEach((key, column) => {
      const cell = cells[column];
      if (order.cells && !cell.determined) (cell.settledByColumns ? settled : ambiguous).push(key);
      figures[key] = readFigure(key, cell.token, { uncertain: !cell.determined });
    });
  });
  if (ambiguous.length > 0) {
    warnings.push(
      makeWarning(
        'CELL_ORDER_AMBIGUOUS',
        ambiguous,
        '表三: more than one order of the printed values makes every row total add up, and ' +
          'they disagree on these cells; the most row-by-row reading is given, marked uncertain',
        figures[ambiguous[0]]?.source ?? null,
      ),
    );
  }
  if (settled.length > 0) {
    warnings.push(
      makeWarning(
        'CELL_ORDER_BY_COLUMN_TOTALS',
        settled,
        '表三: the row totals allow more than one order of the printed values; the reading ' +
          'given is the only one whose columns also add up to the 总计 row, so it assumes the ' +
          'published column totals are right (these cells are marked uncertain)',
        figures[settled[0]]?.source ?? null,
      ),
    );
  }
  if (reordered.length > 0) {
    warnings.push(
      makeWarning(
        'CELLS_REORDERED',
        reordered,
        '表三: pdftotext emitted these rows column by column; they were put back into rows ' +
          "because that is the only order in which each row's 总计 equals the sum of its columns",
        figures[reordered[0]]?.source ?? null,
      ),
    );
  }
  return { figures, warnings };
}

function readT4(lines: readonly string[], range: LineRange): TableReading {
  const items: ReviewItem[] = streamOf(lines, range).flatMap((item): ReviewItem[] =>
    item.kind === 'value'
      ? [{ kind: 'value', token: item.token }]
      : item.kind === 'label'
        ? [{ kind: 'label', text: item.text }]
        : [],
  );
  const values = items.flatMap((item) => (item.kind === 'value' ? [item.token] : []));
  if (values.length === 0) return { figures: {}, warnings: [] };
  const reading = readReviewGroups(items);
  if (!reading) return assignRow(t4Keys(), values, '表四');
  const uncertain = reading.kind !== 'in-order';
  const figures: Figures = {};
  t4Keys().forEach((key, index) => {
    figures[key] = readFigure(key, reading.tokens[index], { uncertain });
  });
  if (!uncertain) return { figures, warnings: [] };
  const message =
    reading.kind === 'reconstructed'
      ? '表四: the values are not printed in table order; they were regrouped so that each ' +
        "group's 总计 equals its four results, and the two 行政诉讼 groups told apart by where " +
        'their headers print — the order is inferred, not stated'
      : "表四: read in printed order, but a group's 总计 does not equal the sum of its results, " +
        'so this rendering cannot confirm the order (the published totals may themselves be wrong)';
  return {
    figures,
    warnings: [
      makeWarning(
        reading.kind === 'reconstructed' ? 'T4_ORDER_RECONSTRUCTED' : 'T4_ORDER_UNVERIFIED',
        t4Keys(),
        message,
        values[0].source,
      ),
    ],
  };
}

function read(doc: SourceDocument): ShapeReading {
  return { shape: SHAPE, ...readTables(doc.lines, { t2: readT2, t3: readT3, t4: readT4 }) };
}

/**
 * Fits when 表三 is mostly lines holding a single value and has almost no lines ending in a
 * run of values (which would be the -layout shape).
 */
function detect(doc: SourceDocument): number {
  if (doc.format !== 'text') return 0;
  const region = findTableRegions(doc.lines).t3;
  if (!region) return 0;
  let singleLines = 0;
  let rowLines = 0;
  for (let index = region.start; index < region.end; index += 1) {
    if (singleValue(doc.lines[index]) !== null) singleLines += 1;
    else if (splitLine(doc.lines, index).values.length >= 4) rowLines += 1;
  }
  if (singleLines < 30 || rowLines > 2) return 0;
  return hasPageFurniture(doc.lines) ? 0.95 : 0.6;
}

export const pdftotextRawReader: TableShapeReader = { shape: SHAPE, detect, read };
