// The corpus index as plain data: typed arrays and small objects, so that it can be written as
// a few `_id`-addressed documents and loaded at start instead of folding the whole log (a 68 KB
// import commit costs ~35 ms to read on FerretDB; 100k of them would take an hour). A snapshot
// is a cache of the projection, never the only copy: it names the log position it was taken
// at, and the index follows the log from there.
import type { CellChange, LogEntry, RegionOverride, StatusChange } from './corpusRecords';
import type { DecimalString } from '../domain/importer/types';

/** Bumped whenever the shape changes: older snapshots are ignored and the log is folded. */
export const CORPUS_SNAPSHOT_FORMAT = 2;

export interface SnapshotColumn {
  key: string;
  values: Float64Array;
  markers: Uint8Array;
  decimals: Array<DecimalString | null> | null;
}

export interface SnapshotAgency {
  agencyId: string;
  name: string;
  registeredAt: number;
  overrides: RegionOverride[];
  sample: boolean;
  removed: boolean;
}

export interface CorpusSnapshot {
  format: number;
  checkpoint: number;
  reportIds: string[];
  agencyOfReport: Int32Array;
  yearOfReport: Int16Array;
  statusOfReport: Uint8Array;
  importedAt: Float64Array;
  importedPosition: Float64Array;
  revisionOfReport: Int32Array;
  columns: SnapshotColumn[];
  cellChanges: Array<{ key: string; changes: CellChange[] }>;
  statusChanges: StatusChange[];
  agencies: SnapshotAgency[];
  log: LogEntry[];
}
