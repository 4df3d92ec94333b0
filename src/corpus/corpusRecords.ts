// The records the corpus index keeps besides its columns (changes for asOf, the log for the
// change feed, region decisions, status changes): plain data, shared by the index and its
// snapshot format.
import type { AgencyKind, AgencyLevel } from '../domain/regions/regionTypes';
import type { IndexedCell } from './figureColumn';

export type ReportStatusCode = 0 | 1 | 2;

/** One figure change, kept so that asOf can undo it. */
export interface CellChange {
  ordinal: number;
  recordedAt: number;
  position: number;
  from: IndexedCell;
  to: IndexedCell;
}

/** One event of the global log, as the change feed shows it. */
export interface LogEntry {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  reportOrdinal: number;
  agencyOrdinal: number;
  revision: number;
  recordedAt: number;
  actorId: string;
  actorName: string;
  reason: string | null;
  /** Figure keys the event set; 'all' for an import. */
  keys: readonly string[] | 'all';
}

/** An administrator's region decision for an agency. */
export interface RegionOverride {
  recordedAt: number;
  position: number;
  regionCode: string | null;
  level: AgencyLevel | null;
  kind: AgencyKind | null;
  actorName: string;
  reason: string | null;
}

export interface StatusChange {
  ordinal: number;
  recordedAt: number;
  from: ReportStatusCode;
  to: ReportStatusCode;
}
