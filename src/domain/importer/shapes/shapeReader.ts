// The contract every table-shape reader implements, plus the helpers shape readers share.
// A shape is one real-world rendering of the tables (HTML grid, tab-separated rows, pdftotext
// -layout columns, …). The orchestrator asks every reader how well it fits and lets the best
// one read; it then fills the keys a reader left out and adds the narrative.
import { readFigure } from '../cells';
import type { DocumentFormat, FigureReading, ImportWarning, SourceLocation } from '../types';
import type { CellToken } from '../cells';
import type { HtmlDocument } from '../html/htmlDocument';

export interface SourceDocument {
  /** The document text as given. */
  text: string;
  format: DocumentFormat;
  /** `text` split on \n (a trailing \r removed); form feeds are kept inside lines. */
  lines: string[];
  /** For HTML: the parsed document, when the caller already has it (saves a second parse). */
  html?: HtmlDocument;
}

export interface ShapeReading {
  shape: string;
  /** Keys the reader found; the orchestrator marks the rest ROW_MISSING. */
  figures: Partial<Record<string, FigureReading>>;
  warnings: ImportWarning[];
}

export interface TableShapeReader {
  shape: string;
  /** How well the document fits this shape: 0 (not at all) .. 1 (certainly). */
  detect(doc: SourceDocument): number;
  read(doc: SourceDocument): ShapeReading;
}

/** Split text into lines the way every reader counts them (1-based line = index + 1). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/u, ''));
}

export function makeWarning(
  code: string,
  keys: readonly string[],
  message: string,
  source: SourceLocation | null = null,
): ImportWarning {
  return { code, keys: [...keys], message, source };
}

export interface RowAssignment {
  figures: Record<string, FigureReading>;
  warnings: ImportWarning[];
}

/**
 * Assign a run of value tokens to the keys of one printed row. When the counts differ the
 * row is not determined: every key is left empty (raw kept as the whole run) and one
 * ROW_WIDTH_MISMATCH warning names them all.
 */
export function assignRow(
  keys: readonly string[],
  tokens: readonly CellToken[],
  rowName: string,
): RowAssignment {
  if (tokens.length === keys.length) {
    const figures: Record<string, FigureReading> = {};
    keys.forEach((key, index) => {
      figures[key] = readFigure(key, tokens[index]);
    });
    return { figures, warnings: [] };
  }
  const source = tokens[0]?.source ?? null;
  const raw = tokens.map((token) => token.raw).join(' ');
  const figures: Record<string, FigureReading> = {};
  for (const key of keys) {
    figures[key] = { key, value: null, raw: raw || null, marker: null, uncertain: false, source };
  }
  return {
    figures,
    warnings: [
      makeWarning(
        'ROW_WIDTH_MISMATCH',
        keys,
        `${rowName}: ${tokens.length} values for ${keys.length} columns ("${raw}"); the cells are left empty`,
        source,
      ),
    ],
  };
}

export type { CellToken, ParsedCell, CellKind } from '../cells';
export {
  parseCellText,
  isValueToken,
  readFigure,
  missingFigure,
  excerptAround,
  textLocation,
  tokenizeValues,
} from '../cells';
export type { RowLabelEntry, LabelMatch, LabelKind } from '../labels';
export {
  normaliseLabel,
  labelOrdinal,
  labelSimilarity,
  matchT3RowLabel,
  matchT2RowLabel,
  t3RowLabel,
  T3_ROW_LABELS,
  T2_ROW_LABELS,
} from '../labels';
export { t3RowKeys, t3Keys, t4GroupKeys, t4Keys, t2ItemKeys } from '../tableKeys';
