// The audit filter, defined once for both of its uses: Query.auditLog turns it into a MongoDB
// filter over the audit read model, Subscription.auditLogAppended into a predicate over entries
// as they are appended. Each filter field becomes a condition (equality, one-of, a time range,
// or any of several); the conditions are then translated to a query and to a predicate by the
// same small interpreter, so the two cannot drift apart.
import type { FilterQuery } from 'mongoose';
import { ReportInputError } from '../../events/report/errors';
import { agencyIdFor } from '../../events/report/ids';
import type { AuditEntryDocument, ChangeEntryDocument } from '../../models/changeEntryModel';
import { reportIdFromInput } from '../../resolvers/globalId';
import { entryKeyCondition } from '../readSide/changeEntryPage';

export interface AuditFeedFilter {
  /** Deprecated: a token id or a holder's name (either matches). */
  actor?: string | null;
  /** The actor's id as AuditEntry.actor.id gives it (`token:<id>`, `local:cli`). */
  actorId?: string | null;
  /** The actor's name (the token holder's name), exact. */
  actorName?: string | null;
  agency?: string | null;
  report?: string | null;
  figureKey?: string | null;
  from?: Date | null;
  to?: Date | null;
  kinds?: readonly string[] | null;
}

/** The entry fields a condition may read, by their path in the stored document. */
type FieldPath = 'actor.id' | 'actor.name' | 'agencyId' | 'reportId' | 'key' | 'kind';

export type AuditCondition =
  | { field: FieldPath; equals: string }
  | { field: FieldPath; oneOf: readonly string[] }
  | { field: 'recordedAt'; from: Date | null; to: Date | null }
  | { anyOf: readonly AuditCondition[] };

export type AuditEntryPredicate = (entry: AuditEntryDocument) => boolean;

export interface CompiledAuditFilter {
  /** For the audit read model (`changes`); entries of a pack still need `matches`. */
  query: FilterQuery<ChangeEntryDocument>;
  /** For entries as they are appended (the live feed). */
  matches: AuditEntryPredicate;
}

/** The conditions a filter states; validates it (a bad report id names `filter.report`). */
export function auditConditions(filter: AuditFeedFilter | null | undefined): AuditCondition[] {
  if (!filter) return [];
  const conditions: AuditCondition[] = [];
  if (filter.actor) {
    conditions.push({
      anyOf: [
        { field: 'actor.id', equals: filter.actor },
        // A bare token id as the CLI prints it, as well as `token:<id>`.
        { field: 'actor.id', equals: `token:${filter.actor}` },
        { field: 'actor.name', equals: filter.actor },
      ],
    });
  }
  if (filter.actorId) conditions.push({ field: 'actor.id', equals: filter.actorId });
  if (filter.actorName) conditions.push({ field: 'actor.name', equals: filter.actorName });
  if (filter.agency) conditions.push({ field: 'agencyId', equals: agencyIdFor(filter.agency) });
  if (filter.report) {
    const reportId = reportIdFromInput(filter.report);
    if (!reportId) throw new ReportInputError('not a report id', 'filter.report');
    conditions.push({ field: 'reportId', equals: reportId });
  }
  if (filter.figureKey) conditions.push({ field: 'key', equals: filter.figureKey });
  if (filter.from || filter.to) {
    conditions.push({ field: 'recordedAt', from: filter.from ?? null, to: filter.to ?? null });
  }
  if (filter.kinds && filter.kinds.length > 0) {
    conditions.push({ field: 'kind', oneOf: [...filter.kinds] });
  }
  return conditions;
}

function queryOf(condition: AuditCondition): FilterQuery<ChangeEntryDocument> {
  if ('anyOf' in condition) return { $or: condition.anyOf.map(queryOf) };
  // A key may be one of a pack's: the page keeps only its entries of the key (`matches`).
  if ('equals' in condition && condition.field === 'key')
    return entryKeyCondition(condition.equals);
  if ('equals' in condition) return { [condition.field]: condition.equals };
  if ('oneOf' in condition) return { [condition.field]: { $in: [...condition.oneOf] } };
  return {
    recordedAt: {
      ...(condition.from ? { $gte: condition.from } : {}),
      ...(condition.to ? { $lte: condition.to } : {}),
    },
  };
}

function valueAt(entry: AuditEntryDocument, field: FieldPath): string | null {
  switch (field) {
    case 'actor.id':
      return entry.actor.id;
    case 'actor.name':
      return entry.actor.name;
    default:
      return entry[field];
  }
}

function holds(condition: AuditCondition, entry: AuditEntryDocument): boolean {
  if ('anyOf' in condition) return condition.anyOf.some((each) => holds(each, entry));
  if ('equals' in condition) return valueAt(entry, condition.field) === condition.equals;
  if ('oneOf' in condition) {
    const value = valueAt(entry, condition.field);
    return value !== null && condition.oneOf.includes(value);
  }
  const at = entry.recordedAt.getTime();
  if (condition.from && at < condition.from.getTime()) return false;
  if (condition.to && at > condition.to.getTime()) return false;
  return true;
}

export function compileAuditFilter(
  filter: AuditFeedFilter | null | undefined,
): CompiledAuditFilter {
  const conditions = auditConditions(filter);
  // Conditions join with $and, so that more than one $or (the actor's, a cursor's) can coexist.
  const query: FilterQuery<ChangeEntryDocument> =
    conditions.length === 0 ? {} : { $and: conditions.map(queryOf) };
  return { query, matches: (entry) => conditions.every((condition) => holds(condition, entry)) };
}

/** The live predicate alone (Subscription.auditLogAppended). */
export function auditEntryPredicate(
  filter: AuditFeedFilter | null | undefined,
): AuditEntryPredicate {
  return compileAuditFilter(filter).matches;
}
