// One page of rows in a fixed order, after the row a cursor names (keyset pagination): every
// connection of the API pages this way, so the filter that says "after this row" is built here
// once instead of by hand per connection.
import type { FilterQuery, Model } from 'mongoose';

export interface KeysetOrder<Row> {
  /** Sort fields, most significant first; -1 for descending. */
  fields: ReadonlyArray<{ name: string; direction: 1 | -1; of: (row: Row) => string | number }>;
}

/** Rows strictly after `after` (values of the order's fields, a Date for a time) in the order. */
export function afterFilter<Row>(
  order: KeysetOrder<Row>,
  after: ReadonlyArray<string | number | Date>,
): Record<string, unknown> {
  // (a, b) after (x, y) in (a desc, b asc): a < x, or a = x and b > y; and so on for more fields.
  const branches = order.fields.map((field, index) => {
    const branch: Record<string, unknown> = {};
    for (let equal = 0; equal < index; equal++) branch[order.fields[equal].name] = after[equal];
    branch[field.name] = { [field.direction === 1 ? '$gt' : '$lt']: after[index] };
    return branch;
  });
  return branches.length === 1 ? branches[0] : { $or: branches };
}

/** The cursor values of a row (what a later page passes as `after`). */
export function cursorValues<Row>(order: KeysetOrder<Row>, row: Row): Array<string | number> {
  return order.fields.map((field) => field.of(row));
}

/**
 * Up to `limit` rows matching `filter` in the order, after `after` when given. Callers ask for
 * one row more than they show, to know whether a next page exists.
 */
export async function keysetPage<Document, Row>(
  model: Model<Document>,
  order: KeysetOrder<Row>,
  options: {
    filter: FilterQuery<Document>;
    /** The order's field values of the row the page follows (a Date for a time field). */
    after: ReadonlyArray<string | number | Date> | null;
    limit: number;
  },
): Promise<Row[]> {
  // Joined to the filter's own $and (the audit filter's conditions), never in place of it.
  const query = options.after
    ? {
        ...options.filter,
        $and: [
          ...((options.filter.$and as unknown[] | undefined) ?? []),
          afterFilter(order, options.after),
        ],
      }
    : options.filter;
  const sort = Object.fromEntries(order.fields.map((field) => [field.name, field.direction]));
  return model
    .find(query as FilterQuery<Document>)
    .sort(sort)
    .limit(options.limit)
    .lean<Row[]>()
    .exec();
}
