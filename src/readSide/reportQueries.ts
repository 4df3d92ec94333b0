// The read side's query of an agency's reports (report and agency lists come from the corpus
// index). Resolvers call it; they hold no Mongo filters of their own.
import type { ReadModels } from '../../models/readModels';
import type { ReportSummaryDocument } from '../../models/reportSummaryModel';
import { keysetPage, type KeysetOrder } from './keysetPage';

/** An agency's reports: newest year first. */
export const AGENCY_REPORT_ORDER: KeysetOrder<ReportSummaryDocument> = {
  fields: [{ name: 'year', direction: -1, of: (row) => row.year }],
};

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
