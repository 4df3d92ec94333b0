// What callers ask a report stream to do. Commands carry validated-later input; decide() checks it.
import type { CellMarker, ImportedDocument } from './storedTypes';
import type { FigureReviewData } from './eventCatalog';
import type { RecordedEvent } from '../store/types';

export interface ImportReportCommand {
  type: 'ImportReport';
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  sourceUrl: string | null;
  parsed: ImportedDocument;
}

export interface FigureInput {
  key: string;
  /** Text of the new value; null clears the cell (or leaves it to `marker`). */
  value: string | null;
  /** A marker to stand in the cell instead of a value ("/", "-", "—", "无"); value must be null. */
  marker?: CellMarker | null;
}

export interface SetFiguresCommand {
  type: 'SetFigures';
  expectedRevision: number;
  changes: FigureInput[];
  /** Set when the edit applies an approved proposal: recorded on the FiguresEdited event. */
  review?: FigureReviewData;
}

export interface NarrativeInput {
  sectionId: string;
  /** New text; null removes the section. */
  text: string | null;
  /** Heading for a new section (ignored for an existing one unless given). */
  heading?: string | null;
}

export interface EditNarrativeCommand {
  type: 'EditNarrative';
  expectedRevision: number;
  sections: NarrativeInput[];
}

export interface RevertChangeCommand {
  type: 'RevertChange';
  expectedRevision: number;
  /** The stored event to compensate; the caller loads it from this report's stream. */
  reverted: RecordedEvent;
}

export interface PublishReportCommand {
  type: 'PublishReport' | 'WithdrawReport';
  expectedRevision: number;
}

export type ReportCommand =
  | ImportReportCommand
  | SetFiguresCommand
  | EditNarrativeCommand
  | RevertChangeCommand
  | PublishReportCommand;

export const MAX_CHANGES_PER_COMMAND = 500;
export const MAX_NARRATIVE_TEXT = 100_000;
