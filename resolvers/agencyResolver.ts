import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { cursorValues } from '../src/readSide/keysetPage';
import { AGENCY_REPORT_ORDER, agencyReportPage } from '../src/readSide/reportQueries';
import { corpusAgencies } from './corpus/corpusConnections';
import { AgencyFilterInput } from './corpus/corpusInputs';
import { pageInfoOf } from './types/pageInfo';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { currentReport } from './reportViews';
import { Agency, AgencyConnection } from './types/agency';
import { bi } from './types/describe';
import { ReportConnection } from './types/report';

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
    @Arg('filter', () => AgencyFilterInput, {
      nullable: true,
      description: bi(
        '筛选条件：区划（含下级）、层级、类别、名称；缺省不含示例数据',
        'Filter: region subtree, level, kind, name; sample data left out unless asked for',
      ),
    })
    filter: AgencyFilterInput | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AgencyConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    // From the corpus index: agencies in name order with their regions; the cursor is the id.
    const page = await corpusAgencies(
      context,
      { ...filter, nameContains: filter?.nameContains ?? nameContains },
      size,
      after,
    );
    return {
      totalCount: page.totalCount,
      edges: page.edges,
      pageInfo: pageInfoOf(
        page.edges.map((edge) => edge.cursor),
        page.hasNextPage,
      ),
    };
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
    const rows = await agencyReportPage(
      context.ledger.models,
      agency.agencyId,
      after ? decodeCursor(after, ['number']) : null,
      size + 1,
    );
    return connectionOf(
      rows,
      size,
      (row) => encodeCursor(cursorValues(AGENCY_REPORT_ORDER, row)),
      currentReport,
    );
  }
}
