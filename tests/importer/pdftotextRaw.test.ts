// The default-mode (reading-order) reader on small generated documents: one value per line,
// row labels printed after their values, rows emitted column by column or as interleaved
// pairs, a collapsed （六）其他处理 row, and 表四 values out of table order or with wrong
// published totals. Plus the order solver on its own.
import { T3_COLUMNS, T3_ROWS } from '../../src/domain/format/figureCatalog';
import { resolveCellOrder } from '../../src/domain/importer/shapes/pdftotextCellOrder';
import { pdftotextLayoutReader } from '../../src/domain/importer/shapes/pdftotextLayout';
import { pdftotextRawReader } from '../../src/domain/importer/shapes/pdftotextRaw';
import { splitLines, t3RowLabel } from '../../src/domain/importer/shapes/shapeReader';
import type {
  CellToken,
  ShapeReading,
  SourceDocument,
} from '../../src/domain/importer/shapes/shapeReader';

function documentOf(lines: readonly string[]): SourceDocument {
  const text = lines.join('\n');
  return { text, format: 'text', lines: splitLines(text) };
}

const OUTCOME_ROWS = T3_ROWS.slice(T3_ROWS.indexOf('granted'), T3_ROWS.indexOf('total'));

/**
 * A 表三 whose rows and columns all add up: outcome row i has (i mod 4) natural persons and
 * one company on every third row; 总计 is their column sum, 新收 equals it, nothing carried.
 */
function consistentTable(overrides: Record<string, number[]> = {}): Map<string, number[]> {
  const table = new Map<string, number[]>();
  OUTCOME_ROWS.forEach((row, index) => {
    const values = overrides[row] ?? [index % 4, index % 3 === 0 ? 1 : 0, 0, 0, 0, 0];
    const cells = values.slice(0, 6);
    table.set(row, [...cells, cells.reduce((sum, value) => sum + value, 0)]);
  });
  const total = Array.from({ length: 7 }, (_, column) =>
    OUTCOME_ROWS.reduce((sum, row) => sum + (table.get(row) as number[])[column], 0),
  );
  table.set('total', total);
  table.set('newReceived', total);
  table.set('carriedOver', [0, 0, 0, 0, 0, 0, 0]);
  table.set('carriedForward', [0, 0, 0, 0, 0, 0, 0]);
  return table;
}

/** How a run of rows is printed: row by row (labels before or after), or column by column. */
type Emission =
  | { kind: 'rows'; rows: string[]; labelsAfter?: boolean; labelsAfterBlock?: boolean }
  | { kind: 'columns'; rows: string[] };

function emit(table: Map<string, number[]>, emissions: readonly Emission[]): string[] {
  const lines: string[] = [];
  for (const emission of emissions) {
    const values = emission.rows.map((row) => table.get(row) as number[]);
    if (emission.kind === 'rows' && !emission.labelsAfterBlock) {
      emission.rows.forEach((row, index) => {
        if (!emission.labelsAfter) lines.push(t3RowLabel(row), '');
        for (const value of values[index]) lines.push(String(value), '');
        if (emission.labelsAfter) lines.push(t3RowLabel(row), '');
      });
    } else if (emission.kind === 'rows') {
      // All the rows' values in one run, their labels after it.
      for (const rowValues of values) for (const value of rowValues) lines.push(String(value), '');
      lines.push(...emission.rows.map((row) => t3RowLabel(row)), '');
    } else {
      for (let column = 0; column < 7; column += 1) {
        for (const rowValues of values) lines.push(String(rowValues[column]), '');
      }
      lines.push(...emission.rows.map((row) => t3RowLabel(row)), '');
    }
  }
  return lines;
}

const T2_LINES = [
  '二、主动公开政府信息情况',
  '第二十条 第（一）项',
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '规章',
  '1',
  '0',
  '15',
  '行政规范性文件',
  '7',
  '2',
  '40',
  '第二十条 第（五）项',
  '信息内容',
  '行政许可',
  '本年处理决定数量',
  '812',
  '',
  '-2-',
  '',
  '\f第二十条 第（六）项',
  '行政处罚',
  '305',
  '行政强制',
  '6',
  '第二十条 第（八）项',
  '本年收费金额（单位：万元）',
  '3.250',
  '行政事业性收费',
];

const T3_HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '申请人情况',
  '法人或其他组织',
  '自然人',
  '商业企',
  '业',
  '总计',
];

function t4Lines(body: readonly string[]): string[] {
  return [
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议',
    '行政诉讼',
    ...body,
    '五、存在的主要问题及改进情况',
    '问题若干。',
    '-5-',
    '\f',
  ];
}

const T4_IN_ORDER = [
  '未经复议直接起诉',
  '复议后起诉',
  '结果',
  '维持',
  '2',
  '1',
  '0',
  '0',
  '3',
  '1',
  '0',
  '1',
  '0',
  '2',
  '总计',
  '0',
  '0',
  '0',
  '0',
  '0',
];

function rawDocument(t3: readonly string[], t4 = T4_IN_ORDER): SourceDocument {
  return documentOf([
    '某区人民政府2024年政府信息公开工作年度报告',
    '一、总体情况',
    '正文。',
    ...T2_LINES,
    ...T3_HEADER,
    ...t3,
    ...t4Lines(t4),
  ]);
}

function valueOf(reading: ShapeReading, key: string): string | null | undefined {
  return reading.figures[key]?.value;
}

function expectRows(
  reading: ShapeReading,
  table: Map<string, number[]>,
  rows: readonly string[],
): void {
  for (const row of rows) {
    const read = T3_COLUMNS.map((column) => valueOf(reading, `t3.${row}.${column}`));
    expect([row, read]).toEqual([row, (table.get(row) as number[]).map(String)]);
  }
}

const ROW_BY_ROW: Emission[] = [{ kind: 'rows', rows: [...T3_ROWS] }];
/** Rows （五）4 … （六）3 in one run of values with their labels after it. */
const EXCESSIVE_ONWARDS: Emission[] = [
  { kind: 'rows', rows: T3_ROWS.slice(0, T3_ROWS.indexOf('notProcessed.excessive')) },
  {
    kind: 'rows',
    rows: T3_ROWS.slice(T3_ROWS.indexOf('notProcessed.excessive'), T3_ROWS.indexOf('total')),
    labelsAfterBlock: true,
  },
  { kind: 'rows', rows: ['total', 'carriedForward'] },
];
const DENIED_AND_NOT_HELD = T3_ROWS.slice(
  T3_ROWS.indexOf('denied.stateSecret'),
  T3_ROWS.indexOf('unavailable.needsCreation'),
);

describe('pdftotextRawReader', () => {
  it('recognises the default-mode shape and leaves it to no other pdftotext reader', () => {
    const doc = rawDocument(emit(consistentTable(), ROW_BY_ROW));
    expect(pdftotextRawReader.detect(doc)).toBeGreaterThanOrEqual(0.9);
    expect(pdftotextLayoutReader.detect(doc)).toBe(0);
  });

  it('reads 表二 values in order, across a page break, where a value prints after its header', () => {
    const reading = pdftotextRawReader.read(rawDocument(emit(consistentTable(), ROW_BY_ROW)));
    expect(valueOf(reading, 't2.rules.inForce')).toBe('15');
    expect(valueOf(reading, 't2.normativeDocs.inForce')).toBe('40');
    expect(valueOf(reading, 't2.licensing.decisions')).toBe('812');
    expect(valueOf(reading, 't2.penalty.decisions')).toBe('305');
    expect(valueOf(reading, 't2.coercion.decisions')).toBe('6');
    expect(valueOf(reading, 't2.fees.amount')).toBe('3.25');
    expect(reading.figures['t2.fees.amount']?.raw).toBe('3.250');
  });

  it('reads rows whose labels are printed after their values', () => {
    const table = consistentTable();
    const emissions: Emission[] = [
      { kind: 'rows', rows: T3_ROWS.slice(0, 4) },
      { kind: 'rows', rows: T3_ROWS.slice(4), labelsAfter: true },
    ];
    const reading = pdftotextRawReader.read(rawDocument(emit(table, emissions)));
    expectRows(reading, table, T3_ROWS);
    expect(reading.warnings).toEqual([]);
  });

  it('puts rows emitted column by column back in place, and says so', () => {
    const table = consistentTable();
    const emissions: Emission[] = [
      { kind: 'rows', rows: T3_ROWS.slice(0, 4) },
      { kind: 'columns', rows: DENIED_AND_NOT_HELD },
      { kind: 'rows', rows: T3_ROWS.slice(T3_ROWS.indexOf('unavailable.needsCreation')) },
    ];
    const reading = pdftotextRawReader.read(rawDocument(emit(table, emissions)));
    expectRows(reading, table, T3_ROWS);
    const reordered = reading.warnings.find((warning) => warning.code === 'CELLS_REORDERED');
    expect(reordered?.keys).toContain('t3.denied.stateSecret.naturalPerson');
    expect(reordered?.keys).not.toContain('t3.granted.naturalPerson');
    expect(reading.figures['t3.denied.stateSecret.naturalPerson']?.uncertain).toBe(false);
  });

  it('settles two rows that could also be interleaved pairs by the column totals, marked uncertain', () => {
    // 0 0 0 0 0 0 0 1 0 0 0 0 0 1 reads as rows (0…0)(1…1) or as pairs (0…0)(0 0 0 1 0 0 1):
    // both add up per row; only the first makes the columns add up to 总计.
    const table = consistentTable({
      'notProcessed.excessive': [0, 0, 0, 0, 0, 0],
      'notProcessed.confirmation': [1, 0, 0, 0, 0, 0],
    });
    const reading = pdftotextRawReader.read(rawDocument(emit(table, EXCESSIVE_ONWARDS)));
    expectRows(reading, table, T3_ROWS);
    const settled = reading.warnings.find(
      (warning) => warning.code === 'CELL_ORDER_BY_COLUMN_TOTALS',
    );
    expect(settled?.keys.sort()).toEqual([
      't3.notProcessed.confirmation.naturalPerson',
      't3.notProcessed.confirmation.socialWelfare',
    ]);
    expect(reading.figures['t3.notProcessed.confirmation.naturalPerson']?.uncertain).toBe(true);
  });

  it('flags cells neither row nor column totals can place, rather than guessing silently', () => {
    // Same two rows, but the 总计 row no longer adds up, so the column check cannot choose.
    const table = consistentTable({
      'notProcessed.excessive': [0, 0, 0, 0, 0, 0],
      'notProcessed.confirmation': [1, 0, 0, 0, 0, 0],
    });
    const total = table.get('total') as number[];
    table.set('total', [total[0] + 5, ...total.slice(1, 6), total[6] + 5]);
    const reading = pdftotextRawReader.read(rawDocument(emit(table, EXCESSIVE_ONWARDS)));
    const ambiguous = reading.warnings.find((warning) => warning.code === 'CELL_ORDER_AMBIGUOUS');
    expect(ambiguous?.keys).toContain('t3.notProcessed.confirmation.naturalPerson');
    expect(reading.figures['t3.notProcessed.confirmation.naturalPerson']?.uncertain).toBe(true);
  });

  it('reads a collapsed （六）其他处理 as 23 rows and leaves the sub-row cells empty', () => {
    const table = consistentTable();
    const collapsedRow = [0, 0, 0, 0, 0, 0, 0];
    const rows = T3_ROWS.filter((row) => !row.startsWith('otherHandling.'));
    const lines = emit(table, [{ kind: 'rows', rows: rows.slice(0, rows.indexOf('total')) }]);
    lines.push('（六）其他处理', ...collapsedRow.map(String));
    lines.push(...emit(table, [{ kind: 'rows', rows: ['total', 'carriedForward'] }]));
    const reading = pdftotextRawReader.read(rawDocument(lines));
    const warning = reading.warnings.find((candidate) => candidate.code === 'ROW_COLLAPSED');
    expect(warning?.keys).toHaveLength(21);
    expect(valueOf(reading, 't3.otherHandling.other.total')).toBeNull();
    expectRows(reading, table, ['total', 'carriedForward', 'notProcessed.confirmation']);
  });

  it('refuses to place 表三 values when their count does not fit the table', () => {
    const lines = emit(consistentTable(), ROW_BY_ROW);
    const reading = pdftotextRawReader.read(rawDocument(lines.slice(0, -4)));
    const warning = reading.warnings.find(
      (candidate) => candidate.code === 'TABLE_SHAPE_UNRESOLVED',
    );
    expect(warning?.keys).toHaveLength(175);
    expect(valueOf(reading, 't3.newReceived.total')).toBeNull();
  });

  it('reads 表四 in printed order when every group adds up', () => {
    const reading = pdftotextRawReader.read(rawDocument(emit(consistentTable(), ROW_BY_ROW)));
    expect(valueOf(reading, 't4.review.upheld')).toBe('2');
    expect(valueOf(reading, 't4.review.total')).toBe('3');
    expect(valueOf(reading, 't4.suitDirect.total')).toBe('2');
    expect(reading.figures['t4.review.total']?.uncertain).toBe(false);
  });

  it('regroups 表四 values printed out of table order, marked uncertain', () => {
    // 复议 results, then 复议后起诉 results, then the 复议 总计, then 直接起诉, then 总计.
    const scattered = [
      '结果',
      '维持',
      '40',
      '7',
      '9',
      '2',
      '复议后起诉',
      '维持',
      '3',
      '0',
      '1',
      '1',
      '总计',
      '58',
      '维持',
      '6',
      '2',
      '0',
      '1',
      '9',
      '总计',
      '5',
    ];
    const reading = pdftotextRawReader.read(
      rawDocument(emit(consistentTable(), ROW_BY_ROW), scattered),
    );
    const read = ['review', 'suitDirect', 'suitAfterReview'].map((group) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((result) =>
        valueOf(reading, `t4.${group}.${result}`),
      ),
    );
    expect(read).toEqual([
      ['40', '7', '9', '2', '58'],
      ['6', '2', '0', '1', '9'],
      ['3', '0', '1', '1', '5'],
    ]);
    const warning = reading.warnings.find(
      (candidate) => candidate.code === 'T4_ORDER_RECONSTRUCTED',
    );
    expect(warning?.keys).toHaveLength(15);
    expect(reading.figures['t4.review.upheld']?.uncertain).toBe(true);
  });

  it('keeps wrong published 表四 totals as printed, flagged as unverifiable', () => {
    const wrong = [
      '维持',
      '10',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '5',
      '0',
      '0',
      '0',
      '总计',
      '0',
    ];
    const reading = pdftotextRawReader.read(
      rawDocument(emit(consistentTable(), ROW_BY_ROW), wrong),
    );
    expect(valueOf(reading, 't4.review.upheld')).toBe('10');
    expect(valueOf(reading, 't4.review.total')).toBe('0');
    expect(valueOf(reading, 't4.suitAfterReview.upheld')).toBe('5');
    expect(valueOf(reading, 't4.suitAfterReview.total')).toBe('0');
    const warning = reading.warnings.find((candidate) => candidate.code === 'T4_ORDER_UNVERIFIED');
    expect(warning?.keys).toHaveLength(15);
  });
});

describe('resolveCellOrder', () => {
  const tokens = (values: readonly number[]): CellToken[] =>
    values.map((value) => ({ raw: String(value), source: null }));
  const grid = (result: ReturnType<typeof resolveCellOrder>): string[][] | undefined =>
    result.cells?.map((row) => row.map((cell) => cell.token.raw));

  it('reads rows in order when they add up', () => {
    const result = resolveCellOrder(tokens([1, 2, 3, 4, 0, 4]), 2, 3, []);
    expect(grid(result)).toEqual([
      ['1', '2', '3'],
      ['4', '0', '4'],
    ]);
    expect(result.reorderedRows).toEqual([]);
  });

  it('reads a column-by-column block when only that adds up', () => {
    // rows (1 2 3) and (4 0 4) printed by column: 1 4 | 2 0 | 3 4
    const result = resolveCellOrder(tokens([1, 4, 2, 0, 3, 4]), 2, 3, []);
    expect(grid(result)).toEqual([
      ['1', '2', '3'],
      ['4', '0', '4'],
    ]);
    expect(result.reorderedRows).toEqual([0, 1]);
    expect(result.cells?.flat().every((cell) => cell.determined)).toBe(true);
  });

  it('does not read a block across a break between rows', () => {
    // As rows, (1 4 2) fails; as one block it would work, but a break separates the rows.
    const result = resolveCellOrder(tokens([1, 4, 2, 0, 3, 4]), 2, 3, [3]);
    expect(result.cells).toBeNull();
  });

  it('marks cells that differ between readings as not determined', () => {
    // 0 0 0 0 0 1 0 1 as rows: (0 0 0 0)(0 1 0 1); as interleaved pairs: (0 0 0 0)(0 0 1 1).
    const values = [0, 0, 0, 0, 0, 1, 0, 1];
    const result = resolveCellOrder(tokens(values), 2, 4, []);
    // Both add up row by row; the row-by-row reading is given, the differing cells flagged.
    expect(grid(result)).toEqual([
      ['0', '0', '0', '0'],
      ['0', '1', '0', '1'],
    ]);
    const [, second] = result.cells ?? [];
    expect(second.map((cell) => cell.determined)).toEqual([true, false, false, true]);
  });
});
