// Pages of change entries, newest first (keyset on revision, _id).
// A key's history walks the entries' previousEntryId links from the entry of the view's last
// change of that key, one `{_id}` lookup per entry: FerretDB answers only that filter from an
// index, so the cost of a page does not grow with the log. Where the chain is missing a link
// (entries written before the field existed) it falls back to the query by report and key.
// An entry may be stored in its event's pack (an import's): the read side unpacks it.
import type { FigureState, NarrativeSectionState } from '../events/report/reportState';
import type { ChangeEntryDocument } from '../models/changeEntryModel';
import { lastEntryIds } from '../src/projections/changeEntries';
import {
  changeEntryPage,
  entryKeyCondition,
  findChangeEntry,
} from '../src/readSide/changeEntryPage';
import { cursorValues, type KeysetOrder } from '../src/readSide/keysetPage';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { figureChangeOf, type FigureChangeConnection } from './types/figureChange';

export interface ChangeHistoryScope {
  reportId: string;
  key?: string | null;
  maxRevision: number;
  /**
   * With `key` (see historyStartOf): `_id` of the entry of the view's last change of the key,
   * where the history walks back from; null: the key has no entries in the view. Undefined: the
   * key's history is the query by report and key.
   */
  startEntryId?: string | null;
}

/** Position in the order (revision desc, _id desc): rows strictly after it come next. */
type Position = readonly [revision: number, id: string];

const HISTORY_ORDER: KeysetOrder<ChangeEntryDocument> = {
  fields: [
    { name: 'revision', direction: -1, of: (row) => row.revision },
    { name: '_id', direction: -1, of: (row) => row._id },
  ],
};

/**
 * The entry a key's history starts from in a view of the report (`state`: its figures and
 * narrative as of that view), for ChangeHistoryScope.startEntryId: null when the key has no
 * entries yet (a narrative section as imported), undefined when the view does not hold the key
 * (a removed section may still have entries: the query finds them).
 */
export function historyStartOf(
  state: { figures: readonly FigureState[]; narrative: readonly NarrativeSectionState[] },
  key: string,
): string | null | undefined {
  return lastEntryIds(state).get(key);
}

export async function changeHistory(
  context: RequestContext,
  scope: ChangeHistoryScope,
  first: number | null,
  after: string | null,
): Promise<FigureChangeConnection> {
  const size = pageSize(first, context.limits.maxPageSize);
  const position = after ? positionOf(after) : null;
  // An omitted `key` argument arrives as undefined, not null.
  const { key, startEntryId } = scope;
  const rows =
    key != null && startEntryId !== undefined
      ? await walkChain(context, { ...scope, key }, startEntryId, position, size)
      : await queryPage(context, scope, position, size + 1);
  return connectionOf(
    rows,
    size,
    (row) => encodeCursor(cursorValues(HISTORY_ORDER, row)),
    figureChangeOf,
  );
}

function positionOf(after: string): Position {
  const [revision, id] = decodeCursor(after, ['number', 'string']);
  return [revision as number, id as string];
}

/** The first `limit` entries of the scope after `position` (the query every page used to be). */
async function queryPage(
  context: RequestContext,
  scope: ChangeHistoryScope,
  position: Position | null,
  limit: number,
): Promise<ChangeEntryDocument[]> {
  const { key } = scope;
  return changeEntryPage(context.ledger.models.changes, HISTORY_ORDER, {
    filter: {
      reportId: scope.reportId,
      revision: { $lte: scope.maxRevision },
      ...(key != null ? entryKeyCondition(key) : {}),
    },
    after: position,
    limit,
    keep: key != null ? (entry) => entry.key === key : undefined,
  });
}

async function entryById(context: RequestContext, id: string): Promise<ChangeEntryDocument | null> {
  return findChangeEntry(context.ledger.models.changes, id);
}

/**
 * size + 1 entries of the key's history after `position` (from the start entry when null),
 * following previousEntryId links; the rest comes from the query where a link is missing.
 * Gives exactly what queryPage would: a link is trusted only while it keeps to the scope and
 * the order, else the query takes over from the last entry taken.
 */
async function walkChain(
  context: RequestContext,
  scope: ChangeHistoryScope & { key: string },
  startEntryId: string | null,
  position: Position | null,
  size: number,
): Promise<ChangeEntryDocument[]> {
  const rows: ChangeEntryDocument[] = [];
  let last: Position | null = position;
  const fits = (entry: ChangeEntryDocument | null): entry is ChangeEntryDocument =>
    entry !== null &&
    entry.reportId === scope.reportId &&
    entry.key === scope.key &&
    entry.revision <= scope.maxRevision &&
    (last === null || entry.revision < last[0]);
  // undefined: not known from the chain; null: the key has no earlier entry.
  let link: string | null | undefined = startEntryId;
  if (position && startEntryId !== null) {
    // The page continues from the entry the cursor names, when it is one of this history.
    const [revision, id] = position;
    const from = await entryById(context, id);
    const inScope =
      from !== null &&
      from.reportId === scope.reportId &&
      from.key === scope.key &&
      from.revision === revision &&
      revision <= scope.maxRevision;
    link = inScope ? from.previousEntryId : undefined;
  }
  while (rows.length < size + 1) {
    if (link === null) return rows;
    if (link === undefined) break;
    const entry = await entryById(context, link);
    if (!fits(entry)) break;
    rows.push(entry);
    last = [entry.revision, entry._id];
    link = entry.previousEntryId;
  }
  if (rows.length === size + 1) return rows;
  return [...rows, ...(await queryPage(context, scope, last, size + 1 - rows.length))];
}
