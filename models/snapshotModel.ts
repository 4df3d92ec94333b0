// Folded report states every N revisions, so time travel and command loading cost
// O(N) events instead of O(history). Derived data: dropping them only costs speed.
import { Schema, type Connection, type Model } from 'mongoose';
import type { ReportState } from '../events/report/reportState';

/** Snapshots sit at known revisions, so time travel finds them by this `_id`. */
export const snapshotIdOf = (reportId: string, revision: number): string =>
  `${reportId}:${revision}`;

export interface SnapshotDocument {
  /** snapshotIdOf(reportId, revision) */
  _id: string;
  reportId: string;
  revision: number;
  /** recordedAt of the event at `revision`. */
  recordedAt: Date;
  state: ReportState;
}

export const snapshotSchema = new Schema<SnapshotDocument>(
  {
    _id: String,
    reportId: String,
    revision: Number,
    recordedAt: Date,
    state: Schema.Types.Mixed,
  },
  { collection: 'snapshots', versionKey: false, autoIndex: false, minimize: false },
);
snapshotSchema.index({ reportId: 1, revision: -1 });
snapshotSchema.index({ reportId: 1, recordedAt: -1 });

export type SnapshotModel = Model<SnapshotDocument>;

export function snapshotModel(connection: Connection): SnapshotModel {
  return (
    (connection.models.Snapshot as SnapshotModel | undefined) ??
    connection.model('Snapshot', snapshotSchema)
  );
}
