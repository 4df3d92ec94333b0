import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { cursorValues } from '../src/readSide/keysetPage';
import {
  AGENCY_ORDER,
  AGENCY_REPORT_ORDER,
  agencyPage,
  agencyReportPage,
} from '../src/readSide/reportQueries';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { currentReport } from './reportViews';
import { Agency, AgencyConnection, agencyToGraph } from './types/agency';
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
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AgencyConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const rows = await agencyPage(
      context.ledger.models,
      nameContains,
      after ? decodeCursor(after, ['string']) : null,
      size + 1,
    );
    for (const row of rows.slice(0, size)) context.loaders.agency.prime(row._id, row);
    return connectionOf(
      rows,
      size,
      (row) => encodeCursor(cursorValues(AGENCY_ORDER, row)),
      agencyToGraph,
    );
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
