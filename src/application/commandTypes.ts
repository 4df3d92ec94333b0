// What the command handlers take and give back.
import type { ActorRef } from '../../events/report/reportState';
import type { CellMarker } from '../../events/report/storedTypes';
import type { RecordedEvent } from '../../events/store/types';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import type { ReportReadDocument } from '../../models/reportReadModel';

export interface RequestMeta {
  requestId?: string;
}

export interface MutationOutcome {
  /** The read model after the command (projected by it: read-your-writes). */
  report: ReportReadDocument;
  /** Events this call appended, or (replay) the ones the first call appended. */
  events: RecordedEvent[];
  /** The audit entries of `events`, as the projection wrote them. */
  changes: ChangeEntryDocument[];
  /** True when the clientMutationId had been used with this input already: nothing was written. */
  replayed: boolean;
  /** A re-import's per-cell outcome (absent for a first import, a replay and other commands). */
  reimport?: ReimportOutcome;
}

export interface ReimportOutcome {
  /** Keys the new document set (nobody had corrected them). */
  applied: string[];
  /** Keys whose known value was kept: the document leaves them blank or ambiguous. */
  kept: string[];
  /** Keys a person corrected and the document disagrees with: proposed, not overwritten. */
  proposed: Array<{ key: string; current: string | null; document: string | null }>;
  /** Keys the document reads as they are. */
  unchanged: string[];
  warnings: string[];
  /** The proposal opened for `proposed`, if any. */
  proposalId: string | null;
}

export interface ImportReportInput {
  document: string;
  agency?: string | null;
  year?: number | null;
  /** Import as `year` even when the document states another year. */
  force?: boolean | null;
  sourceUrl?: string | null;
  reason: string;
  clientMutationId?: string | null;
}

export interface SetFiguresInput {
  reportId: string;
  expectedRevision: number;
  changes: Array<{ key: string; value: string | null; marker?: CellMarker | null }>;
  reason: string;
  clientMutationId?: string | null;
}

export interface EditNarrativeInput {
  reportId: string;
  expectedRevision: number;
  sections: Array<{ sectionId: string; text: string | null; heading?: string | null }>;
  reason: string;
  clientMutationId?: string | null;
}

export interface RevertChangeInput {
  reportId: string;
  eventId: string;
  expectedRevision: number;
  reason: string;
  clientMutationId?: string | null;
}

export interface PublicationInput {
  reportId: string;
  expectedRevision: number;
  reason: string;
  clientMutationId?: string | null;
}

/** A command's caller, reason and mutation id, checked once before anything is read. */
export interface PreparedCommand {
  reportId: string;
  actor: ActorRef;
  reason: string;
  clientMutationId: string | null;
  /** inputHash of the operation and its input (tells a replay from a reuse of the id). */
  hash: string;
}
