// The read side's queries of lists: report summaries and an agency's reports (agencies come
// from the corpus index). Resolvers call these; they hold no Mongo filters of their own.
import type { FilterQuery } from 'mongoose';
import type { ReadModels } from '../../models/readModels';
import type { ReportSummaryDocument } from '../../models/reportSummaryModel';
import { keysetPage, type KeysetOrder } from './keysetPage';

/** Reports: newest year first, then by agency name. */
export const REPORT_ORDER: KeysetOrder<ReportSummaryDocument> = {
  fields: [
    { name: 'year', direction: -1, of: (row) => row.year },
    { name: 'agencyKey', direction: 1, of: (row) => row.agencyKey },
  ],
};

/** An agency's reports: newest year first. */
export const AGENCY_REPORT_ORDER: KeysetOrder<ReportSummaryDocument> = {
  fields: [{ name: 'year', direction: -1, of: (row) => row.year }],
};

export interface ReportListFilter {
  /** Normalised agency name. */
  agencyKey?: string;
  year?: number;
  hasFailedRules?: boolean;
  /** Agencies whose reports are left out (sample data, removed agencies). */
  hiddenAgencyIds?: readonly string[];
}

export function reportSummaryPage(
  models: ReadModels,
  filter: ReportListFilter,
  after: ReadonlyArray<string | number> | null,
  limit: number,
): Promise<ReportSummaryDocument[]> {
  const query: FilterQuery<ReportSummaryDocument> = {};
  if (filter.agencyKey !== undefined) query.agencyKey = filter.agencyKey;
  if (filter.year !== undefined) query.year = filter.year;
  if (filter.hasFailedRules === true) query.failedRuleCount = { $gt: 0 };
  if (filter.hasFailedRules === false) query.failedRuleCount = 0;
  if (filter.hiddenAgencyIds?.length) query.agencyId = { $nin: [...filter.hiddenAgencyIds] };
  return keysetPage(models.summaries, REPORT_ORDER, { filter: query, after, limit });
}

export function agencyReportPage(
  models: ReadModels,
  agencyId: string,
  after: ReadonlyArray<string | number> | null,
  limit: number,
): Promise<ReportSummaryDocument[]> {
  return keysetPage(models.summaries, AGENCY_REPORT_ORDER, {
    filter: { agencyId },
    after,
    limit,
  });
}
