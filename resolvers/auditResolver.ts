import type { FilterQuery } from 'mongoose';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ReportInputError } from '../events/report/errors';
import { agencyIdFor } from '../events/report/ids';
import type { ChangeEntryDocument } from '../models/changeEntryModel';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { reportIdFromInput } from './globalId';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import { AuditEntry, AuditEntryConnection, auditEntryOf } from './types/figureChange';
import { AuditLogFilter } from './types/inputs';
import { Report } from './types/report';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: bi(
      '跨报告的审计日志：谁在何时修改了哪个数字，新的在前',
      'Audit log across reports: who changed which figure, newest first',
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
    const query: FilterQuery<ChangeEntryDocument> = {};
    if (filter?.actor) query['actor.id'] = filter.actor;
    if (filter?.agency) query.agencyId = agencyIdFor(filter.agency);
    if (filter?.report) {
      const reportId = reportIdFromInput(filter.report);
      if (!reportId) throw new ReportInputError('not a report id', 'filter.report');
      query.reportId = reportId;
    }
    if (filter?.figureKey) query.key = filter.figureKey;
    if (filter?.from || filter?.to) {
      query.recordedAt = {
        ...(filter.from ? { $gte: filter.from } : {}),
        ...(filter.to ? { $lte: filter.to } : {}),
      };
    }
    if (filter?.kinds && filter.kinds.length > 0) query.kind = { $in: filter.kinds };
    if (after) {
      const [time, id] = decodeCursor(after, ['number', 'string']);
      const at = new Date(time as number);
      query.$or = [{ recordedAt: { $lt: at } }, { recordedAt: at, _id: { $lt: id as string } }];
    }
    const rows = await context.ledger.models.changes
      .find(query)
      .sort({ recordedAt: -1, _id: -1 })
      .limit(size + 1)
      .lean<ChangeEntryDocument[]>()
      .exec();
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
    const summary = await context.loaders.reportSummary.load(entry.reportId);
    return summary ? currentReport(summary) : null;
  }
}
