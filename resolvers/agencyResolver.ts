import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AgencyReadDocument } from '../models/agencyReadModel';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import type { ReportSummary } from './loaders';
import { currentReport } from './reportViews';
import { Agency, AgencyConnection, agencyToGraph } from './types/agency';
import { bi } from './types/describe';
import { ReportConnection } from './types/report';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyConnection, {
    description: bi('机构列表（按名称）', 'Agencies, by name'),
    complexity: perItem(20),
  })
  async agencies(
    @Arg('nameContains', () => String, {
      nullable: true,
      description: bi('名称包含此文字', 'Name contains this text'),
    })
    nameContains: string | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AgencyConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const query: Record<string, unknown> = {};
    if (nameContains) query.nameKey = { $regex: escapeRegex(nameContains.trim().slice(0, 100)) };
    if (after) {
      const [nameKey] = decodeCursor(after, ['string']);
      query.nameKey = { ...(query.nameKey as object | undefined), $gt: nameKey };
    }
    const rows = await context.ledger.models.agencies
      .find(query)
      .sort({ nameKey: 1 })
      .limit(size + 1)
      .lean<AgencyReadDocument[]>()
      .exec();
    for (const row of rows.slice(0, size)) context.loaders.agency.prime(row._id, row);
    return connectionOf(rows, size, (row) => encodeCursor([row.nameKey]), agencyToGraph);
  }

  @FieldResolver(() => ReportConnection, {
    description: bi('该机构的报告（年度从新到旧）', "The agency's reports, newest year first"),
    complexity: perItem(20),
  })
  async reports(
    @Root() agency: Agency,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ReportConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const query: Record<string, unknown> = { agencyId: agency.agencyId };
    if (after) {
      const [year] = decodeCursor(after, ['number']);
      query.year = { $lt: year };
    }
    const rows = await context.ledger.models.summaries
      .find(query)
      .sort({ year: -1 })
      .limit(size + 1)
      .lean<ReportSummary[]>()
      .exec();
    return connectionOf(rows, size, (row) => encodeCursor([row.year]), currentReport);
  }
}
