// The audit-feed subscription's filter: the same fields and meaning as Query.auditLog's
// filter, applied to entries as they are appended instead of to the audit read model.
import { ReportInputError } from '../../events/report/errors';
import { agencyIdFor } from '../../events/report/ids';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import { reportIdFromInput } from '../../resolvers/globalId';

export interface AuditFeedFilter {
  actor?: string | null;
  agency?: string | null;
  report?: string | null;
  figureKey?: string | null;
  from?: Date | null;
  to?: Date | null;
  kinds?: readonly string[] | null;
}

export type AuditEntryPredicate = (entry: ChangeEntryDocument) => boolean;

/** Validates the filter (a bad report id is BAD_USER_INPUT naming `filter.report`). */
export function auditEntryPredicate(
  filter: AuditFeedFilter | null | undefined,
): AuditEntryPredicate {
  if (!filter) return () => true;
  const agencyId = filter.agency ? agencyIdFor(filter.agency) : null;
  let reportId: string | null = null;
  if (filter.report) {
    reportId = reportIdFromInput(filter.report);
    if (!reportId) throw new ReportInputError('not a report id', 'filter.report');
  }
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const from = filter.from?.getTime() ?? null;
  const to = filter.to?.getTime() ?? null;
  return (entry) => {
    if (filter.actor && entry.actor.id !== filter.actor) return false;
    if (agencyId && entry.agencyId !== agencyId) return false;
    if (reportId && entry.reportId !== reportId) return false;
    if (filter.figureKey && entry.key !== filter.figureKey) return false;
    const at = entry.recordedAt.getTime();
    if (from !== null && at < from) return false;
    if (to !== null && at > to) return false;
    if (kinds && !kinds.has(entry.kind)) return false;
    return true;
  };
}
