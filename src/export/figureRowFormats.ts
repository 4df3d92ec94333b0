// A bulk figure export as text, in chunks: CSV for spreadsheets (BOM, CRLF, the same field
// quoting and formula guard as the one-report CSV) or JSON lines (one object per row, for
// programs). Rows are joined into chunks of about CHUNK_CHARS, so a writer makes a few hundred
// writes for a large export instead of one per row, and never holds more than one chunk.
import { csvField, UTF8_BOM } from './csv';
import type { FigureCell, FigureRowPlan } from './figureRows';

export const FIGURE_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type FigureExportFormat = (typeof FIGURE_EXPORT_FORMATS)[number];

export function isFigureExportFormat(text: string): text is FigureExportFormat {
  return (FIGURE_EXPORT_FORMATS as readonly string[]).includes(text);
}

export const FIGURE_EXPORT_CONTENT_TYPES: Readonly<Record<FigureExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
};

const CHUNK_CHARS = 64 * 1024;

function csvCell(cell: FigureCell): string {
  if (cell === null) return '';
  return csvField(String(cell));
}

function* lines(plan: FigureRowPlan, format: FigureExportFormat): Generator<string> {
  const ids = plan.columns.map((column) => column.id);
  if (format === 'csv') {
    yield `${UTF8_BOM}${plan.columns.map((column) => csvField(column.header)).join(',')}\r\n`;
    for (const row of plan.rows) yield `${ids.map((id) => csvCell(row[id] ?? null)).join(',')}\r\n`;
    return;
  }
  for (const row of plan.rows) {
    // Column order, not the row object's order, so every line has its fields in one order.
    const ordered: Record<string, FigureCell> = {};
    for (const id of ids) ordered[id] = row[id] ?? null;
    yield `${JSON.stringify(ordered)}\n`;
  }
}

/** The export's text in chunks, generated as they are read. */
export function* figureExportChunks(
  plan: FigureRowPlan,
  format: FigureExportFormat,
): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const line of lines(plan, format)) {
    pending.push(line);
    size += line.length;
    if (size >= CHUNK_CHARS) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}
