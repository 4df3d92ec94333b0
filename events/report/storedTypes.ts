// The value types stored event payloads are made of. They are the log's own contract, written
// out here rather than borrowed from the importer: events stored years ago must keep reading the
// same way whatever the importer's result type becomes (decide() copies the importer's result
// into these shapes field by field).

/** An exact decimal in canonical text form ("12", "28.488564"); never a binary float. */
export type DecimalString = string;

/** Markers that stand in a cell instead of a number. Blank and 0 are different facts. */
export type CellMarker = '/' | '-' | '—' | '无';

export type TemplateId = '2021' | '2019';

/** Where a number or text came from in the source document. */
export interface SourceLocation {
  line?: number;
  column?: number;
  htmlPath?: string;
  token?: string;
  excerpt?: string;
}

/** A table cell as imported: value, raw text, marker and provenance. */
export interface ImportedCell {
  key: string;
  value: DecimalString | null;
  raw: string | null;
  marker: CellMarker | null;
  uncertain: boolean;
  source: SourceLocation | null;
}

export interface ImportedNarrativeSection {
  id: string;
  heading: string;
  text: string;
  source: SourceLocation | null;
}

/** A number stated in the narrative, keys `n.<section>.<ordinal>`. */
export interface ImportedNarrativeFigure {
  key: string;
  sectionId: string;
  value: DecimalString;
  unit: string;
  raw: string;
  sentence: string;
  sentenceOffset?: number;
  source: SourceLocation | null;
}

export interface ImportedWarning {
  code: string;
  keys: string[];
  message: string;
  source: SourceLocation | null;
  /** Readings still possible for `keys` (DIGIT_RUN_AMBIGUOUS); see the importer's type. */
  candidates?: Array<{ values: string[] }>;
}

/**
 * What the import command carries: a document as the importer read it, in the stored shapes
 * (the importer's result is assignable to it; extra fields it may grow are not stored).
 */
export interface ImportedDocument {
  importerVersion: string;
  sourceHash: string;
  format: string;
  shape: string;
  agency: string | null;
  year: number | null;
  template: TemplateId | null;
  figures: Record<string, ImportedCell>;
  narrative: ImportedNarrativeSection[];
  narrativeFigures: ImportedNarrativeFigure[];
  warnings: ImportedWarning[];
}
