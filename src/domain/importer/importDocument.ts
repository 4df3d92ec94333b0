// The importer: one document (HTML, markdown, plain text) in, a ParsedReport out. It detects
// the format, the template, the subject and year, lets the best-fitting table-shape reader
// read the three tables, fills every one of the 200 keys (a key no reader found is empty and
// named in a ROW_MISSING warning), and adds the narrative.
import { createHash } from 'node:crypto';
import { FIGURE_KEYS } from '../format/figureCatalog';
import { blankCellWarnings } from './blankCells';
import { missingFigure } from './cells';
import { detectFormat } from './documentFormat';
import { parseHtmlDocument } from './html/htmlDocument';
import { detectMetadata } from './metadata';
import { readNarrative } from './narrativeAdapter';
import type { NarrativeReading } from './narrativeAdapter';
import { SHAPE_READERS } from './shapes';
import { makeWarning, splitLines } from './shapes/shapeReader';
import type { ShapeReading, SourceDocument, TableShapeReader } from './shapes/shapeReader';
import { detectTemplate } from './template';
import { UnrecognisedDocumentError } from './types';
import type { FigureReading, ImportHints, ImportWarning, ParsedReport } from './types';

/** Bumped whenever a change could alter what the importer reads from the same document. */
export const IMPORTER_VERSION = '1.0.0';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The best-fitting reader (first on ties), or null when none fits at all. */
export function chooseReader(
  doc: SourceDocument,
  readers: readonly TableShapeReader[] = SHAPE_READERS,
): TableShapeReader | null {
  let best: TableShapeReader | null = null;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.detect(doc);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best;
}

function narrativeOf(lines: string[], warnings: ImportWarning[]): NarrativeReading {
  try {
    return readNarrative(lines);
  } catch (error) {
    // The tables are still worth having when the narrative cannot be read.
    warnings.push(
      makeWarning(
        'NARRATIVE_UNREADABLE',
        [],
        `narrative not extracted: ${(error as Error).message}`,
      ),
    );
    return { sections: [], figures: [] };
  }
}

/** Every catalogue key: the reader's figure, or an empty one named in ROW_MISSING. */
function completeFigures(
  reading: ShapeReading,
  warnings: ImportWarning[],
): Record<string, FigureReading> {
  const figures: Record<string, FigureReading> = {};
  const missing: string[] = [];
  for (const key of FIGURE_KEYS) {
    const figure = reading.figures[key];
    if (figure) figures[key] = figure;
    else {
      figures[key] = missingFigure(key);
      missing.push(key);
    }
  }
  if (missing.length > 0) {
    warnings.push(
      makeWarning(
        'ROW_MISSING',
        missing,
        `${missing.length} cell(s) not found in the document; left empty`,
      ),
    );
  }
  return figures;
}

export function importDocument(document: string, hints: ImportHints = {}): ParsedReport {
  if (document.trim().length === 0) {
    throw new UnrecognisedDocumentError('the document is empty', 'EMPTY_DOCUMENT');
  }
  const format = detectFormat(document);
  const html = format === 'html' ? parseHtmlDocument(document) : null;
  const plainLines = html ? html.lines : splitLines(document);
  const plainText = html
    ? [...html.lines, ...html.tables.map((table) => table.text)].join('\n')
    : document;
  const source: SourceDocument = {
    text: document,
    format,
    lines: splitLines(document),
    ...(html ? { html } : {}),
  };
  const warnings: ImportWarning[] = [];
  const metadata = detectMetadata(plainLines);
  const agency = hints.agency ?? metadata.agency;
  const year = hints.year ?? metadata.year;
  const base = {
    importerVersion: IMPORTER_VERSION,
    sourceHash: sha256Hex(document),
    format,
    agency,
    year,
  };

  let { template } = detectTemplate(plainText);
  const reader = template === '2019' ? null : chooseReader(source);
  if (template === null && !reader) {
    throw new UnrecognisedDocumentError(
      'no annual-report tables or template markers found (not a 政府信息公开工作年度报告?)',
      'NOT_A_REPORT',
    );
  }
  if (template === '2019') {
    warnings.push(
      makeWarning(
        'TEMPLATE_2019',
        [],
        'the report follows the 2019 template (国办公开办函〔2019〕60号); its tables are not read into the 2021 keys',
      ),
    );
    const narrative = narrativeOf(plainLines, warnings);
    return {
      ...base,
      shape: 'template-2019',
      template,
      figures: {},
      narrative: narrative.sections,
      narrativeFigures: narrative.figures,
      warnings,
    };
  }
  if (template === null) {
    template = '2021';
    warnings.push(
      makeWarning(
        'TEMPLATE_ASSUMED',
        [],
        'no template markers found; the tables are read as the 2021 template',
      ),
    );
  }
  let reading: ShapeReading = { shape: 'none', figures: {}, warnings: [] };
  if (reader) reading = reader.read(source);
  else
    warnings.push(makeWarning('TABLES_NOT_FOUND', [], 'no table shape recognised in the document'));
  warnings.push(...reading.warnings);
  const figures = completeFigures(reading, warnings);
  warnings.push(...blankCellWarnings(figures));
  const narrative = narrativeOf(plainLines, warnings);
  return {
    ...base,
    shape: reading.shape,
    template,
    figures,
    narrative: narrative.sections,
    narrativeFigures: narrative.figures,
    warnings,
  };
}
