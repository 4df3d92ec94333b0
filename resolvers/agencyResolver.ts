import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AgencyReadDocument } from '../models/agencyReadModel';
import { perItem } from './complexity';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import type { ReportSummary } from './loaders';
import { currentReport } from './reportViews';
import { Agency, AgencyConnection, agencyToGraph } from './types/agency';
import { bi } from './types/describe';
import { pageInfoOf } from './types/pageInfo';
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
    @Arg('first', () => Int, {
      nullable: true,
      description: bi('每页数量（最多 100）', 'Page size (at most 100)'),
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: bi('从此游标之后开始', 'Start after this cursor'),
    })
    after: string | null,
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
    const page = rows.slice(0, size);
    for (const row of page) context.loaders.agency.prime(row._id, row);
    const edges = page.map((row) => ({
      cursor: encodeCursor([row.nameKey]),
      node: agencyToGraph(row),
    }));
    return {
      edges,
      pageInfo: pageInfoOf(
        edges.map((edge) => edge.cursor),
        rows.length > size,
      ),
    };
  }

  @FieldResolver(() => ReportConnection, {
    description: bi('该机构的报告（年度从新到旧）', "The agency's reports, newest year first"),
    complexity: perItem(20),
  })
  async reports(
    @Root() agency: Agency,
    @Arg('first', () => Int, {
      nullable: true,
      description: bi('每页数量（最多 100）', 'Page size (at most 100)'),
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: bi('从此游标之后开始', 'Start after this cursor'),
    })
    after: string | null,
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
    const page = rows.slice(0, size);
    const edges = page.map((row) => ({
      cursor: encodeCursor([row.year]),
      node: currentReport(row),
    }));
    return {
      edges,
      pageInfo: pageInfoOf(
        edges.map((edge) => edge.cursor),
        rows.length > size,
      ),
    };
  }
}
