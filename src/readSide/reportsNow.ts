// Whether the reports some cached answers read are still as they were: the check the read
// path makes of its cached read models (is there a revision document right after the revision
// held? see eventsAfter in src/projections/reportRevisions.ts), asked for `_id`s only, so a
// write made by another process is seen as soon as its projection is, and never a moment
// before the read path itself would see it. Reports read as absent are looked up by `_id`.
import type { ReadModels } from '../../models/readModels';
import { revisionIdOf } from '../../models/reportRevisionModel';
import { readKeyOf, type ReportRead, type ReportsNow } from './reportReads';

export async function reportsNow(
  models: ReadModels,
  reads: readonly ReportRead[],
): Promise<ReportsNow> {
  const readByNextId = new Map<string, ReportRead>();
  const absent: string[] = [];
  for (const read of reads) {
    if (read.revision === null) absent.push(read.reportId);
    else readByNextId.set(revisionIdOf(read.reportId, read.revision + 1), read);
  }
  const idsIn = async (
    collection: ReadModels['revisions']['collection'] | ReadModels['reports']['collection'],
    ids: string[],
  ): Promise<string[]> => {
    if (ids.length === 0) return [];
    const found = await collection
      .find({ _id: { $in: ids } } as never, { projection: { _id: 1 } })
      .toArray();
    return found.map((document) => String(document._id));
  };
  const [nextRevisions, created] = await Promise.all([
    idsIn(models.revisions.collection, [...readByNextId.keys()]),
    idsIn(models.reports.collection, absent),
  ]);
  return {
    advanced: new Set(
      nextRevisions.flatMap((id) => {
        const read = readByNextId.get(id);
        return read ? [readKeyOf(read)] : [];
      }),
    ),
    created: new Set(created),
  };
}
