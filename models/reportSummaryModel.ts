// Small per-report documents for lists: everything but figures, narrative and warnings, plus
// the failed rules. Kept apart from the full read model because a MongoDB-wire server such as
// FerretDB reads whole documents even when a projection drops most of their fields.
import { Schema, type Connection, type Model } from 'mongoose';
import type { ReportState } from '../events/report/reportState';
import { reportHeaderFields } from './reportReadModel';

export interface FailedRule {
  id: string;
  scope: string;
  severity: string;
}

export type ReportSummaryDocument = Omit<ReportState, 'figures' | 'narrative' | 'warnings'> & {
  _id: string;
  agencyKey: string;
  failedRuleCount: number;
  failedRules: FailedRule[];
};

export const reportSummarySchema = new Schema<ReportSummaryDocument>(
  {
    ...reportHeaderFields,
    failedRuleCount: Number,
    failedRules: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'reportSummaries', versionKey: false, minimize: false, autoIndex: false },
);
reportSummarySchema.index({ year: -1, agencyKey: 1 });
reportSummarySchema.index({ agencyId: 1, year: -1 });
reportSummarySchema.index({ failedRuleCount: 1 });

export type ReportSummaryModel = Model<ReportSummaryDocument>;

export function reportSummaryModel(connection: Connection): ReportSummaryModel {
  return (
    (connection.models.ReportSummary as ReportSummaryModel | undefined) ??
    connection.model('ReportSummary', reportSummarySchema)
  );
}
