// Per-request DataLoaders: every lookup by id is batched into one query per kind per tick.
import DataLoader from 'dataloader';
import type { AgencyReadDocument } from '../models/agencyReadModel';
import type { ReadModels } from '../models/readModels';
import { findReportDocuments } from '../src/projections/storedReport';
import type { ReportReadDocument } from '../models/reportReadModel';
import type { ReportSummaryDocument } from '../models/reportSummaryModel';

/** A report without its figures, narrative and warnings (what lists need). */
export type ReportSummary = ReportSummaryDocument;

export interface Loaders {
  reportSummary: DataLoader<string, ReportSummary | null>;
  report: DataLoader<string, ReportReadDocument | null>;
  agency: DataLoader<string, AgencyReadDocument | null>;
  /** Key: `${agencyId}:${year}`. */
  reportByAgencyYear: DataLoader<string, ReportReadDocument | null>;
}

function byId<T extends { _id: string }>(keys: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row._id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

export function createLoaders(models: ReadModels): Loaders {
  const report = new DataLoader<string, ReportReadDocument | null>(async (ids) =>
    byId(ids, await findReportDocuments(models, { _id: { $in: [...ids] } })),
  );
  const reportSummary = new DataLoader<string, ReportSummary | null>(async (ids) =>
    byId(
      ids,
      await models.summaries
        .find({ _id: { $in: [...ids] } })
        .lean<ReportSummary[]>()
        .exec(),
    ),
  );
  const agency = new DataLoader<string, AgencyReadDocument | null>(async (ids) =>
    byId(
      ids,
      await models.agencies
        .find({ _id: { $in: [...ids] } })
        .lean<AgencyReadDocument[]>()
        .exec(),
    ),
  );
  const reportByAgencyYear = new DataLoader<string, ReportReadDocument | null>(async (keys) => {
    const pairs = keys.map((key) => {
      const [agencyId, year] = key.split(':');
      return { agencyId, year: Number(year) };
    });
    const rows = await findReportDocuments(models, {
      $or: pairs.map((pair) => ({ agencyId: pair.agencyId, year: pair.year })),
    });
    const map = new Map(rows.map((row) => [`${row.agencyId}:${row.year}`, row]));
    return keys.map((key) => map.get(key) ?? null);
  });
  return { report, reportSummary, agency, reportByAgencyYear };
}
