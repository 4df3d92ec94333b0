// Input types of the corpus queries and of setAgencyRegion.
import { Field, ID, InputType, Int } from 'type-graphql';
import { bi } from '../types/describe';
import { ReportStatusEnum } from '../types/enums';
import {
  AgencyKindEnum,
  AgencyLevelEnum,
  SortDirectionEnum,
  ValueOrderByEnum,
} from './corpusEnums';

@InputType({ description: bi('跨报告查询的筛选条件', 'Which reports a corpus query covers') })
export class CorpusFilterInput {
  @Field(() => Int, { nullable: true, description: bi('年度', 'Year') })
  year?: number | null;

  @Field(() => [Int], { nullable: true, description: bi('多个年度', 'Several years') })
  years?: number[] | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '区划代码（GB/T 2260），含其下全部区划',
      'GB/T 2260 region code: the region and everything below it',
    ),
  })
  regionCode?: string | null;

  @Field(() => AgencyLevelEnum, { nullable: true, description: bi('机构层级', 'Agency level') })
  level?: AgencyLevelEnum | null;

  @Field(() => AgencyKindEnum, { nullable: true, description: bi('机构类别', 'Agency kind') })
  kind?: AgencyKindEnum | null;

  @Field(() => [ReportStatusEnum], {
    nullable: true,
    description: bi('发布状态', 'Publication statuses'),
  })
  status?: ReportStatusEnum[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: bi('机构 ID（UUID 或全局 ID）', 'Agency ids (UUIDs or global ids)'),
  })
  agencyIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: bi('包括示例数据（缺省不包括）', 'Include sample data (left out unless true)'),
  })
  includeSample?: boolean | null;
}

@InputType({ description: bi('数值列表的排序', 'Order of a value list') })
export class FigureValueOrderInput {
  @Field(() => ValueOrderByEnum, { description: bi('排序依据', 'What to order by') })
  by!: ValueOrderByEnum;

  @Field(() => SortDirectionEnum, {
    nullable: true,
    description: bi('方向（缺省降序）', 'Direction (default DESC)'),
  })
  direction?: SortDirectionEnum | null;
}

@InputType({ description: bi('机构列表的筛选条件', 'Which agencies to list') })
export class AgencyFilterInput {
  @Field(() => String, {
    nullable: true,
    description: bi('区划代码，含其下全部区划', 'Region code: the region and everything below'),
  })
  regionCode?: string | null;

  @Field(() => AgencyLevelEnum, { nullable: true, description: bi('机构层级', 'Agency level') })
  level?: AgencyLevelEnum | null;

  @Field(() => AgencyKindEnum, { nullable: true, description: bi('机构类别', 'Agency kind') })
  kind?: AgencyKindEnum | null;

  @Field(() => String, {
    nullable: true,
    description: bi('名称包含此文字', 'Name contains this text'),
  })
  nameContains?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: bi('包括示例数据（缺省不包括）', 'Include sample data (left out unless true)'),
  })
  includeSample?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: bi(
      '只要区划未定的机构（名称有歧义或无法识别，待管理员 setAgencyRegion）',
      'Only agencies whose region is not settled (an ambiguous or unknown name, for setAgencyRegion)',
    ),
  })
  unresolved?: boolean | null;
}

@InputType({ description: bi('变更流的筛选条件', 'Which log events the change feed shows') })
export class ChangeFilterInput {
  @Field(() => String, {
    nullable: true,
    description: bi('区划代码，含其下全部区划', 'Region code: the region and everything below'),
  })
  regionCode?: string | null;

  @Field(() => [ID], { nullable: true, description: bi('机构 ID', 'Agency ids') })
  agencyIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: bi(
      '数字键：设置了其中任一键的事件（导入设置全部键）',
      'Figure keys: events that set any of them (an import sets all)',
    ),
  })
  keys?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: bi('事件类型，如 FiguresEdited', 'Event types, e.g. FiguresEdited'),
  })
  types?: string[] | null;
}

@InputType({ description: bi('设置机构区划', "Set or correct an agency's region") })
export class SetAgencyRegionInput {
  @Field(() => ID, { description: bi('机构 ID', 'Agency id (UUID or global id)') })
  agencyId!: string;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '区划代码（GB/T 2260）；null 恢复为按名称确定',
      'GB/T 2260 code; null returns to the resolution from the name',
    ),
  })
  regionCode?: string | null;

  @Field(() => AgencyLevelEnum, {
    nullable: true,
    description: bi('机构层级（缺省取区划层级）', "Agency level (default: the region's)"),
  })
  level?: AgencyLevelEnum | null;

  @Field(() => AgencyKindEnum, {
    nullable: true,
    description: bi('机构类别（缺省按名称确定）', 'Agency kind (default: from the name)'),
  })
  kind?: AgencyKindEnum | null;

  @Field(() => String, { description: bi('理由（必填）', 'Why (required)') })
  reason!: string;
}

@InputType({
  description: bi(
    '报告列表的排序：按数字或指标键的值，或按年度、机构名称',
    'Order of a report list: by the value of a figure or indicator key, or by year or agency name',
  ),
})
export class ReportOrderInput {
  @Field(() => String, {
    nullable: true,
    description: bi(
      '数字键或指标键（按其值排序，空白在最后）',
      'Figure or indicator key (by its value, blanks last)',
    ),
  })
  key?: string | null;

  @Field(() => ValueOrderByEnum, {
    nullable: true,
    description: bi(
      '无 key 时：YEAR（缺省）或 AGENCY_NAME',
      'Without key: YEAR (default) or AGENCY_NAME',
    ),
  })
  by?: ValueOrderByEnum | null;

  @Field(() => SortDirectionEnum, { nullable: true, description: bi('方向', 'Direction') })
  direction?: SortDirectionEnum | null;
}
