// Reads of audit entries over the `changes` collection, where an event's many entries may be
// stored as one pack (src/projections/packedChangeEntries.ts): pages in an order and lookups by
// entry id give entries, never packs, so the history and the audit log need not know of them.
import type { FilterQuery } from 'mongoose';
import type {
  AuditEntryDocument,
  ChangeEntryDocument,
  ChangeEntryModel,
  StoredChangeDocument,
} from '../../models/changeEntryModel';
import { storedIdsOfEntry, unpackChangeEntries } from '../projections/packedChangeEntries';
import { cursorValues, keysetPage, type KeysetOrder } from './keysetPage';

/** A value of an order field as the query compares it (a Date for a time). */
export type StoredOrderValue = string | number | Date;

/** A query condition matching entries of `key`, stored on their own or in a pack. */
export function entryKeyCondition(key: string): FilterQuery<ChangeEntryDocument> {
  return { $or: [{ key }, { keys: key }] };
}

function comparable(value: StoredOrderValue): string | number {
  return value instanceof Date ? value.getTime() : value;
}

/** Negative when `a` comes before `b` in the order. */
function compareInOrder<Row>(
  order: KeysetOrder<Row>,
  a: Row,
  b: ReadonlyArray<StoredOrderValue>,
): number {
  for (const [index, field] of order.fields.entries()) {
    const left = field.of(a);
    const right = comparable(b[index]);
    if (left !== right) return (left < right ? -1 : 1) * field.direction;
  }
  return 0;
}

/** The values of the order's fields of a stored document, as its query compares them. */
function storedPosition<Row>(
  order: KeysetOrder<Row>,
  document: StoredChangeDocument,
): StoredOrderValue[] {
  const fields = document as unknown as Record<string, StoredOrderValue>;
  return order.fields.map((field) => fields[field.name]);
}

/**
 * Up to `limit` entries matching `filter` and `keep` in `order` (whose last field is `_id`),
 * strictly after `after` when given. A pack's `_id` sorts just before its entries' ids, so the
 * query finds a pack wherever one of its entries falls after `after`; its entries are then
 * filtered one by one, and the next query starts after the last document read, until the page
 * is full or the documents run out.
 */
export async function changeEntryPage<Row extends AuditEntryDocument>(
  model: ChangeEntryModel,
  order: KeysetOrder<Row>,
  options: {
    filter: FilterQuery<ChangeEntryDocument>;
    after: ReadonlyArray<StoredOrderValue> | null;
    limit: number;
    /** What the query cannot say of a pack's entries (its key, say); all when omitted. */
    keep?: (entry: Row) => boolean;
  },
): Promise<Row[]> {
  const rows: Row[] = [];
  let documentsAfter = options.after;
  while (rows.length < options.limit) {
    const wanted = options.limit - rows.length;
    const documents = (await keysetPage(model, order, {
      filter: options.filter,
      after: documentsAfter,
      limit: wanted,
    })) as unknown as StoredChangeDocument[];
    for (const document of documents) {
      const entries = (unpackChangeEntries(document) as Row[]).filter(
        (entry) =>
          (options.after === null || compareInOrder(order, entry, options.after) > 0) &&
          (options.keep === undefined || options.keep(entry)),
      );
      entries.sort((a, b) => compareInOrder(order, a, cursorValues(order, b)));
      rows.push(...entries);
    }
    if (documents.length < wanted) break;
    documentsAfter = storedPosition(order, documents[documents.length - 1]);
  }
  return rows.slice(0, options.limit);
}

/** The entry `entryId` (`${eventId}:${key}`), stored on its own or in its event's pack. */
export async function findChangeEntry(
  model: ChangeEntryModel,
  entryId: string,
): Promise<ChangeEntryDocument | null> {
  // One `_id` query either way: FerretDB answers an `$in` of `_id`s from its index.
  const documents = await model
    .find({ _id: { $in: storedIdsOfEntry(entryId) } })
    .lean<StoredChangeDocument[]>()
    .exec();
  for (const document of documents) {
    const entry = unpackChangeEntries(document).find((each) => each._id === entryId);
    if (entry) return entry as ChangeEntryDocument;
  }
  return null;
}
