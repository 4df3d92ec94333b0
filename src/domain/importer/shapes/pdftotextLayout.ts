// Reader for text extracted from a PDF with poppler's `pdftotext -layout`: each printed table
// row is one text line with its label on the left and its values in space-aligned columns.
// What the rendering does to the tables: page numbers ("-3-") and form feeds fall inside
// 表二 and 表三, long labels wrap above and below their values, group names and the vertical
// header 三、本年度办理结果 are broken into one-character lines in the label column, and the
// 表四 header is scattered over several lines above a single row of 15 values.
import { T3_COLUMNS } from '../../format/figureCatalog';
import type { ImportWarning } from '../types';
import {
  assignRow,
  makeWarning,
  matchT2RowLabel,
  readFigure,
  t2ItemKeys,
  t3RowKeys,
  t3RowLabel,
  t4Keys,
} from './shapeReader';
import type { CellToken, ShapeReading, SourceDocument, TableShapeReader } from './shapeReader';
import { collapsedOtherHandling } from './pdftotextCollapsedRow';
import { alignT3Rows, COLLAPSED_OTHER_HANDLING } from './pdftotextRowAlignment';
import type { LabelledValueLine } from './pdftotextRowAlignment';
import {
  findTableRegions,
  readTables,
  hasPageFurniture,
  isPageNumberLine,
  lineContent,
  singleValue,
  splitLine,
} from './pdftotextText';
import type { LineRange, TableReading, SplitLine } from './pdftotextText';

const SHAPE = 'pdftotext-layout';
/** A 表三 line needs this many trailing values to count as a data row (it has 7 columns). */
const MIN_T3_VALUES = 4;
/** A 表四 line needs this many values (the data row has 15). */
const MIN_T4_VALUES = 5;
/** How many wrapped label lines above/below a value line may belong to its label. */
const WRAP_LINES = 3;

type Figures = TableReading['figures'];

function rangeIndices(range: LineRange): number[] {
  return Array.from({ length: range.end - range.start }, (_, offset) => range.start + offset);
}

function contentLines(lines: readonly string[], range: LineRange): number[] {
  return rangeIndices(range).filter(
    (index) => lineContent(lines[index]) !== '' && !isPageNumberLine(lines[index]),
  );
}

function readT2(lines: readonly string[], range: LineRange): TableReading {
  const figures: Figures = {};
  const warnings: ImportWarning[] = [];
  const indices = contentLines(lines, range);
  indices.forEach((index, position) => {
    const split = splitLine(lines, index);
    const match = split.label ? matchT2RowLabel(split.label) : null;
    if (!match || match.entry.kind !== 'row') return;
    const keys = t2ItemKeys(match.entry.row);
    if (keys.some((key) => key in figures)) {
      warnings.push(
        makeWarning(
          'DUPLICATE_ROW',
          keys,
          `表二 row "${split.label}" appears twice; the first one is kept`,
          split.values[0]?.source ?? null,
        ),
      );
      return;
    }
    let values = split.values;
    // A label whose values did not fit on its line: take a following values-only line.
    const next = indices[position + 1];
    if (values.length === 0 && next !== undefined) {
      const following = splitLine(lines, next);
      if (following.label === '') values = following.values;
    }
    const row = assignRow(keys, values, `表二 ${split.label}`);
    Object.assign(figures, row.figures);
    warnings.push(...row.warnings);
    if (!match.exact) {
      warnings.push(
        makeWarning(
          'LABEL_FUZZY_MATCH',
          keys,
          `表二 label "${split.label}" read as ${match.entry.label}`,
          values[0]?.source ?? null,
        ),
      );
    }
  });
  return { figures, warnings };
}

/** Page number (count of form feeds before the line) of every line. */
function pageOfLines(lines: readonly string[]): number[] {
  let page = 0;
  return lines.map((line) => {
    page += (line.match(/\f/gu) ?? []).length;
    return page;
  });
}

function tokenCentre(token: CellToken): number {
  return (token.source?.column ?? 0) + token.raw.length / 2;
}

/**
 * Column centres of 表三 on one page, from the rows that have all 7 values. A row with blank
 * cells prints fewer values; each is then placed in the column whose centre is nearest.
 */
function columnCentres(rows: readonly SplitLine[]): number[] | null {
  const full = rows.filter((row) => row.values.length === T3_COLUMNS.length);
  if (full.length === 0) return null;
  return T3_COLUMNS.map(
    (_, column) =>
      full.reduce((sum, row) => sum + tokenCentre(row.values[column]), 0) / full.length,
  );
}

function placeByColumn(
  keys: readonly string[],
  row: SplitLine,
  centres: readonly number[] | null,
  rowName: string,
): TableReading {
  if (!centres) return assignRow(keys, row.values, rowName);
  const placed = new Map<number, CellToken>();
  for (const token of row.values) {
    const centre = tokenCentre(token);
    let nearest = 0;
    centres.forEach((candidate, column) => {
      if (Math.abs(candidate - centre) < Math.abs(centres[nearest] - centre)) nearest = column;
    });
    if (placed.has(nearest)) return assignRow(keys, row.values, rowName);
    placed.set(nearest, token);
  }
  const figures: Figures = {};
  keys.forEach((key, column) => {
    const token = placed.get(column);
    figures[key] = token
      ? readFigure(key, token, { uncertain: true })
      : {
          key,
          value: null,
          raw: '',
          marker: null,
          uncertain: true,
          source: row.values[0]?.source ?? null,
        };
  });
  return {
    figures,
    warnings: [
      makeWarning(
        'CELL_POSITION_INFERRED',
        keys,
        `${rowName}: ${row.values.length} values for ${keys.length} columns; each value was placed ` +
          'in the column it stands under and the other cells read as blank',
        row.values[0]?.source ?? null,
      ),
    ],
  };
}

function readT3(lines: readonly string[], range: LineRange): TableReading {
  const figures: Figures = {};
  const warnings: ImportWarning[] = [];
  const indices = contentLines(lines, range);
  const splits = indices.map((index) => splitLine(lines, index));
  const valuePositions = splits
    .map((split, position) => (split.values.length >= MIN_T3_VALUES ? position : -1))
    .filter((position) => position >= 0);
  const labelText = (from: number, to: number): string =>
    splits
      .slice(Math.max(from, 0), Math.max(to, 0))
      .map((split) => split.label)
      .join('');
  const labelled: LabelledValueLine[] = valuePositions.map((position, order) => {
    const previous = order > 0 ? valuePositions[order - 1] : -1;
    const next = order + 1 < valuePositions.length ? valuePositions[order + 1] : splits.length;
    return {
      ownLabel: splits[position].label,
      above: labelText(Math.max(previous + 1, position - WRAP_LINES), position),
      below: labelText(position + 1, Math.min(next, position + 1 + WRAP_LINES)),
    };
  });
  const alignment = alignT3Rows(labelled);
  const pages = pageOfLines(lines);
  const valueRows = valuePositions.map((position) => splits[position]);
  const centresOfPage = new Map<number, number[] | null>();
  const centresFor = (row: SplitLine): number[] | null => {
    const page = pages[row.index];
    if (!centresOfPage.has(page)) {
      centresOfPage.set(
        page,
        columnCentres(valueRows.filter((candidate) => pages[candidate.index] === page)),
      );
    }
    return centresOfPage.get(page) ?? null;
  };
  valueRows.forEach((row, order) => {
    const rowId = alignment.rows[order];
    if (rowId === null) {
      warnings.push(
        makeWarning(
          'UNMATCHED_VALUE_LINE',
          [],
          `表三 line ${row.index + 1} holds values but matches no row of the template; it is ignored`,
          row.values[0]?.source ?? null,
        ),
      );
      return;
    }
    if (rowId === COLLAPSED_OTHER_HANDLING) {
      const collapsed = collapsedOtherHandling(row.values);
      Object.assign(figures, collapsed.figures);
      warnings.push(...collapsed.warnings);
      return;
    }
    const keys = t3RowKeys(rowId);
    const name = `表三 ${t3RowLabel(rowId)}`;
    const reading =
      row.values.length === keys.length
        ? assignRow(keys, row.values, name)
        : placeByColumn(keys, row, centresFor(row), name);
    Object.assign(figures, reading.figures);
    warnings.push(...reading.warnings);
  });
  return { figures, warnings };
}

function readT4(lines: readonly string[], range: LineRange): TableReading {
  const tokens = contentLines(lines, range)
    .map((index) => splitLine(lines, index))
    .filter((split) => split.values.length >= MIN_T4_VALUES)
    .flatMap((split) => split.values);
  if (tokens.length === 0) return { figures: {}, warnings: [] };
  return assignRow(t4Keys(), tokens, '表四 data row');
}

function read(doc: SourceDocument): ShapeReading {
  return { shape: SHAPE, ...readTables(doc.lines, { t2: readT2, t3: readT3, t4: readT4 }) };
}

/**
 * Fits when 表三 has several lines ending in a run of values (the -layout rows) and few lines
 * that are a single value (the default mode's one cell per line); the page furniture pdftotext
 * leaves (form feeds, "-N-") raises confidence. Tab-separated text is not this shape.
 */
function detect(doc: SourceDocument): number {
  if (doc.format !== 'text') return 0;
  const region = findTableRegions(doc.lines).t3;
  if (!region) return 0;
  const indices = rangeIndices(region);
  if (indices.some((index) => doc.lines[index].includes('\t'))) return 0;
  const rowLines = indices.filter(
    (index) => splitLine(doc.lines, index).values.length >= MIN_T3_VALUES,
  ).length;
  const singleLines = indices.filter((index) => singleValue(doc.lines[index]) !== null).length;
  if (rowLines < 5 || singleLines > rowLines) return 0;
  return hasPageFurniture(doc.lines) ? 0.95 : 0.6;
}

export const pdftotextLayoutReader: TableShapeReader = { shape: SHAPE, detect, read };
