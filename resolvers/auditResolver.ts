import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AuditEntryDocument } from '../models/changeEntryModel';
import { changeEntryPage } from '../src/readSide/changeEntryPage';
import type { KeysetOrder } from '../src/readSide/keysetPage';
import { compileAuditFilter } from '../src/subscriptions/auditFilter';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import { AuditEntry, AuditEntryConnection, auditEntryOf } from './types/figureChange';
import { AuditLogFilter } from './types/inputs';
import { Report } from './types/report';

/** Newest first; the cursor is (recordedAt, _id). */
const AUDIT_ORDER: KeysetOrder<AuditEntryDocument> = {
  fields: [
    { name: 'recordedAt', direction: -1, of: (row) => row.recordedAt.getTime() },
    { name: '_id', direction: -1, of: (row) => row._id },
  ],
};

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: bi(
      '跨报告的审计日志：谁在何时修改了哪个数字，新的在前；也含机构事件（设置区划、标为示例、移除、审核规则）',
      'Audit log across reports: who changed which figure, newest first; agency events (region set, sample marked, removal, review policy) too',
    ),
    complexity: perItem(20),
  })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: bi('筛选条件', 'Filter') })
    filter: AuditLogFilter | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AuditEntryConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    // The same definition gives the subscription's live predicate (auditLogAppended).
    const { query, matches } = compileAuditFilter(filter);
    const position = after ? decodeCursor(after, ['number', 'string']) : null;
    const rows = await changeEntryPage<AuditEntryDocument>(
      context.ledger.models.changes,
      AUDIT_ORDER,
      {
        filter: query,
        after: position ? [new Date(position[0] as number), position[1] as string] : null,
        limit: size + 1,
        keep: matches,
      },
    );
    return connectionOf(
      rows,
      size,
      (row) => encodeCursor([row.recordedAt.getTime(), row._id]),
      auditEntryOf,
    );
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: bi('所属报告（当前版本）', 'The report (current version)'),
  })
  async report(@Root() entry: AuditEntry, @Ctx() context: RequestContext): Promise<Report | null> {
    if (entry.reportId === null) return null; // an agency event
    const summary = await context.loaders.reportSummary.load(entry.reportId);
    return summary ? currentReport(summary) : null;
  }
}
