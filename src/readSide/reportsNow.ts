// Whether the reports some cached answer read are still as they were: the same cheap check
// the read path makes of its cached read models (one `_id` query of the insert-only revision
// documents, eventsAfter), so a write made by another process is seen as soon as its
// projection is, and never a moment before the read path itself would see it.
import type { ReadModels } from '../../models/readModels';
import { eventsAfter } from '../projections/reportRevisions';
import type { ReportRead, ReportsNow } from './reportReads';

export async function reportsNow(
  models: ReadModels,
  reads: readonly ReportRead[],
): Promise<ReportsNow> {
  const present = new Map<string, number>();
  const absent: string[] = [];
  for (const read of reads) {
    if (read.revision === null) absent.push(read.reportId);
    else present.set(read.reportId, read.revision);
  }
  const [later, created] = await Promise.all([
    present.size > 0 ? eventsAfter(models, present) : new Map<string, unknown[]>(),
    absent.length > 0
      ? models.reports.collection
          .find({ _id: { $in: absent } } as never, { projection: { _id: 1 } })
          .toArray()
      : [],
  ]);
  return {
    advanced: new Set([...later].filter(([, events]) => events.length > 0).map(([id]) => id)),
    created: new Set(created.map((document) => String(document._id))),
  };
}
