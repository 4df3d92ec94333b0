// One document per figure change (and one per non-figure event): serves both a figure's
// history and the cross-report audit log. _id = `${eventId}:${key}` so writing it twice is harmless.
// An agency event (a region set, sample data marked, an agency removed, a review policy set) is
// one entry of its own in the same collection, with no report and no year: the audit log reads
// both (AuditEntryDocument), a report's history only report entries.
import { Schema, type Connection, type Model } from 'mongoose';
import type { FigureReviewData } from '../events/report/eventCatalog';
import type { ActorRef, ChangeKind } from '../events/report/reportState';

export interface ChangeEntryDocument {
  _id: string;
  eventId: string;
  eventType: string;
  position: number;
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  revision: number;
  /** Figure key (`t3.…`, `n.…`), `section:<id>` for narrative text, or null for the event itself. */
  key: string | null;
  kind: ChangeKind;
  from: string | null;
  to: string | null;
  actor: ActorRef;
  reason: string | null;
  recordedAt: Date;
  /** For a revert: the event it compensates. */
  revertedEventId: string | null;
  /**
   * Keyed entries: `_id` of the entry of the same report and key that this change superseded,
   * null for the key's first entry. Absent on entries written before the field existed and when
   * the report state could not tell (a re-added narrative section): readers then query by key.
   * Lets a key's history walk back by `_id` lookups alone (FerretDB serves only those from an
   * index).
   */
  previousEntryId?: string | null;
  /** An edit that applied an approved proposal: the proposal, its author and its approver. */
  review?: FigureReviewData;
}

/** The kinds of the agency events' entries (report entries have a ChangeKind). */
export type AgencyChangeKind = 'region' | 'sample' | 'remove' | 'reviewPolicy';

/** The entry of an agency event. */
export interface AgencyChangeEntryDocument extends Omit<
  ChangeEntryDocument,
  'reportId' | 'year' | 'kind' | 'key' | 'review'
> {
  reportId: null;
  year: null;
  kind: AgencyChangeKind;
  /** Always null: the entry is the event itself. */
  key: null;
  /**
   * A region set: the agency's region code before and after (null: none known). A review policy
   * set: 'true' or 'false' (whether edits need approval) before and after. Otherwise null.
   */
  from: string | null;
  to: string | null;
}

/** Any entry of the audit log. */
export type AuditEntryDocument = ChangeEntryDocument | AgencyChangeEntryDocument;

export const changeEntrySchema = new Schema<ChangeEntryDocument>(
  {
    _id: String,
    eventId: String,
    eventType: String,
    position: Number,
    reportId: String,
    agencyId: String,
    agency: String,
    year: Number,
    revision: Number,
    key: { type: String, default: null },
    kind: String,
    from: { type: String, default: null },
    to: { type: String, default: null },
    actor: { id: String, name: String },
    reason: { type: String, default: null },
    recordedAt: Date,
    revertedEventId: { type: String, default: null },
    previousEntryId: { type: String },
    review: { type: Schema.Types.Mixed },
  },
  { collection: 'changes', versionKey: false, autoIndex: false, _id: false },
);
changeEntrySchema.index({ reportId: 1, key: 1, revision: -1 });
changeEntrySchema.index({ reportId: 1, revision: -1 });
changeEntrySchema.index({ recordedAt: -1, _id: -1 });
changeEntrySchema.index({ 'actor.id': 1, recordedAt: -1 });
changeEntrySchema.index({ agencyId: 1, recordedAt: -1 });
changeEntrySchema.index({ eventId: 1 });

export type ChangeEntryModel = Model<ChangeEntryDocument>;

export function changeEntryModel(connection: Connection): ChangeEntryModel {
  return (
    (connection.models.ChangeEntry as ChangeEntryModel | undefined) ??
    connection.model('ChangeEntry', changeEntrySchema)
  );
}
