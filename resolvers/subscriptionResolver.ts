// Live updates over WebSocket (graphql-ws): a report's new changes, and the audit feed. Both
// read the process's ChangeFeed, which follows the shared event log (see
// src/subscriptions/changeFeed.ts), so edits made through another server process arrive too.
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import { ReportInputError, ReportNotFoundError } from '../events/report/errors';
import type { AuditEntryDocument } from '../models/changeEntryModel';
import { projectReport } from '../src/projections/projectReport';
import { auditEntryPredicate, type AuditFeedFilter } from '../src/subscriptions/auditFilter';
import type { ReportChangeNotice } from '../src/subscriptions/changeFeed';
import { freshLoaders, liveFeedOf } from '../src/subscriptions/liveContext';
import type { RequestContext } from './context';
import { reportIdFromInput } from './globalId';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import { AuditEntry, auditEntryOf } from './types/figureChange';
import { AuditLogFilter } from './types/inputs';
import { Report } from './types/report';
import { ReportChanged, reportChangedOf } from './types/reportChanged';

interface SubscribeData<TArgs> {
  args: TArgs;
  context: RequestContext;
}

function requireReportId(input: unknown): string {
  const reportId = typeof input === 'string' ? reportIdFromInput(input) : null;
  if (!reportId) throw new ReportInputError('not a report id', 'reportId');
  return reportId;
}

async function subscribeReportChanged({ args, context }: SubscribeData<{ reportId: unknown }>) {
  const reportId = requireReportId(args.reportId);
  if (!(await context.loaders.reportSummary.load(reportId))) {
    throw new ReportNotFoundError(`no report with id ${String(args.reportId)}`, 'reportId');
  }
  return liveFeedOf(context).reportChanges(reportId);
}

function subscribeAuditLog({ args, context }: SubscribeData<{ filter?: AuditFeedFilter | null }>) {
  return liveFeedOf(context).auditEntries(auditEntryPredicate(args.filter));
}

@Resolver(() => ReportChanged)
export class SubscriptionResolver {
  @Subscription(() => ReportChanged, {
    description: bi(
      '订阅某报告的新变更：每当有人（经任一服务器进程）修改它时推送',
      "Subscribe to a report's new changes: sent whenever anyone edits it, through any server process",
    ),
    subscribe: (data) => subscribeReportChanged(data as SubscribeData<{ reportId: unknown }>),
  })
  reportChanged(
    @Root() notice: ReportChangeNotice,
    @Arg('reportId', () => ID, {
      description: bi('报告的全局 ID（或报告 UUID）', 'Global id (or UUID) of the report'),
    })
    _reportId: string,
    @Ctx() context: RequestContext,
  ): ReportChanged {
    freshLoaders(context);
    return reportChangedOf(notice);
  }

  @Subscription(() => AuditEntry, {
    description: bi(
      '订阅审计日志的新条目（筛选条件与 auditLog 相同），按日志顺序推送',
      'Subscribe to new audit log entries (same filter as auditLog), sent in log order',
    ),
    subscribe: (data) =>
      subscribeAuditLog(data as SubscribeData<{ filter?: AuditFeedFilter | null }>),
  })
  auditLogAppended(
    @Root() entry: AuditEntryDocument,
    @Arg('filter', () => AuditLogFilter, {
      nullable: true,
      description: bi('筛选条件（与 auditLog 相同）', 'Filter (the same as for auditLog)'),
    })
    _filter: AuditLogFilter | null,
    @Ctx() context: RequestContext,
  ): AuditEntry {
    freshLoaders(context);
    return auditEntryOf(entry);
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: bi(
      '变更后的报告（当前版本，已追上日志）',
      'The report after the changes (current version, caught up with the log)',
    ),
  })
  async report(
    @Root() changed: ReportChanged,
    @Ctx() context: RequestContext,
  ): Promise<Report | null> {
    // Caught up from the stream: the projection of another process may not have run yet.
    const document = await projectReport(context.ledger.projection, changed.reportId);
    return document ? currentReport(document) : null;
  }
}
