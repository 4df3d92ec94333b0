// Small per-report documents for lists: everything but figures, narrative and warnings, plus
// the failed rules and what a list needs for a report's rule status without its figures (the
// counts of its own rules, and the figures the cross-year rules read). Kept apart from the full read model because a MongoDB-wire server such as
// FerretDB reads whole documents even when a projection drops most of their fields.
import { Schema, type Connection, type Model } from 'mongoose';
import type { ReportState } from '../events/report/reportState';
import { reportHeaderFields } from './reportReadModel';

export interface FailedRule {
  id: string;
  scope: string;
  severity: string;
}

/** Counts of rule results (src/domain/rules/ruleTally.ts). */
export interface SummaryRuleTally {
  failed: number;
  assessed: number;
  notAssessable: number;
}

export type ReportSummaryDocument = Omit<ReportState, 'figures' | 'narrative' | 'warnings'> & {
  _id: string;
  agencyKey: string;
  failedRuleCount: number;
  failedRules: FailedRule[];
  /**
   * The report's own rules counted (cross-year rules left out: they depend on last year's
   * report). Absent on summaries written before the field existed.
   */
  ownRuleTally?: SummaryRuleTally;
  /**
   * Values of the figures the cross-year rules read (CROSS_YEAR_FIGURE_KEYS), of this report
   * as either year of the pair (key-value pairs: figure keys hold dots). Absent on summaries written before the field existed.
   */
  crossYearFigures?: Array<{ key: string; value: string | null }>;
};

export const reportSummarySchema = new Schema<ReportSummaryDocument>(
  {
    ...reportHeaderFields,
    failedRuleCount: Number,
    failedRules: { type: Schema.Types.Mixed, default: () => [] },
    ownRuleTally: { type: Schema.Types.Mixed },
    crossYearFigures: { type: Schema.Types.Mixed },
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
