// Pages of change entries, newest first (keyset on revision, _id).
import type { FilterQuery } from 'mongoose';
import type { ChangeEntryDocument } from '../models/changeEntryModel';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { figureChangeOf, type FigureChangeConnection } from './types/figureChange';

export async function changeHistory(
  context: RequestContext,
  scope: { reportId: string; key?: string | null; maxRevision: number },
  first: number | null,
  after: string | null,
): Promise<FigureChangeConnection> {
  const size = pageSize(first, context.limits.maxPageSize);
  const query: FilterQuery<ChangeEntryDocument> = {
    reportId: scope.reportId,
    revision: { $lte: scope.maxRevision },
  };
  // An omitted `key` argument arrives as undefined, not null.
  if (scope.key != null) query.key = scope.key;
  if (after) {
    const [revision, id] = decodeCursor(after, ['number', 'string']);
    query.$or = [
      { revision: { $lt: revision as number } },
      { revision: revision as number, _id: { $lt: id as string } },
    ];
  }
  const rows = await context.ledger.models.changes
    .find(query)
    .sort({ revision: -1, _id: -1 })
    .limit(size + 1)
    .lean<ChangeEntryDocument[]>()
    .exec();
  return connectionOf(rows, size, (row) => encodeCursor([row.revision, row._id]), figureChangeOf);
}
