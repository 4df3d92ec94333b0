// Which in-process read-model cache serves a set of read models. Loaders are built from the
// read models alone (per request, by the server and the subscription server), so the ledger
// registers its cache here when it opens.
import type { ReadModels } from '../../models/readModels';
import type { ReportDocumentCache } from '../projections/documentCache';

const caches = new WeakMap<ReadModels, ReportDocumentCache>();

export function registerReadModelCache(models: ReadModels, cache: ReportDocumentCache): void {
  caches.set(models, cache);
}

export function readModelCacheOf(models: ReadModels): ReportDocumentCache | undefined {
  return caches.get(models);
}
