// Tables as text rows: tab-separated (the seed: converted from a published page, numbers in
// <b> tags) or markdown pipe tables (a PDF→markdown converter: separator rows repeated
// mid-table, labels detached from their values, empty cells). One printed row per line;
// cells are split on tabs or pipes, label cells are the non-numeric ones.
import { isValueToken, textLocation } from '../cells';
import type { CellToken } from '../cells';
import { matchT2RowLabel, matchT3RowLabel } from '../labels';
import { narrativeHints } from '../narrativeHints';
import { readRowWithExtraValues } from '../rowWidth';
import { assignT3Rows } from '../t3Rows';
import type { LabelledRow } from '../t3Rows';
import { t2ItemKeys, t4Keys } from '../tableKeys';
import type { FigureReading, ImportWarning } from '../types';
import { assignRow, makeWarning } from './shapeReader';
import type { ShapeReading, SourceDocument, TableShapeReader } from './shapeReader';

type Figures = Record<string, FigureReading>;

interface TextCell {
  text: string;
  /** 1-based column of the cell text's first character. */
  column: number;
}

interface RowLine {
  index: number;
  label: string;
  values: CellToken[];
  /** Cell-separated rows (tabs/pipes) can hold explicit blank cells. */
  separated: boolean;
}

const MARKUP = /<\/?b>|\*\*/gu;
const SEPARATOR_ROW = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/u;

/** Replace markup by spaces so columns still point at the source characters. */
function unmarked(line: string): string {
  return line.replace(MARKUP, (markup) => ' '.repeat(markup.length));
}

function splitCells(line: string): { cells: TextCell[]; separated: boolean } {
  const text = unmarked(line);
  const separator = text.includes('\t') ? '\t' : /^\s*\|/u.test(text) ? '|' : null;
  const cells: TextCell[] = [];
  if (separator) {
    let start = 0;
    for (const part of text.split(separator)) {
      const lead = part.length - part.trimStart().length;
      cells.push({ text: part.trim(), column: start + lead + 1 });
      start += part.length + 1;
    }
    if (separator === '|') {
      // Leading/trailing pipes delimit nothing.
      if (cells[0]?.text === '') cells.shift();
      if (cells[cells.length - 1]?.text === '') cells.pop();
    }
    return { cells, separated: true };
  }
  const pattern = /[^\s\u00a0\u3000]+/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    cells.push({ text: match[0], column: match.index + 1 });
  }
  return { cells, separated: false };
}

function rowLine(lines: readonly string[], index: number, width: number): RowLine | null {
  const line = lines[index];
  if (SEPARATOR_ROW.test(line)) return null;
  const { cells, separated } = splitCells(line);
  const valueIndexes = cells.flatMap((cell, i) => (isValueToken(cell.text) ? [i] : []));
  if (valueIndexes.length === 0) return null;
  const first = valueIndexes[0];
  let last = valueIndexes[valueIndexes.length - 1];
  // Explicit blank cells after the values fill a short row (an empty 总计 cell).
  while (
    separated &&
    last - first + 1 < width &&
    last + 1 < cells.length &&
    cells[last + 1].text === ''
  ) {
    last += 1;
  }
  const span = separated ? cells.slice(first, last + 1) : valueIndexes.map((i) => cells[i]);
  if (!span.every((cell) => cell.text === '' || isValueToken(cell.text))) {
    // Text between values: this is prose, not a table row.
    return null;
  }
  const label = cells
    .filter((cell, i) => (i < first || i > last) && !isValueToken(cell.text))
    .map((cell) => cell.text)
    .join(' ')
    .trim();
  return {
    index,
    label,
    values: span.map((cell) => ({
      raw: cell.text,
      source: textLocation(lines, index, cell.column, cell.text),
    })),
    separated,
  };
}

interface Regions {
  t2: [number, number] | null;
  t3: [number, number];
  t4: [number, number] | null;
}

function findRegions(lines: readonly string[]): Regions | null {
  const t3Start = lines.findIndex((line, index) => {
    const row = rowLine(lines, index, 7);
    return (
      row !== null &&
      row.values.length >= 5 &&
      matchT3RowLabel(row.label)?.entry.row === 'newReceived'
    );
  });
  if (t3Start < 0) return null;
  let t3End = lines.length;
  for (let index = t3Start; index < lines.length; index += 1) {
    const row = rowLine(lines, index, 7);
    if (
      row &&
      row.values.length >= 5 &&
      matchT3RowLabel(row.label)?.entry.row === 'carriedForward'
    ) {
      t3End = index + 1;
      break;
    }
  }
  let t2Start = -1;
  for (let index = t3Start - 1; index >= 0; index -= 1) {
    if (/第二十条/u.test(lines[index])) t2Start = index;
    if (/主动公开政府信息情况/u.test(lines[index]) && t2Start >= 0) break;
  }
  const t4End = lines.findIndex(
    (line, index) =>
      index > t3End && /^\s*#*\s*(?:[五六]、|（一）主要问题)|存在(?:的)?主要问题/u.test(line),
  );
  return {
    t2: t2Start >= 0 ? [t2Start, t3Start] : null,
    t3: [t3Start, t3End],
    t4: t3End < lines.length ? [t3End, t4End < 0 ? lines.length : t4End] : null,
  };
}

function readT2(
  lines: readonly string[],
  [start, end]: [number, number],
): { figures: Figures; warnings: ImportWarning[] } {
  const figures: Figures = {};
  const warnings: ImportWarning[] = [];
  for (let index = start; index < end; index += 1) {
    const row = rowLine(lines, index, 1);
    if (!row) continue;
    const match = matchT2RowLabel(row.label);
    if (!match) continue;
    const keys = t2ItemKeys(match.entry.row);
    if (keys.every((key) => figures[key])) continue;
    const values =
      row.values.length > keys.length && keys.length === 1
        ? row.values.filter((value) => value.raw !== '')
        : row.values;
    const assignment = assignRow(keys, values, `表二 ${row.label}`);
    Object.assign(figures, assignment.figures);
    warnings.push(...assignment.warnings);
  }
  return { figures, warnings };
}

function t3Rows(lines: readonly string[], [start, end]: [number, number]): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (let index = start; index < end; index += 1) {
    const row = rowLine(lines, index, 7);
    // A lone number between label fragments is converter debris, not a row.
    if (!row || row.values.length < 5) continue;
    rows.push({ label: row.label, tokens: row.values, source: row.values[0]?.source ?? null });
  }
  return rows;
}

function t4Tokens(lines: readonly string[], [start, end]: [number, number]): CellToken[] {
  const tokens: CellToken[] = [];
  for (let index = start; index < end; index += 1) {
    const row = rowLine(lines, index, 15);
    if (!row || row.values.length < 5) {
      if (tokens.length > 0) break;
      continue;
    }
    tokens.push(...row.values.filter((value) => value.raw !== '' || row.separated));
  }
  return tokens;
}

function shapeName(lines: readonly string[], [start, end]: [number, number]): string {
  const tabs = lines.slice(start, end).filter((line) => line.includes('\t')).length;
  return tabs > (end - start) / 2 ? 'tsv' : 'pipe-table';
}

export const textRowsReader: TableShapeReader = {
  shape: 'text-rows',
  detect(doc: SourceDocument): number {
    if (doc.format === 'html') return 0;
    const regions = findRegions(doc.lines);
    if (!regions) return 0;
    const [start, end] = regions.t3;
    const separated = doc.lines
      .slice(start, end)
      .filter((line) => line.includes('\t') || /^\s*\|.*\|/u.test(line)).length;
    return separated >= 10 ? 0.85 : 0;
  },
  read(doc: SourceDocument): ShapeReading {
    const lines = doc.lines;
    const regions = findRegions(lines);
    const figures: Figures = {};
    const warnings: ImportWarning[] = [];
    if (!regions) return { shape: this.shape, figures, warnings };
    const tableStart = regions.t2?.[0] ?? regions.t3[0];
    const tableEnd = regions.t4?.[1] ?? regions.t3[1];
    const hints = narrativeHints(
      [...lines.slice(0, tableStart), ...lines.slice(tableEnd)].join('\n'),
    );

    if (regions.t2) {
      const t2 = readT2(lines, regions.t2);
      Object.assign(figures, t2.figures);
      warnings.push(...t2.warnings);
    }
    const t3 = assignT3Rows(t3Rows(lines, regions.t3));
    Object.assign(figures, t3.figures);
    warnings.push(...t3.warnings);
    if (regions.t4) {
      const tokens = t4Tokens(lines, regions.t4);
      if (tokens.length > 0) {
        const t4 = readRowWithExtraValues(t4Keys(), tokens, '表四 data row', hints);
        Object.assign(figures, t4.figures);
        warnings.push(...t4.warnings);
      } else {
        warnings.push(makeWarning('ROW_MISSING', t4Keys(), '表四 data row not found'));
      }
    }
    return { shape: shapeName(lines, regions.t3), figures, warnings };
  },
};
