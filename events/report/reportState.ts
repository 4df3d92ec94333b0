// The state of one report as folded from its stream. The per-report read model stores exactly
// this (plus derived rule results), so "rebuilt == incrementally built" holds by construction.
import type { ImportedCell, ImportedWarning, SourceLocation, TemplateId } from './storedTypes';

export interface ActorRef {
  id: string;
  name: string;
}

/** What kind of change an audit entry records. */
export type ChangeKind =
  'import' | 'edit' | 'reimport' | 'revert' | 'narrative' | 'publish' | 'withdraw';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'import',
  'edit',
  'reimport',
  'revert',
  'narrative',
  'publish',
  'withdraw',
];

export interface ChangeRef {
  eventId: string;
  revision: number;
  recordedAt: Date;
  actor: ActorRef;
  reason: string | null;
  kind: ChangeKind;
}

/** Extra facts of a number stated in the narrative (keys `n.*`). */
export interface NarrativeFigureFacts {
  sectionId: string;
  unit: string;
  sentence: string;
}

/** A cell as imported, plus what the stream adds: narrative facts and its last change. */
export interface FigureState extends ImportedCell {
  /** Set for narrative figures only. */
  narrative: NarrativeFigureFacts | null;
  /** Revision of the event that last changed this cell. */
  revision: number;
  lastChange: ChangeRef;
  /**
   * The value before the last change (null after the import). Absent in read models and
   * snapshots built before it was kept; a rebuild fills it in.
   */
  previousValue?: string | null;
}

export interface NarrativeSectionState {
  id: string;
  heading: string;
  text: string;
  source: SourceLocation | null;
  revision: number;
  lastChange: ChangeRef;
}

export type ReportStatus = 'draft' | 'published' | 'withdrawn';

export interface ReportState {
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  template: TemplateId | null;
  /** Revision of the last event folded in; -1 before the first. */
  revision: number;
  status: ReportStatus;
  importerVersion: string;
  sourceHash: string;
  /**
   * Every document this report was imported or re-imported from (sha256), so a rendering it
   * already recorded is not recorded again. Absent on states stored before the field existed:
   * read it with `recordedSourceHashes()`.
   */
  recordedSourceHashes?: string[];
  sourceUrl: string | null;
  format: string;
  shape: string;
  detected: { agency: string | null; year: number | null };
  /** Table figures in catalogue order, then narrative figures (`n.*`) in text order. */
  figures: FigureState[];
  narrative: NarrativeSectionState[];
  warnings: ImportedWarning[];
  createdAt: Date;
  updatedAt: Date;
  lastChange: ChangeRef;
}

/** The stream holds no events yet. */
export type MaybeReportState = ReportState | null;

/** The documents a report was imported from; `[sourceHash]` for states stored before the field. */
export function recordedSourceHashes(state: ReportState): readonly string[] {
  return state.recordedSourceHashes ?? [state.sourceHash];
}
