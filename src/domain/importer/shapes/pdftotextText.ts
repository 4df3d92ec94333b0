// What both pdftotext renderings (-layout and the default reading order) share: page
// furniture (form feeds, centred page numbers such as "-3-") and the headings that open the
// three tables. Line indices are 0-based here; sources report them 1-based.
import { isValueToken, parseCellText, textLocation } from './shapeReader';
import type { CellToken } from './shapeReader';
import type { FigureReading, ImportWarning } from '../types';

/** Lines [start, end) of one table, between its heading and the next table's heading. */
export interface LineRange {
  start: number;
  end: number;
}

export interface TableRegions {
  t2: LineRange | null;
  t3: LineRange | null;
  t4: LineRange | null;
}

const SPACE = /[\s\u00a0\u3000]+/gu;

/** The line without form feeds and surrounding space. */
export function lineContent(line: string): string {
  // A form feed between digits separates two numbers (joining "41\f19" would invent 4119).
  return line
    .replace(/(?<=[0-9０-９])\f+(?=[0-9０-９])/gu, ' ')
    .replace(/\f/gu, '')
    .trim();
}

/** The line with every kind of space removed, for heading and label tests. */
export function compactLine(line: string): string {
  return line.replace(SPACE, '');
}

/** pdftotext prints page numbers as centred "-3-" lines; they are never table content. */
export function isPageNumberLine(line: string): boolean {
  return /^[-－—]\s*\d{1,3}\s*[-－—]$/u.test(lineContent(line));
}

/** True when the text carries pdftotext page furniture: form feeds or "-N-" page numbers. */
export function hasPageFurniture(lines: readonly string[]): boolean {
  return lines.some((line) => line.includes('\f') || isPageNumberLine(line));
}

const T2_HEADING = /^二[、.．]?主动公开政府信息情况/u;
const T3_HEADING = /^三[、.．]?收到和处理政府信息公开申请情况/u;
const T4_HEADING = /^四[、.．]?.*行政复议.*行政诉讼/u;
const AFTER_T4_HEADING = /^[五六][、.．]/u;
/** When no 五、 heading follows 表四, the table is taken to end this many lines later. */
const T4_MAX_LINES = 80;

function findHeading(lines: readonly string[], pattern: RegExp, from: number): number {
  for (let index = from; index < lines.length; index += 1) {
    if (pattern.test(compactLine(lines[index]))) return index;
  }
  return -1;
}

/**
 * Where the three tables are. Headings are searched in order (二 before 三 before 四), so
 * a row label such as "四、结转下年度继续办理" inside 表三 cannot end it early: the 表四
 * heading must also name 行政复议 and 行政诉讼.
 */
export function findTableRegions(lines: readonly string[]): TableRegions {
  const t2 = findHeading(lines, T2_HEADING, 0);
  const t3 = findHeading(lines, T3_HEADING, t2 < 0 ? 0 : t2 + 1);
  const t4 = findHeading(lines, T4_HEADING, t3 < 0 ? Math.max(t2, 0) : t3 + 1);
  let end = t4 < 0 ? -1 : findHeading(lines, AFTER_T4_HEADING, t4 + 1);
  if (t4 >= 0 && end < 0) end = Math.min(lines.length, t4 + T4_MAX_LINES);
  const range = (start: number, stop: number): LineRange | null =>
    start >= 0 && stop > start ? { start: start + 1, end: stop } : null;
  return {
    t2: t2 >= 0 ? range(t2, t3 >= 0 ? t3 : t4 >= 0 ? t4 : lines.length) : null,
    t3: t3 >= 0 ? range(t3, t4 >= 0 ? t4 : lines.length) : null,
    t4: t4 >= 0 ? range(t4, end) : null,
  };
}

/** What a reader found in one table. */
export interface TableReading {
  figures: Record<string, FigureReading>;
  warnings: ImportWarning[];
}

export type TableReader = (lines: readonly string[], range: LineRange) => TableReading;

/**
 * Reads each table the text has with its reader (表二, then 表三, then 表四) and merges what
 * they found in that order.
 */
export function readTables(
  lines: readonly string[],
  readers: { t2: TableReader; t3: TableReader; t4: TableReader },
): TableReading {
  const regions = findTableRegions(lines);
  const readings = [
    regions.t2 ? readers.t2(lines, regions.t2) : null,
    regions.t3 ? readers.t3(lines, regions.t3) : null,
    regions.t4 ? readers.t4(lines, regions.t4) : null,
  ];
  const figures: Record<string, FigureReading> = {};
  const warnings: ImportWarning[] = [];
  for (const reading of readings) {
    if (!reading) continue;
    Object.assign(figures, reading.figures);
    warnings.push(...reading.warnings);
  }
  return { figures, warnings };
}

/** A whitespace-separated token of a line with its 1-based column. */
export interface LineToken {
  text: string;
  column: number;
}

export function lineTokens(line: string): LineToken[] {
  const tokens: LineToken[] = [];
  const pattern = /[^\s\u00a0\u3000]+/gu;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    tokens.push({ text: match[0], column: match.index + 1 });
  }
  return tokens;
}

/** A line split into its label (text before the values) and the run of values ending it. */
export interface SplitLine {
  index: number;
  label: string;
  values: CellToken[];
}

/**
 * Split a -layout line: the values are the longest run of number/marker tokens at the end
 * of the line; everything before them is label text. Taking only the trailing run keeps a
 * lone "无" of a label (e.g. a broken "（四）无法提供") from being read as a marker, unless
 * it stands at the end of the line after the label.
 */
export function splitLine(lines: readonly string[], index: number): SplitLine {
  const line = lines[index] ?? '';
  const tokens = lineTokens(line);
  let first = tokens.length;
  while (first > 0 && isValueToken(tokens[first - 1].text)) first -= 1;
  const values = tokens.slice(first).map((token) => ({
    raw: token.text,
    source: textLocation(lines, index, token.column, token.text),
  }));
  const labelEnd = first < tokens.length ? tokens[first].column - 1 : line.length;
  return { index, label: lineContent(line.slice(0, labelEnd)), values };
}

/** True when the whole line is one value token (the default-mode "one cell per line"). */
export function singleValue(line: string): string | null {
  const content = lineContent(line);
  if (!content || /\s/u.test(content) || isPageNumberLine(line)) return null;
  return isValueToken(content) ? content : null;
}

/** True when the token is a number (not a marker). */
export function isNumberToken(raw: string): boolean {
  return parseCellText(raw).kind === 'number';
}
