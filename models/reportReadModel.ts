// Per-report read model: the folded ReportState, one document per report (the source of truth
// of the per-report projection; lists read the small reportSummaries documents instead).
// Stored compactly (figures point into changeRefs; see src/projections/storedReport.ts): read
// and write it through that module, not through this model's documents directly.
// Figures are an ARRAY of { key, ... } (keys contain dots, which cannot be field names).
// Rule results are not stored here: they are derived from the figures whenever asked for.
import { Schema, type Connection, type Model } from 'mongoose';
import type { ReportState } from '../events/report/reportState';

export interface ReportReadDocument extends ReportState {
  _id: string;
  /** Normalised agency name, for lookups by name. */
  agencyKey: string;
}

const actorSchema = new Schema({ id: String, name: String }, { _id: false });
const changeRefSchema = new Schema(
  {
    eventId: String,
    revision: Number,
    recordedAt: Date,
    actor: actorSchema,
    reason: { type: String, default: null },
    kind: String,
  },
  { _id: false },
);

const figureSchema = new Schema(
  {
    key: String,
    value: { type: String, default: null },
    raw: { type: String, default: null },
    marker: { type: String, default: null },
    uncertain: Boolean,
    source: { type: Schema.Types.Mixed, default: null },
    narrative: { type: Schema.Types.Mixed, default: null },
    revision: Number,
    /** Index into the document's changeRefs (see src/projections/storedReport.ts). */
    lastChangeRef: Number,
  },
  { _id: false },
);

const sectionSchema = new Schema(
  {
    id: String,
    heading: String,
    text: String,
    source: { type: Schema.Types.Mixed, default: null },
    revision: Number,
    lastChangeRef: Number,
  },
  { _id: false },
);

/**
 * The fields of a report besides its contents (figures, narrative, warnings): the full read
 * model and the list summary both store them.
 */
export const reportHeaderFields = {
  _id: String,
  reportId: String,
  agencyId: String,
  agency: String,
  agencyKey: String,
  year: Number,
  template: { type: String, default: null },
  revision: Number,
  status: String,
  importerVersion: String,
  sourceHash: String,
  recordedSourceHashes: { type: [String], default: undefined },
  sourceUrl: { type: String, default: null },
  format: String,
  shape: String,
  detected: { type: Schema.Types.Mixed, default: null },
  createdAt: Date,
  updatedAt: Date,
  lastChange: changeRefSchema,
};

// Typed loosely: the stored shape differs from ReportReadDocument (see storedReport.ts).
export const reportReadSchema = new Schema<ReportReadDocument & { changeRefs: unknown[] }>(
  {
    ...reportHeaderFields,
    agencyId: { type: String, index: true },
    figures: [figureSchema],
    narrative: [sectionSchema],
    warnings: { type: Schema.Types.Mixed, default: () => [] },
    changeRefs: [changeRefSchema],
  },
  { collection: 'reports', versionKey: false, minimize: false, strict: true, autoIndex: false },
);
reportReadSchema.index({ agencyKey: 1, year: 1 }, { unique: true });

export type ReportReadModel = Model<ReportReadDocument & { changeRefs: unknown[] }>;

export function reportReadModel(connection: Connection): ReportReadModel {
  return (
    (connection.models.Report as ReportReadModel | undefined) ??
    connection.model('Report', reportReadSchema)
  );
}

export { changeRefSchema };
