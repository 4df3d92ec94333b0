// Per-request DataLoaders: every lookup by id is batched into one query per kind per tick.
import DataLoader from 'dataloader';
import type { AgencyReadDocument } from '../models/agencyReadModel';
import type { ReadModels } from '../models/readModels';
import { loadCurrentReports } from '../src/readSide/currentReports';
import type { ReportReadDocument } from '../models/reportReadModel';
import type { ReportSummaryDocument } from '../models/reportSummaryModel';

/** A report without its figures, narrative and warnings (what lists need). */
export type ReportSummary = ReportSummaryDocument;

export interface Loaders {
  reportSummary: DataLoader<string, ReportSummary | null>;
  report: DataLoader<string, ReportReadDocument | null>;
  agency: DataLoader<string, AgencyReadDocument | null>;
}

function byId<T extends { _id: string }>(keys: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row._id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** A batch of ids as one query (answered from the `_id` index; see ferretdbSourcePatches.ts). */
function idFilter(ids: readonly string[]): { _id: { $in: string[] } } {
  return { _id: { $in: [...ids] } };
}

export function createLoaders(models: ReadModels): Loaders {
  const report = new DataLoader<string, ReportReadDocument | null>((ids) =>
    loadCurrentReports(models, ids),
  );
  const reportSummary = new DataLoader<string, ReportSummary | null>(async (ids) =>
    byId(ids, await models.summaries.find(idFilter(ids)).lean<ReportSummary[]>().exec()),
  );
  const agency = new DataLoader<string, AgencyReadDocument | null>(async (ids) =>
    byId(ids, await models.agencies.find(idFilter(ids)).lean<AgencyReadDocument[]>().exec()),
  );
  return { report, reportSummary, agency };
}
