// What every projector needs: the log and the read models.
import type { EventStore } from '../../events/store/types';
import type { ReadModels } from '../../models/readModels';
import type { ReportDocumentCache } from './documentCache';

export interface ProjectionContext {
  store: EventStore;
  models: ReadModels;
  /** A snapshot is kept at every revision divisible by this (revision > 0). */
  snapshotEvery: number;
  /** Latest documents seen by this process (optional; see documentCache.ts). */
  cache?: ReportDocumentCache;
}

export const DEFAULT_SNAPSHOT_EVERY = 100;
