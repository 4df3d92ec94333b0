// The revisions of a report's read model after its stored full document: one insert-only
// document per projected append, `_id` = revisionIdOf(reportId, first revision), holding that
// append's events. An edit inserts this small document instead of rewriting the ~68 KB full
// document; readers take the full document and follow these by `_id` (the one lookup FerretDB
// answers from an index). Insert-only because an insert against a unique `_id` is the one
// write that holds on FerretDB 1.24 as on MongoDB: a read model assembled from them can never
// go back in revision, whatever order racing processes write in. The full document is
// rewritten in the background (see src/projections/compactReadModels.ts).
import { Schema, type Connection, type Model } from 'mongoose';

/** Revisions are zero-padded so that `_id` order is revision order within a report. */
export const revisionIdOf = (reportId: string, revision: number): string =>
  `${reportId}:${String(revision).padStart(9, '0')}`;

export interface ReportRevisionDocument {
  /** revisionIdOf(reportId, firstRevision) */
  _id: string;
  reportId: string;
  firstRevision: number;
  lastRevision: number;
  /** The stored events firstRevision..lastRevision as JSON text (payload keys contain dots). */
  eventsJson: string;
}

export const reportRevisionSchema = new Schema<ReportRevisionDocument>(
  {
    _id: String,
    reportId: String,
    firstRevision: Number,
    lastRevision: Number,
    eventsJson: String,
  },
  { collection: 'reportRevisions', versionKey: false, autoIndex: false },
);

export type ReportRevisionModel = Model<ReportRevisionDocument>;

export function reportRevisionModel(connection: Connection): ReportRevisionModel {
  return (
    (connection.models.ReportRevision as ReportRevisionModel | undefined) ??
    connection.model('ReportRevision', reportRevisionSchema)
  );
}
