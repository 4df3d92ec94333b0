// The one input every export format reads. It is deliberately smaller than the read model:
// whatever stores reports (the mongoose projection, a time-travel fold, a test fixture) maps
// itself into this shape, and the formats stay pure functions of it.
import type { DecimalString, TemplateId } from '../domain/importer/types';
import type { RuleResult } from '../domain/rules/types';

/** Who last changed a figure, when, and why. */
export interface ExportableChange {
  actorName: string;
  actorId: string;
  /** Server time the change was recorded. */
  recordedAt: Date;
  reason: string;
}

/** What a number stated in the narrative (key n.*) has instead of a table cell. */
export interface ExportableNarrativeFacts {
  /** Numbering id of the section it stands in: "1.2" for 一（二）. */
  sectionId: string;
  /** The unit as written after the number (件, 条, 万元…). */
  unit: string;
  /** The sentence the number was read from. */
  sentence: string;
}

export interface ExportableFigure {
  /** A figureCatalog key (`t3.denied.thirdPartyRights.total`) or a narrative key (`n.1.2.3`). */
  key: string;
  /** Exact decimal text ("12", "28.488564"); null for an empty cell or a marker. */
  value: DecimalString | null;
  /** The cell's text as published (null when the cell was not found). */
  raw: string | null;
  /** A marker standing in the cell instead of a number ("/", "-", "—", "无"). */
  marker: string | null;
  /** Report revision at which this figure last changed. */
  revision: number;
  /** Null when the store holds no change record for the figure. */
  lastChange: ExportableChange | null;
  /** Set for narrative figures only. */
  narrative: ExportableNarrativeFacts | null;
}

export interface ExportableNarrativeSection {
  /** Numbering id: "1" for 一, "1.2" for 一（二）. */
  id: string;
  heading: string;
  text: string;
}

export interface ExportableReport {
  id: string;
  agency: string;
  year: number;
  template: TemplateId | string | null;
  /** Revision of the report stream the export reflects. */
  revision: number;
  /** The table cells and the numbers stated in the narrative (keys n.*). */
  figures: readonly ExportableFigure[];
  narrative: readonly ExportableNarrativeSection[];
  /** Consistency-rule results at this revision, when the caller has them. */
  rules?: readonly RuleResult[];
}
