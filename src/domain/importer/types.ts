// The importer's public result: a plain value the write side turns into a ReportImported event.
// Pure data, no database or GraphQL types.

/** An exact decimal in canonical text form ("12", "28.488564"); never a binary float. */
export type DecimalString = string;

/** Markers that stand in a cell instead of a number. Blank and 0 are different facts. */
export type CellMarker = '/' | '-' | '—' | '无';

export type TemplateId = '2021' | '2019';

/** Where a token came from, so a user can click a number and see the source text. */
export interface SourceLocation {
  /** 1-based line in the (HTML-decoded, for HTML: the document's own) text. */
  line?: number;
  /** 1-based column (in UTF-16 code units) of the token's first character on that line. */
  column?: number;
  /** For HTML: a CSS-like path of the table cell, e.g. `table[2] > tr[5] > td[3]`. */
  htmlPath?: string;
  /** The exact token read from the source. */
  token?: string;
  /** A short stretch of the source around the token, for display. */
  excerpt?: string;
}

export interface FigureReading {
  key: string;
  /** The value when the cell holds a number; null when empty, a marker, or undetermined. */
  value: DecimalString | null;
  /** The cell's raw text as it stands in the source (null when the cell was not found). */
  raw: string | null;
  marker: CellMarker | null;
  /** True when the importer gives its best reading but the source does not determine it. */
  uncertain: boolean;
  source: SourceLocation | null;
}

export interface NarrativeSection {
  /** Stable id from the numbering: "1" for 一, "1.2" for 一（二）. */
  id: string;
  heading: string;
  /** Verbatim text of the section body. */
  text: string;
  source: SourceLocation | null;
}

export type NarrativeUnit =
  '条' | '件' | '个' | '项' | '次' | '万元' | '%' | '名' | '期' | '人' | '余件' | string;

export interface NarrativeFigure {
  /** Stable key derived from section and position: `n.<sectionId>.<ordinal>`, e.g. `n.1.1.3`. */
  key: string;
  sectionId: string;
  value: DecimalString;
  unit: NarrativeUnit;
  raw: string;
  /** The sentence around the number, verbatim. */
  sentence: string;
  /** UTF-16 offset of the number's first character within `sentence` (absent after edits). */
  sentenceOffset?: number;
  source: SourceLocation | null;
}

export interface ImportWarning {
  /** Stable code, e.g. ROW_WIDTH_MISMATCH, DIGIT_RUN_AMBIGUOUS, ROW_MISSING, LABEL_FUZZY_MATCH. */
  code: string;
  keys: string[];
  message: string;
  source: SourceLocation | null;
  /**
   * DIGIT_RUN_AMBIGUOUS: the readings still possible, one value per key of `keys` in their
   * order (待核实: a person picks one). Absent when the run has no reading or too many.
   * Objects, not nested arrays: FerretDB stores no array directly inside an array.
   */
  candidates?: Array<{ values: string[] }>;
}

export type DocumentFormat = 'html' | 'markdown' | 'text';

export interface ParsedReport {
  importerVersion: string;
  /** sha256 (hex) of the document text as given. */
  sourceHash: string;
  format: DocumentFormat;
  /** Which real-world shape was recognised, e.g. 'html-table', 'tsv', 'pdftotext-layout'. */
  shape: string;
  agency: string | null;
  year: number | null;
  template: TemplateId | null;
  /** For a 2021-template report: all 200 keys of figureCatalog. Empty for other templates. */
  figures: Record<string, FigureReading>;
  narrative: NarrativeSection[];
  narrativeFigures: NarrativeFigure[];
  warnings: ImportWarning[];
}

export interface ImportHints {
  agency?: string;
  year?: number;
}

/** Thrown for a document that cannot be read as a report at all. */
export class UnrecognisedDocumentError extends Error {
  override name = 'UnrecognisedDocumentError';
  constructor(
    message: string,
    readonly code: 'EMPTY_DOCUMENT' | 'NOT_A_REPORT' | 'UNSUPPORTED_TEMPLATE' = 'NOT_A_REPORT',
  ) {
    super(message);
  }
}
