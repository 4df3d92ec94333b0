// Current per-report read models for readers: from this process's cache of the latest ones
// (kept current by the command path and the log follower), checked against the insert-only
// revision documents in one small `_id` query, so a repeated read decodes no ~68 KB document;
// a report not in the cache is read from its stored full document once.
import type { ReadModels } from '../../models/readModels';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { findStoredDocuments, withLaterRevisions } from '../projections/storedReport';
import { readModelCacheOf } from './readModelCache';

/** The current read models of `ids` (null where there is none), in the order of `ids`. */
export async function loadCurrentReports(
  models: ReadModels,
  ids: readonly string[],
): Promise<Array<ReportReadDocument | null>> {
  const cache = readModelCacheOf(models);
  const known: ReportReadDocument[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const cached = cache?.get(id);
    if (cached) known.push(cached);
    else missing.push(id);
  }
  // Side by side, not one after the other: a full read also asks for last year's report (the
  // cross-year rules), which is usually absent and so never cached; waiting for that lookup
  // before the revision check of the cached report would add a round trip to every read.
  const [checked, stored] = await Promise.all([
    withLaterRevisions(models, known),
    findStoredDocuments(models, missing),
  ]);
  const current = [...checked, ...(await withLaterRevisions(models, stored))];
  const byId = new Map<string, ReportReadDocument>();
  for (const document of current) {
    cache?.set(document);
    byId.set(document._id, document);
  }
  return ids.map((id) => byId.get(id) ?? null);
}
