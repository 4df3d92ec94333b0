// Which version of a report an export shows: the current one, or the one at a revision or an
// instant. GET /export (?atRevision=, ?asOf=) and `cli export` (--at-revision, --as-of) read
// their text with these functions, so both accept exactly what GraphQL's `report(atRevision:,
// asOf:)` accepts: a revision is an integer 0 or more, an instant an ISO 8601 date-time.

export interface ExportTimePoint {
  atRevision?: number;
  asOf?: Date;
}

/** Thrown for text that is not a revision or an instant; the caller names its parameter. */
export class ExportTimePointError extends Error {
  override name = 'ExportTimePointError';
}

export function parseAtRevision(text: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    throw new ExportTimePointError(`must be a revision number, 0 or more, got "${text}"`);
  }
  return Number(trimmed);
}

/** The same shape GraphQL's DateTime scalar takes (resolvers/scalars.ts). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseAsOf(text: string): Date {
  const trimmed = text.trim();
  const date = ISO_DATE_TIME.test(trimmed) ? new Date(trimmed) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new ExportTimePointError(
      `must be an ISO 8601 instant like 2025-01-31T08:00:00Z, got "${text}"`,
    );
  }
  return date;
}

/** "at revision 3", "as of 2025-01-31T08:00:00.000Z", or "" for the current version. */
export function describeTimePoint(at: ExportTimePoint): string {
  return [
    ...(at.atRevision !== undefined ? [`at revision ${at.atRevision}`] : []),
    ...(at.asOf !== undefined ? [`as of ${at.asOf.toISOString()}`] : []),
  ].join(' and ');
}
