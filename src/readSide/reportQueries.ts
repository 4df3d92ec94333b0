// The read side's queries of lists: report summaries, an agency's reports, agencies. Resolvers
// call these; they hold no Mongo filters of their own.
import type { FilterQuery } from 'mongoose';
import type { AgencyReadDocument } from '../../models/agencyReadModel';
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

export const AGENCY_ORDER: KeysetOrder<AgencyReadDocument> = {
  fields: [{ name: 'nameKey', direction: 1, of: (row) => row.nameKey }],
};

export interface ReportListFilter {
  /** Normalised agency name. */
  agencyKey?: string;
  year?: number;
  hasFailedRules?: boolean;
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

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function agencyPage(
  models: ReadModels,
  nameContains: string | null,
  after: ReadonlyArray<string | number> | null,
  limit: number,
): Promise<AgencyReadDocument[]> {
  const filter: FilterQuery<AgencyReadDocument> = nameContains
    ? { nameKey: { $regex: escapeRegex(nameContains.trim().slice(0, 100)) } }
    : {};
  return keysetPage(models.agencies, AGENCY_ORDER, { filter, after, limit });
}
