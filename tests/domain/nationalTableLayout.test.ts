// The three printed tables of the national format (src/domain/format/nationalTableLayout.ts) as
// the export and the viewer lay them out. Every expectation is read from
// ../shared/report-format/figures.tsv (the cells, their label paths, the order they are read in)
// or is text that the published reports in ../shared/corpus print (the corner note, 申请人情况,
// 信息内容), never from the layouts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  T2_ITEM_HEADING,
  T3_COLUMN_HEADING,
  T3_CORNER_NOTE,
} from '../../src/domain/format/nationalTableLayout';
import { NATIONAL_TABLES, type LayoutTable } from '../../src/export/nationalLayout';
import { TABLE_LAYOUTS, type CellSpec, type TableLayout } from '../../web/src/layout/tableLayouts';
import { sharedFilePresent } from '../support/sharedCorpus';

const FORMAT_DIR = path.resolve(__dirname, '../../../shared/report-format');
const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
const SEPARATOR = ' / ';

interface FormatCell {
  key: string;
  table: 't2' | 't3' | 't4';
  tableLabel: string;
  rowPath: string[];
  columnPath: string[];
}

const FIGURES_TSV = path.join(FORMAT_DIR, 'figures.tsv');
const PUBLISHED = path.join(CORPUS_DIR, '2023_hongze-qu_pdftotext-raw.txt');
// Absent ../shared: a notice and the suites skip (under CI=true a failure).
const sharedPresent =
  sharedFilePresent('national table layout tests', FIGURES_TSV) &&
  sharedFilePresent('national table layout tests', PUBLISHED);
const describeWithShared = sharedPresent ? describe : describe.skip;

const FORMAT: readonly FormatCell[] = (sharedPresent ? readFileSync(FIGURES_TSV, 'utf8') : '')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [key, tableLabel, row, column] = line.split('\t');
    return {
      key,
      table: key.slice(0, 2) as FormatCell['table'],
      tableLabel,
      rowPath: row.split(SEPARATOR),
      columnPath: column.split(SEPARATOR),
    };
  });

const cellsOf = (table: FormatCell['table']): FormatCell[] =>
  FORMAT.filter((cell) => cell.table === table);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const joined = (parts: readonly string[]): string => parts.join(SEPARATOR);

/** 表三's rows and columns (label paths) and 表四's groups and results, in the order read. */
const T3_ROW_PATHS = unique(cellsOf('t3').map((cell) => joined(cell.rowPath))).map((row) =>
  row.split(SEPARATOR),
);
const T3_COLUMN_PATHS = unique(cellsOf('t3').map((cell) => joined(cell.columnPath))).map((column) =>
  column.split(SEPARATOR),
);
const T4_GROUP_PATHS = unique(cellsOf('t4').map((cell) => joined(cell.rowPath))).map((group) =>
  group.split(SEPARATOR),
);
const T4_RESULTS = unique(cellsOf('t4').map((cell) => joined(cell.columnPath)));
const T2_ARTICLES = unique(cellsOf('t2').map((cell) => cell.rowPath[0]));
const t2ColumnsOf = (article: string): string[] =>
  unique(
    cellsOf('t2')
      .filter((cell) => cell.rowPath[0] === article)
      .map((cell) => joined(cell.columnPath)),
  );
const T3_LABEL_DEPTH = Math.max(...T3_ROW_PATHS.map((rowPath) => rowPath.length));

/** Level by level, a label where a run of equal prefixes starts and '' where it continues. */
function levelsOf(paths: readonly (readonly string[])[], depth: number): string[][] {
  return Array.from({ length: depth }, (_, level) =>
    paths.map((labelPath, index) => {
      const text = labelPath[level] ?? '';
      const startsRun =
        index === 0 ||
        joined(labelPath.slice(0, level + 1)) !== joined(paths[index - 1].slice(0, level + 1));
      return startsRun ? text : '';
    }),
  );
}

// ---- the viewer's layout: cells placed on the grid the way a browser places them ----

interface PlacedCell {
  cell: CellSpec;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/** Places rows of cells with their spans (the HTML table algorithm, without overlaps). */
function place(rows: readonly (readonly CellSpec[])[]): { placed: PlacedCell[]; widths: number[] } {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      const rowSpan = cell.kind === 'header' ? cell.rowSpan : 1;
      for (let r = row; r < row + rowSpan; r += 1)
        for (let c = column; c < column + cell.colSpan; c += 1) taken.add(`${r}:${c}`);
      placed.push({ cell, row, column, rowSpan, colSpan: cell.colSpan });
      column += cell.colSpan;
    }
  });
  const widths = rows.map(
    (_, row) => [...taken].filter((slot) => slot.startsWith(`${row}:`)).length,
  );
  return { placed, widths };
}

function viewerLayout(id: TableLayout['id']): TableLayout {
  const layout = TABLE_LAYOUTS.find((candidate) => candidate.id === id);
  if (!layout) throw new Error(`no viewer layout ${id}`);
  return layout;
}

function placedOf(id: TableLayout['id']): PlacedCell[] {
  const layout = viewerLayout(id);
  return place([...layout.head, ...layout.bodies.flat()]).placed;
}

function headerCell(id: TableLayout['id'], label: string): PlacedCell {
  const found = placedOf(id).filter(
    ({ cell }) => cell.kind === 'header' && cell.label === label && cell.scope !== 'row',
  );
  expect(found).toHaveLength(1);
  return found[0];
}

function headerLabels(layout: TableLayout, ids: readonly string[]): string[] {
  const headers = [...layout.head, ...layout.bodies.flat()].flat();
  return ids.map((id) => {
    const found = headers.find((cell) => cell.kind === 'header' && cell.id === id);
    if (!found || found.kind !== 'header') throw new Error(`no header ${id} in ${layout.id}`);
    return found.label;
  });
}

/** The labels a reader of the printed form reads for a cell: table's own, then column, then row. */
function formatLabels(cell: FormatCell): string[] {
  switch (cell.table) {
    case 't2':
      return [cell.rowPath[0], ...cell.columnPath, ...cell.rowPath.slice(1)];
    case 't3':
      return [T3_COLUMN_HEADING, ...cell.columnPath, ...cell.rowPath];
    case 't4':
      return [...cell.rowPath, ...cell.columnPath];
  }
}

describeWithShared('the viewer layout of the national tables', () => {
  it('given the three tables, when placed on a grid, then each holds its cells of figures.tsv once, in reading order', () => {
    for (const id of ['t2', 't3', 't4'] as const) {
      const layout = viewerLayout(id);
      const keys = placedOf(id).flatMap(({ cell }) => (cell.kind === 'figure' ? [cell.key] : []));
      expect(keys).toEqual(cellsOf(id).map((cell) => cell.key));
      expect(layout.caption).toBe(cellsOf(id)[0].tableLabel);
    }
  });

  it('given each table, when placed, then every row fills the same width: 1 + 3, 3 label levels + 7, 15', () => {
    const expected = {
      t2: 1 + Math.max(...T2_ARTICLES.map((article) => t2ColumnsOf(article).length)),
      t3: T3_LABEL_DEPTH + T3_COLUMN_PATHS.length,
      t4: T4_GROUP_PATHS.length * T4_RESULTS.length,
    };
    expect(expected).toEqual({ t2: 4, t3: 10, t4: 15 });
    for (const id of ['t2', 't3', 't4'] as const) {
      const layout = viewerLayout(id);
      const { widths } = place([...layout.head, ...layout.bodies.flat()]);
      expect(new Set(widths)).toEqual(new Set([expected[id]]));
    }
  });

  it('given a figure cell, when its headers= ids are read, then they name exactly its labels in figures.tsv', () => {
    for (const id of ['t2', 't3', 't4'] as const) {
      const layout = viewerLayout(id);
      for (const { cell } of placedOf(id)) {
        if (cell.kind !== 'figure') continue;
        const format = FORMAT.find((candidate) => candidate.key === cell.key);
        if (!format) throw new Error(`${cell.key} is not in figures.tsv`);
        expect([cell.key, ...headerLabels(layout, cell.headers)]).toEqual([
          cell.key,
          ...formatLabels(format),
        ]);
      }
    }
  });

  it('given a figure cell, when its headers are placed, then each stands over its column or beside its row', () => {
    for (const id of ['t2', 't3', 't4'] as const) {
      const placed = placedOf(id);
      const byId = new Map(
        placed.flatMap((p) => (p.cell.kind === 'header' ? [[p.cell.id, p] as const] : [])),
      );
      for (const figure of placed.filter((p) => p.cell.kind === 'figure')) {
        if (figure.cell.kind !== 'figure') continue;
        for (const headerId of figure.cell.headers) {
          const header = byId.get(headerId);
          if (!header) throw new Error(`${figure.cell.key} names a missing header ${headerId}`);
          const overColumn =
            header.row < figure.row &&
            header.column <= figure.column &&
            figure.column < header.column + header.colSpan;
          const besideRow =
            header.column < figure.column &&
            header.row <= figure.row &&
            figure.row < header.row + header.rowSpan;
          expect([figure.cell.key, headerId, overColumn || besideRow]).toEqual([
            figure.cell.key,
            headerId,
            true,
          ]);
        }
      }
    }
  });

  it('given any table, when its header ids are listed, then no two header cells share an id', () => {
    for (const id of ['t2', 't3', 't4'] as const) {
      const ids = placedOf(id).flatMap(({ cell }) => (cell.kind === 'header' ? [cell.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('given 表二, when laid out, then one tbody per 第二十条 item opens with the item over the whole width and 信息内容', () => {
    const layout = viewerLayout('t2');
    expect(layout.head).toEqual([]);
    expect(layout.bodies).toHaveLength(T2_ARTICLES.length);
    layout.bodies.forEach((body, index) => {
      const article = T2_ARTICLES[index];
      const columns = t2ColumnsOf(article);
      const [opening, headings] = body;
      expect(opening).toMatchObject([
        { kind: 'header', label: article, colSpan: 4, scope: 'colgroup' },
      ]);
      expect(headings.map((cell) => (cell.kind === 'header' ? cell.label : cell.key))).toEqual([
        T2_ITEM_HEADING,
        ...columns,
      ]);
      expect(headings.map((cell) => cell.colSpan)).toEqual([
        1,
        ...columns.map(() => 3 / columns.length),
      ]);
    });
  });

  it('given 表三, when laid out, then the corner note covers the label columns and the three header rows', () => {
    const layout = viewerLayout('t3');
    expect(layout.head).toHaveLength(3);
    const corner = headerCell('t3', T3_CORNER_NOTE);
    expect([corner.row, corner.column, corner.rowSpan, corner.colSpan]).toEqual([
      0,
      0,
      3,
      T3_LABEL_DEPTH,
    ]);
    const heading = headerCell('t3', T3_COLUMN_HEADING);
    expect([heading.row, heading.column, heading.colSpan]).toEqual([
      0,
      T3_LABEL_DEPTH,
      T3_COLUMN_PATHS.length,
    ]);
  });

  it('given 表三, when laid out, then a column label without sub-columns spans down and a group spans its sub-columns', () => {
    for (const first of unique(T3_COLUMN_PATHS.map((columnPath) => columnPath[0]))) {
      const cell = headerCell('t3', first);
      const paths = T3_COLUMN_PATHS.filter((columnPath) => columnPath[0] === first);
      const spansDown = paths.length === 1 && paths[0].length === 1;
      expect([first, cell.row, cell.rowSpan, cell.colSpan]).toEqual([
        first,
        1,
        spansDown ? 2 : 1,
        paths.length,
      ]);
    }
    expect(headerCell('t3', '法人或其他组织').colSpan).toBe(5);
  });

  it('given 表三, when its row labels are placed, then a group spans its rows and a leaf the levels left', () => {
    const rowHeaders = placedOf('t3').filter(
      (p) => p.cell.kind === 'header' && p.cell.scope === 'row',
    );
    const headRows = viewerLayout('t3').head.length;
    T3_ROW_PATHS.forEach((rowPath, index) => {
      rowPath.forEach((label, level) => {
        const prefix = joined(rowPath.slice(0, level + 1));
        const first = T3_ROW_PATHS.findIndex((p) => joined(p.slice(0, level + 1)) === prefix);
        if (first !== index) return;
        const rows = T3_ROW_PATHS.filter((p) => joined(p.slice(0, level + 1)) === prefix);
        const isLeaf = level === rowPath.length - 1;
        const cell = rowHeaders.find((p) => p.row === headRows + index && p.column === level);
        const seen =
          cell?.cell.kind === 'header' ? [cell.cell.label, cell.rowSpan, cell.colSpan] : [];
        expect([prefix, ...seen]).toEqual([
          prefix,
          label,
          isLeaf ? 1 : rows.length,
          isLeaf ? T3_LABEL_DEPTH - level : 1,
        ]);
      });
    });
  });

  it('given 表四, when laid out, then 行政复议 and 行政诉讼 span their results and 行政复议’s results span down', () => {
    const results = T4_RESULTS.length;
    const review = headerCell('t4', T4_GROUP_PATHS[0][0]);
    expect([review.row, review.column, review.colSpan, review.rowSpan]).toEqual([0, 0, results, 1]);
    const suit = headerCell('t4', T4_GROUP_PATHS[1][0]);
    expect([suit.row, suit.column, suit.colSpan]).toEqual([0, results, results * 2]);
    T4_GROUP_PATHS.slice(1).forEach((groupPath, index) => {
      const group = headerCell('t4', groupPath[1]);
      expect([group.row, group.column, group.colSpan]).toEqual([1, results * (index + 1), results]);
    });
    const resultCells = placedOf('t4').filter(
      (p) => p.cell.kind === 'header' && T4_RESULTS.includes(p.cell.label),
    );
    expect(resultCells.map((p) => [p.row, p.column, p.rowSpan])).toEqual(
      T4_GROUP_PATHS.flatMap((groupPath, groupIndex) =>
        T4_RESULTS.map((_, resultIndex) => [
          groupPath.length === 1 ? 1 : 2,
          groupIndex * results + resultIndex,
          groupPath.length === 1 ? 2 : 1,
        ]),
      ),
    );
  });
});

// ---- the export's layout: rows of label, figure and blank cells ----

function exportTable(id: LayoutTable['id']): LayoutTable {
  const table = NATIONAL_TABLES.find((candidate) => candidate.id === id);
  if (!table) throw new Error(`no export table ${id}`);
  return table;
}

function texts(table: LayoutTable, kind: 'header' | 'data'): string[][] {
  return table.rows
    .filter((row) => row.kind === kind)
    .map((row) =>
      row.cells.map((cell) =>
        cell.kind === 'label' ? cell.text : cell.kind === 'figure' ? cell.key : '',
      ),
    );
}

describeWithShared('the export layout of the national tables', () => {
  it('given the three tables, when exported, then each holds its cells of figures.tsv once, in reading order', () => {
    expect(NATIONAL_TABLES.map((table) => table.id)).toEqual(['t2', 't3', 't4']);
    for (const table of NATIONAL_TABLES) {
      const keys = table.rows.flatMap((row) =>
        row.cells.flatMap((cell) => (cell.kind === 'figure' ? [cell.key] : [])),
      );
      expect(keys).toEqual(cellsOf(table.id).map((cell) => cell.key));
      expect(table.title).toBe(cellsOf(table.id)[0].tableLabel);
    }
  });

  it('given each table, when exported, then every row has the printed width (4, 10, 15)', () => {
    const widths = { t2: 4, t3: T3_LABEL_DEPTH + T3_COLUMN_PATHS.length, t4: 15 };
    for (const table of NATIONAL_TABLES) {
      expect(new Set(table.rows.map((row) => row.cells.length))).toEqual(
        new Set([widths[table.id]]),
      );
    }
  });

  it('given 表二, when exported, then each 第二十条 item is an item row, a heading row and its data rows', () => {
    const expected: string[][] = T2_ARTICLES.flatMap((article) => {
      const cells = cellsOf('t2').filter((cell) => cell.rowPath[0] === article);
      const columns = unique(cells.map((cell) => joined(cell.columnPath)));
      const items = unique(cells.map((cell) => joined(cell.rowPath.slice(1))));
      const pad = (row: string[]): string[] => [...row, ...Array<string>(4 - row.length).fill('')];
      return [
        pad([article]),
        pad([T2_ITEM_HEADING, ...columns]),
        ...items.map((item) =>
          pad([
            item,
            ...cells
              .filter((cell) => joined(cell.rowPath.slice(1)) === item)
              .map((cell) => cell.key),
          ]),
        ),
      ];
    });
    const table = exportTable('t2');
    expect(
      table.rows.map((row) =>
        row.cells.map((cell) =>
          cell.kind === 'label' ? cell.text : cell.kind === 'figure' ? cell.key : '',
        ),
      ),
    ).toEqual(expected);
    expect(table.rows.map((row) => row.kind)).toEqual(
      expected.map((row) => (row.some((text) => text.startsWith('t2.')) ? 'data' : 'header')),
    );
  });

  it('given 表三, when exported, then three header rows as printed: the corner note and 申请人情况, then the column labels, merged labels written once', () => {
    const columnLevels = levelsOf(T3_COLUMN_PATHS, 2);
    const corner = Array<string>(T3_LABEL_DEPTH).fill('');
    const overColumns = Array<string>(T3_COLUMN_PATHS.length - 1).fill('');
    expect(texts(exportTable('t3'), 'header')).toEqual([
      [T3_CORNER_NOTE, ...corner.slice(1), T3_COLUMN_HEADING, ...overColumns],
      [...corner, ...columnLevels[0]],
      [...corner, ...columnLevels[1]],
    ]);
    expect(columnLevels[0]).toEqual(['自然人', '法人或其他组织', '', '', '', '', '总计']);
  });

  it('given 表三, when exported, then each of its 25 data rows holds its row labels, a group written where it starts', () => {
    const rowLevels = levelsOf(T3_ROW_PATHS, T3_LABEL_DEPTH);
    expect(T3_ROW_PATHS).toHaveLength(25);
    expect(texts(exportTable('t3'), 'data')).toEqual(
      T3_ROW_PATHS.map((rowPath, index) => [
        ...rowLevels.map((level) => level[index]),
        ...cellsOf('t3')
          .filter((cell) => joined(cell.rowPath) === joined(rowPath))
          .map((cell) => cell.key),
      ]),
    );
  });

  it('given 表四, when exported, then three header rows as printed: the groups, then 行政复议’s results beside 行政诉讼’s two kinds, then 行政诉讼’s results', () => {
    const depth = Math.max(...T4_GROUP_PATHS.map((groupPath) => groupPath.length));
    // A label stands in the row of its level: 行政复议's results right under 行政复议.
    const columnPaths = T4_GROUP_PATHS.flatMap((groupPath) =>
      T4_RESULTS.map((result) => [...groupPath, result]),
    );
    const header = texts(exportTable('t4'), 'header');
    expect(header).toEqual(levelsOf(columnPaths, depth + 1));
    const results = T4_RESULTS.length;
    const blank = (count: number): string[] => Array<string>(count).fill('');
    expect(header[1]).toEqual([
      ...T4_RESULTS,
      ...T4_GROUP_PATHS.slice(1).flatMap((groupPath) => [groupPath[1], ...blank(results - 1)]),
    ]);
    expect(header[2]).toEqual([...blank(results), ...T4_RESULTS, ...T4_RESULTS]);
    expect(texts(exportTable('t4'), 'data')).toEqual([cellsOf('t4').map((cell) => cell.key)]);
  });
});

describeWithShared('the export and the viewer, one layout', () => {
  it('given each table, when the export flattens it, then every figure and label stands in the row and column the viewer draws it in', () => {
    for (const id of ['t2', 't3', 't4'] as const) {
      const layout = viewerLayout(id);
      const viewerCells = place([...layout.head, ...layout.bodies.flat()]).placed.map((p) => [
        p.cell.kind === 'figure' ? p.cell.key : p.cell.label,
        p.row,
        p.column,
      ]);
      // Rows read top down and left to right in both, a merged cell at its first row and column.
      const exportCells = exportTable(id).rows.flatMap((row, rowIndex) =>
        row.cells.flatMap((cell, column) =>
          cell.kind === 'blank'
            ? []
            : [[cell.kind === 'figure' ? cell.key : cell.text, rowIndex, column]],
        ),
      );
      expect(exportCells).toEqual(viewerCells);
    }
  });
});

describeWithShared('the printed form the layouts follow', () => {
  it('given a published report, when read, then it prints the corner note, 申请人情况 and 信息内容 the layouts print', () => {
    const published = readFileSync(PUBLISHED, 'utf8').replace(/\s/g, '');
    for (const text of [T3_CORNER_NOTE, T3_COLUMN_HEADING, T2_ITEM_HEADING]) {
      expect([text, published.includes(text)]).toEqual([text, true]);
    }
  });
});
