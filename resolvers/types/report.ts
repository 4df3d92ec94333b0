import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ReportState } from '../../events/report/reportState';
import type { ReportReadDocument } from '../../models/reportReadModel';
import type { ReportSummary } from '../loaders';
import { DateTimeScalar } from '../scalars';
import { bi } from './describe';
import { ReportStatusEnum } from './enums';
import { Node } from './node';
import { PageInfo } from './pageInfo';

@ObjectType({
  implements: Node,
  description: bi(
    '一份政府信息公开工作年度报告（某机构某年度）',
    'An annual report on government information disclosure of one agency for one year',
  ),
})
export class Report extends Node {
  @Field(() => ID, {
    description: bi(
      '报告 UUID（由机构名称和年度确定）',
      'Report UUID, determined by agency name and year',
    ),
  })
  reportId!: string;

  @Field(() => String, { description: bi('机构名称', 'Agency name') })
  agencyName!: string;

  @Field(() => Int, { description: bi('报告年度', 'Report year') })
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '报告格式模板（2021 或 2019）',
      'Template of the national format (2021 or 2019)',
    ),
  })
  template!: string | null;

  @Field(() => Int, {
    description: bi(
      '当前（或所查询时点的）修订号',
      'Revision of this view: current, or the one asked for',
    ),
  })
  revision!: number;

  @Field(() => Boolean, {
    description: bi(
      '是否为历史视图（asOf / atRevision）',
      'Whether this is a past view (asOf / atRevision)',
    ),
  })
  historical!: boolean;

  @Field(() => ReportStatusEnum, { description: bi('发布状态', 'Publication status') })
  status!: ReportStatusEnum;

  @Field(() => String, { description: bi('导入程序版本', 'Importer version of the last import') })
  importerVersion!: string;

  @Field(() => String, {
    description: bi('来源文件的 sha256', 'sha256 of the last imported document'),
  })
  sourceHash!: string;

  @Field(() => String, {
    nullable: true,
    description: bi('来源网址', 'Where the document was published'),
  })
  sourceUrl!: string | null;

  @Field(() => DateTimeScalar, { description: bi('首次导入时间', 'When it was first imported') })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: bi('最后修改时间', 'When it last changed') })
  updatedAt!: Date;

  readonly __typename = 'Report';
  /** Not fields. */
  agencyId!: string;
  summary!: ReportSummary;
  /** Full state when already loaded (always for past views). */
  full!: ReportReadDocument | ReportState | null;
}

export function reportOf(
  summary: ReportSummary | ReportState,
  full: ReportReadDocument | ReportState | null,
  historical: boolean,
  globalId: string,
): Report {
  return Object.assign(new Report(), {
    id: globalId,
    reportId: summary.reportId,
    agencyName: summary.agency,
    year: summary.year,
    template: summary.template,
    revision: summary.revision,
    historical,
    status: summary.status as ReportStatusEnum,
    importerVersion: summary.importerVersion,
    sourceHash: summary.sourceHash,
    sourceUrl: summary.sourceUrl,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
    agencyId: summary.agencyId,
    summary: summary as ReportSummary,
    full,
  });
}

@ObjectType({ description: bi('报告列表中的一项', 'An edge of a report connection') })
export class ReportEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => Report, { description: bi('报告', 'The report') })
  node!: Report;
}

@ObjectType({ description: bi('报告的分页列表', 'A page of reports') })
export class ReportConnection {
  @Field(() => [ReportEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: ReportEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description: bi(
      '符合条件的报告总数（机构的报告列表时不计，为 null）',
      'How many reports match (null where not counted: an agency’s reports)',
    ),
  })
  totalCount?: number | null;
}
