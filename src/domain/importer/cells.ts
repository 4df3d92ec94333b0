// Reading one table cell: its raw text becomes a number, a marker, a blank, or an unreadable
// token — kept apart because blank, "/" and 0 are different facts.
import { canonicalDecimal } from '../format/decimal';
import type { CellMarker, DecimalString, FigureReading, SourceLocation } from './types';

export type CellKind = 'number' | 'marker' | 'blank' | 'invalid';

export interface ParsedCell {
  kind: CellKind;
  value: DecimalString | null;
  marker: CellMarker | null;
}

/** A cell's raw text with where it was found. */
export interface CellToken {
  raw: string;
  source: SourceLocation | null;
}

/** Spellings of the four markers (full-width and dash variants map to the template's marker). */
const MARKERS: Readonly<Record<string, CellMarker>> = {
  '/': '/',
  '／': '/',
  '-': '-',
  '－': '-',
  '–': '-',
  '—': '—',
  '——': '—',
  '―': '—',
  无: '无',
};

const BLANK = /^[\s\u00a0\u3000\u200b]*$/u;
const BROKEN_DIGITS = /[0-9０-９][\s\u00a0\u3000]+[0-9０-９]/u;

/** Full-width digits and dot (０-９, ．) to ASCII; thousands separators dropped. */
function asciiNumber(text: string): string {
  return text
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．]/gu, '.')
    .replace(
      /^(\d{1,3})((?:,\d{3})+)(\.\d+)?$/u,
      (_all, head: string, groups: string, tail?: string) =>
        `${head}${groups.replace(/,/gu, '')}${tail ?? ''}`,
    );
}

/** Classify a cell's raw text. */
export function parseCellText(raw: string): ParsedCell {
  if (BLANK.test(raw)) return { kind: 'blank', value: null, marker: null };
  // Space or a break between digits ("2\f972", "5 917") may separate two numbers or group
  // thousands; joining them would be a guess, so the cell is unreadable (and reported).
  if (BROKEN_DIGITS.test(raw)) return { kind: 'invalid', value: null, marker: null };
  const text = raw.replace(/[\s\u00a0\u3000\u200b]+/gu, '');
  const marker = MARKERS[text];
  if (marker) return { kind: 'marker', value: null, marker };
  const value = canonicalDecimal(asciiNumber(text));
  if (value !== null && !value.startsWith('-')) return { kind: 'number', value, marker: null };
  return { kind: 'invalid', value: null, marker: null };
}

/** True when `text` is a number or marker token (what a value cell can hold). */
export function isValueToken(text: string): boolean {
  const kind = parseCellText(text).kind;
  return kind === 'number' || kind === 'marker';
}

/** A figure read from a cell token; a null token means the cell was not found. */
export function readFigure(
  key: string,
  token: CellToken | null,
  options: { uncertain?: boolean } = {},
): FigureReading {
  if (!token) return missingFigure(key);
  const parsed = parseCellText(token.raw);
  return {
    key,
    value: parsed.value,
    raw: token.raw,
    marker: parsed.marker,
    uncertain: options.uncertain ?? false,
    source: token.source,
  };
}

/** A figure whose cell the importer could not find or could not determine. */
export function missingFigure(key: string, source: SourceLocation | null = null): FigureReading {
  return { key, value: null, raw: null, marker: null, uncertain: false, source };
}

/** A short stretch of `line` around a column (1-based), for display next to a number. */
export function excerptAround(line: string, column: number, radius = 30): string {
  const start = Math.max(0, column - 1 - radius);
  const end = Math.min(line.length, column - 1 + radius);
  return line
    .slice(start, end)
    .replace(/[\t\f\u00a0]+/gu, ' ')
    .trim();
}

/** Source location of a token in a text line (line and column 1-based). */
export function textLocation(
  lines: readonly string[],
  lineIndex: number,
  column: number,
  token: string,
): SourceLocation {
  const line = lines[lineIndex] ?? '';
  return { line: lineIndex + 1, column, token, excerpt: excerptAround(line, column) };
}

/**
 * Whitespace-separated value tokens (numbers and markers) of one text line, from
 * `fromColumn` (1-based) on. Anything else on the line (labels) is skipped.
 */
export function tokenizeValues(
  lines: readonly string[],
  lineIndex: number,
  fromColumn = 1,
): CellToken[] {
  const line = lines[lineIndex] ?? '';
  const tokens: CellToken[] = [];
  const pattern = /[^\s\u00a0\u3000]+/gu;
  pattern.lastIndex = Math.max(0, fromColumn - 1);
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (!isValueToken(match[0])) continue;
    tokens.push({
      raw: match[0],
      source: textLocation(lines, lineIndex, match.index + 1, match[0]),
    });
  }
  return tokens;
}
