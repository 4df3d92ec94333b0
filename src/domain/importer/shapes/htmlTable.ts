// HTML articles (TRS / ucap CMS, Word paste): the three tables as <table> grids. The grid is
// built honouring rowspan/colspan, so a 表三 data row is the last 7 grid columns and its
// label is whatever covers the columns before them (including the rowspan group cells).
// Provenance is the cell path `table[i] > tr[j] > td[k]` plus the <td>'s line and column.
import { parseCellText } from '../cells';
import type { CellToken } from '../cells';
import { parseHtmlDocument } from '../html/htmlDocument';
import type { HtmlCell, HtmlTable } from '../html/htmlDocument';
import { matchT2RowLabel } from '../labels';
import { narrativeHints } from '../narrativeHints';
import type { FigureHint } from '../narrativeHints';
import { readRowWithExtraValues } from '../rowWidth';
import { assignT3Rows } from '../t3Rows';
import type { LabelledRow } from '../t3Rows';
import { t2ItemKeys, t4Keys } from '../tableKeys';
import type { FigureReading, ImportWarning } from '../types';
import { assignRow } from './shapeReader';
import type { ShapeReading, SourceDocument, TableShapeReader } from './shapeReader';

type Figures = Record<string, FigureReading>;

interface TableReading {
  figures: Figures;
  warnings: ImportWarning[];
}

function isT3(table: HtmlTable): boolean {
  return /本年新收/u.test(table.text) && /结转/u.test(table.text);
}

function isT4(table: HtmlTable): boolean {
  return /行政复议/u.test(table.text) && /(?:未经复议|复议后)/u.test(table.text);
}

function isT2(table: HtmlTable): boolean {
  return /(?:行政许可|行政处罚|规章|行政事业性收费)/u.test(table.text) && !isT3(table);
}

function token(cell: HtmlCell): CellToken {
  return { raw: cell.text, source: cell.source };
}

/** Distinct cells of a grid row, in column order. */
function distinctCells(row: readonly (HtmlCell | null)[]): HtmlCell[] {
  const cells: HtmlCell[] = [];
  for (const cell of row) {
    if (cell && cells[cells.length - 1]?.id !== cell.id && !cells.some((c) => c.id === cell.id)) {
      cells.push(cell);
    }
  }
  return cells;
}

function isValueOrBlank(cell: HtmlCell): boolean {
  const kind = parseCellText(cell.text).kind;
  return kind === 'number' || kind === 'marker' || kind === 'blank';
}

function readT2(table: HtmlTable): TableReading {
  const figures: Figures = {};
  const warnings: ImportWarning[] = [];
  for (const row of table.grid) {
    const cells = distinctCells(row);
    if (cells.length < 2) continue;
    const match = matchT2RowLabel(cells[0].text);
    if (!match) continue;
    const values = cells.slice(1);
    if (!values.every(isValueOrBlank)) continue;
    const keys = t2ItemKeys(match.entry.row);
    if (keys.every((key) => figures[key])) continue;
    const assignment = assignRow(keys, values.map(token), `表二 ${cells[0].text}`);
    Object.assign(figures, assignment.figures);
    warnings.push(...assignment.warnings);
  }
  return { figures, warnings };
}

function readT3(table: HtmlTable): TableReading {
  const rows: LabelledRow[] = [];
  const width = table.width;
  if (width < 8) return { figures: {}, warnings: [] };
  table.grid.forEach((row, rowIndex) => {
    const data = row.slice(width - 7);
    // A data row owns its 7 value cells (none spans in from a header row above).
    if (data.some((cell) => !cell || cell.row !== rowIndex)) return;
    const dataCells = data as HtmlCell[];
    if (new Set(dataCells.map((cell) => cell.id)).size !== 7) return;
    if (!dataCells.every(isValueOrBlank)) return;
    if (!dataCells.some((cell) => parseCellText(cell.text).kind !== 'blank')) return;
    const labelCells = distinctCells(row.slice(0, width - 7));
    rows.push({
      label: labelCells.map((cell) => cell.text).join(' '),
      tokens: dataCells.map(token),
      source: dataCells[0].source,
    });
  });
  return assignT3Rows(rows);
}

function readT4(table: HtmlTable, hints: readonly FigureHint[]): TableReading {
  for (const row of table.grid) {
    const cells = distinctCells(row);
    if (cells.length < 10 || !cells.every(isValueOrBlank)) continue;
    return readRowWithExtraValues(t4Keys(), cells.map(token), '表四 data row', hints);
  }
  return { figures: {}, warnings: [] };
}

export const htmlTableReader: TableShapeReader = {
  shape: 'html-table',
  detect(doc: SourceDocument): number {
    if (doc.format !== 'html') return 0;
    return /<table\b/iu.test(doc.text) ? 0.9 : 0.1;
  },
  read(doc: SourceDocument): ShapeReading {
    const parsed = doc.html ?? parseHtmlDocument(doc.text);
    const hints = narrativeHints(parsed.lines.join('\n'));
    const figures: Figures = {};
    const warnings: ImportWarning[] = [];
    const take = (reading: TableReading): void => {
      for (const [key, figure] of Object.entries(reading.figures)) figures[key] ??= figure;
      warnings.push(...reading.warnings);
    };
    for (const table of parsed.tables) {
      if (isT3(table)) take(readT3(table));
      else if (isT4(table)) take(readT4(table, hints));
      else if (isT2(table)) take(readT2(table));
    }
    return { shape: this.shape, figures, warnings };
  },
};
