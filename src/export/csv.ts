// CSV export: one row per figure (the table cells, then the numbers stated in the narrative,
// keys n.*, whose row is their section and whose sentence is in 原句), for spreadsheets. Excel only detects UTF-8 when the file
// starts with a byte-order mark, and expects CRLF line ends (RFC 4180), so both are written.
import { isDecimalText } from '../domain/format/decimal';
import type { ExportableFigure, ExportableReport } from './exportableReport';
import { figureLabels } from './figureLabels';
import { inTemplateOrder } from './figureOrder';

export const UTF8_BOM = '\uFEFF';

/** Column order of the CSV; headers are Chinese because the file is meant for Excel users. */
export const CSV_COLUMNS = [
  { id: 'key', header: '指标键' },
  { id: 'table', header: '表格' },
  { id: 'row', header: '行' },
  { id: 'column', header: '列' },
  { id: 'value', header: '数值' },
  { id: 'raw', header: '原文' },
  { id: 'marker', header: '标记' },
  { id: 'revision', header: '修订号' },
  { id: 'lastActor', header: '最后修改人' },
  { id: 'lastChangedAt', header: '最后修改时间' },
  { id: 'lastReason', header: '修改原因' },
  // Added after the first version: new columns go last so column positions stay put.
  { id: 'unit', header: '单位' },
  { id: 'sentence', header: '原句' },
] as const;

export type CsvColumnId = (typeof CSV_COLUMNS)[number]['id'];

/**
 * Quotes a field when it holds a comma, quote, CR or LF (RFC 4180). Text that a spreadsheet
 * would run as a formula (=, +, @, tab, or - not followed by a number) gets a leading
 * apostrophe: reasons and actor names are user input, and a CSV must not execute on opening.
 * Plain decimals and the bare marker "-" are left untouched.
 */
export function csvField(text: string): string {
  const needsFormulaGuard =
    /^[=+@\t\r]/.test(text) || (text.startsWith('-') && text !== '-' && !isDecimalText(text));
  const guarded = needsFormulaGuard ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function figureRow(figure: ExportableFigure): Record<CsvColumnId, string> {
  const labels = figureLabels(figure);
  return {
    key: figure.key,
    table: labels.tableLabel ?? '',
    row: labels.row ?? '',
    column: labels.column ?? '',
    value: figure.value ?? '',
    raw: figure.raw ?? '',
    marker: figure.marker ?? '',
    revision: String(figure.revision),
    lastActor: figure.lastChange?.actorName ?? '',
    lastChangedAt: figure.lastChange?.recordedAt.toISOString() ?? '',
    lastReason: figure.lastChange?.reason ?? '',
    unit: labels.unit ?? '',
    sentence: labels.sentence ?? '',
  };
}

export function reportToCsv(report: ExportableReport): string {
  const lines = [CSV_COLUMNS.map((column) => csvField(column.header)).join(',')];
  for (const figure of inTemplateOrder(report.figures)) {
    const row = figureRow(figure);
    lines.push(CSV_COLUMNS.map((column) => csvField(row[column.id])).join(','));
  }
  return UTF8_BOM + lines.map((line) => `${line}\r\n`).join('');
}
