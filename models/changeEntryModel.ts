// One entry per figure change (and one per non-figure event): serves both a figure's history
// and the cross-report audit log. _id = `${eventId}:${key}` so writing it twice is harmless.
// An event with many entries (an import) stores them as one pack (PackedChangeEntriesDocument).
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

/** One keyed entry inside a PackedChangeEntriesDocument: what differs between its entries. */
export interface PackedChangeEntry {
  key: string;
  from: string | null;
  to: string | null;
  /** As ChangeEntryDocument.previousEntryId: left out when unknown. */
  previousEntryId?: string | null;
}

/**
 * The keyed entries of one event with many of them (an import: ~200), stored as one document:
 * FerretDB writes one document of 200 entries about 18 times faster than 200 documents, and a
 * corpus of 100k reports would otherwise hold 20M entries. `_id` is packedEntriesId(eventId),
 * which sorts just before every entry id of the event, so keyset pages over (…, _id) reach the
 * pack exactly where its entries belong. Readers unpack it into the ChangeEntryDocuments it
 * stands for (src/projections/packedChangeEntries.ts); nothing outside storage sees a pack.
 */
export interface PackedChangeEntriesDocument extends Omit<
  ChangeEntryDocument,
  '_id' | 'key' | 'from' | 'to' | 'previousEntryId'
> {
  _id: string;
  packed: true;
  /** The entries' keys, in the entries' order: what a query by key matches. */
  keys: string[];
  entries: PackedChangeEntry[];
}

/** A document of the `changes` collection: an entry, or the pack of an event's entries. */
export type StoredChangeDocument = AuditEntryDocument | PackedChangeEntriesDocument;

/** The fields of the collection: an entry's, and a pack's. */
type ChangeCollectionFields = ChangeEntryDocument &
  Partial<Pick<PackedChangeEntriesDocument, 'packed' | 'keys' | 'entries'>>;

export const changeEntrySchema = new Schema<ChangeCollectionFields>(
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
    packed: { type: Boolean },
    keys: { type: [String], default: undefined },
    entries: { type: Schema.Types.Mixed },
  },
  { collection: 'changes', versionKey: false, autoIndex: false, _id: false },
);
changeEntrySchema.index({ reportId: 1, key: 1, revision: -1 });
changeEntrySchema.index({ reportId: 1, keys: 1, revision: -1 });
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
