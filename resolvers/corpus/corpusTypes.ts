// Object types of the corpus queries: regions, figure values, aggregates, indicators, series,
// year comparisons and the change feed.
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { Actor } from '../types/actor';
import { Agency } from '../types/agency';
import { bi } from '../types/describe';
import { PageInfo } from '../types/pageInfo';
import { RuleResult } from '../types/ruleResult';
import { AgencyLevelEnum } from './corpusEnums';

@ObjectType({ description: bi('区划路径上的一级', 'One step of a region path') })
export class RegionStep {
  @Field(() => String, { description: bi('区划代码（GB/T 2260）', 'GB/T 2260 code') })
  code!: string;

  @Field(() => String, { description: bi('区划名称', 'Region name') })
  name!: string;
}

@ObjectType({
  description: bi(
    '行政区划（GB/T 2260，省、市、县三级）',
    'An administrative division (GB/T 2260: province, city or county)',
  ),
})
export class Region {
  @Field(() => String, { description: bi('区划代码', 'GB/T 2260 code') })
  code!: string;

  @Field(() => String, { description: bi('区划名称', 'Region name') })
  name!: string;

  @Field(() => AgencyLevelEnum, { description: bi('区划层级', 'Tier of the region') })
  level!: AgencyLevelEnum;

  @Field(() => [RegionStep], {
    description: bi('从省级到本区划的路径', 'Path from the province down to this region'),
  })
  path!: RegionStep[];

  @Field(() => String, {
    nullable: true,
    description: bi('上级区划代码', 'Code of the region above'),
  })
  parentCode!: string | null;
}

@ObjectType({
  description: bi(
    '一份报告中某个数字或指标的值',
    'The value of one figure or indicator in one report',
  ),
})
export class FigureValue {
  @Field(() => String, { description: bi('数字键或指标键', 'Figure or indicator key') })
  key!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi(
      '值；空白、标记或不可计算时为 null（不是 0）',
      'The value; null when blank, a marker or not computable (never 0)',
    ),
  })
  value!: string | null;

  @Field(() => Boolean, {
    description: bi('单元格为空或为标记（无数值）', 'The cell has no value (empty or a marker)'),
  })
  blank!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi('单元格中的标记，如 “/”、“—”', 'The marker in the cell, e.g. "/" or "—"'),
  })
  marker!: string | null;

  @Field(() => Boolean, {
    description: bi(
      '指标是否可计算（数字：是否有值）',
      'Indicator computable (figure: has a value)',
    ),
  })
  computable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '不可计算的原因：blank、blank_operand、division_by_zero、no_previous_year',
      'Why not computable: blank, blank_operand, division_by_zero, no_previous_year',
    ),
  })
  notComputableReason!: string | null;

  @Field(() => Int, { description: bi('报告年度', 'Report year') })
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description: bi(
      '设定此值的事件的全局位置（数字；可用 changes 查看）',
      'Global position of the event that set this value (figures; see `changes`)',
    ),
  })
  setAtPosition!: number | null;

  @Field(() => Region, {
    nullable: true,
    description: bi('机构所在区划', "The agency's region"),
  })
  region!: Region | null;

  @Field(() => Agency, { description: bi('发布机构', 'The agency') })
  agency!: Agency;

  /** Not a field: `report` is resolved from it. */
  reportId!: string;
}

@ObjectType({ description: bi('数值列表中的一项', 'An edge of a figure value connection') })
export class FigureValueEdge {
  @Field(() => String, { description: bi('游标', 'Cursor of this item') })
  cursor!: string;

  @Field(() => FigureValue, { description: bi('数值', 'The value') })
  node!: FigureValue;
}

@ObjectType({
  description: bi('跨报告的数值列表（分页）', 'A page of values of one key across reports'),
})
export class FigureValueConnection {
  @Field(() => [FigureValueEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: FigureValueEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: bi('符合条件的报告总数', 'Reports matching the filter') })
  totalCount!: number;
}

@ObjectType({ description: bi('汇总的一个分组', 'One group of an aggregate') })
export class AggregateGroup {
  @Field(() => Int, { nullable: true, description: bi('年度', 'Year') })
  year!: number | null;

  @Field(() => Region, { nullable: true, description: bi('省级区划', 'Province') })
  province!: Region | null;

  @Field(() => Region, { nullable: true, description: bi('市级区划', 'City') })
  city!: Region | null;

  @Field(() => Region, { nullable: true, description: bi('县级区划', 'County') })
  county!: Region | null;

  @Field(() => AgencyLevelEnum, { nullable: true, description: bi('机构层级', 'Agency level') })
  level!: AgencyLevelEnum | null;

  @Field(() => Agency, { nullable: true, description: bi('机构', 'Agency') })
  agency!: Agency | null;
}

@ObjectType({
  description: bi('一个分组中一个键的统计', 'Statistics of one key over one group of reports'),
})
export class FigureAggregate {
  @Field(() => AggregateGroup, { description: bi('分组', 'The group') })
  group!: AggregateGroup;

  @Field(() => String, { description: bi('数字键或指标键', 'Figure or indicator key') })
  key!: string;

  @Field(() => Int, { description: bi('分组内报告数', 'Reports in the group') })
  reports!: number;

  @Field(() => Int, {
    description: bi('有值的报告数（含 0）', 'Reports with a value (0 included)'),
  })
  withValue!: number;

  @Field(() => Int, {
    description: bi(
      '空白、标记或不可计算的报告数',
      'Reports blank, with a marker or not computable',
    ),
  })
  blanks!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi('合计（收费为精确十进制）', 'Sum (the fee as an exact decimal)'),
  })
  sum!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: bi('最小值', 'Minimum') })
  min!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: bi('最大值', 'Maximum') })
  max!: string | null;

  @Field(() => Float, { nullable: true, description: bi('平均值', 'Mean') })
  mean!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: bi('中位数', 'Median') })
  median!: string | null;
}

@ObjectType({
  description: bi('由数字键定义的命名指标', 'A named indicator defined over figure keys'),
})
export class Indicator {
  @Field(() => String, { description: bi('指标键（i.*）', 'Indicator key (i.*)') })
  key!: string;

  @Field(() => String, { description: bi('中文名称', 'Chinese name') })
  nameZh!: string;

  @Field(() => String, { description: bi('英文名称', 'English name') })
  nameEn!: string;

  @Field(() => String, { description: bi('中文说明', 'Chinese description') })
  descriptionZh!: string;

  @Field(() => String, { description: bi('英文说明', 'English description') })
  descriptionEn!: string;

  @Field(() => String, { description: bi('计算公式', 'Formula over figure keys') })
  formula!: string;

  @Field(() => [String], { description: bi('本年度读取的数字键', 'Figure keys read this year') })
  keys!: string[];

  @Field(() => [String], {
    description: bi('上一年度读取的数字键', "Figure keys read from the previous year's report"),
  })
  previousYearKeys!: string[];
}

@ObjectType({ description: bi('时间序列中的一点', 'One point of a series') })
export class SeriesPoint {
  @Field(() => String, { description: bi('数字键或指标键', 'Figure or indicator key') })
  key!: string;

  @Field(() => Int, { description: bi('年度', 'Year') })
  year!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi(
      '值；无报告、空白或不可计算时为 null',
      'Value; null without a report, blank or not computable',
    ),
  })
  value!: string | null;

  @Field(() => Boolean, { description: bi('该年度有报告', 'The agency has a report that year') })
  hasReport!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi('不可计算的原因', 'Why not computable'),
  })
  notComputableReason!: string | null;

  @Field(() => ID, { nullable: true, description: bi('报告 UUID', 'Report UUID') })
  reportId!: string | null;
}

@ObjectType({
  description: bi('一个键在两个年度间的变化', 'The change of one key between two years'),
})
export class YearComparison {
  @Field(() => String, { description: bi('数字键或指标键', 'Figure or indicator key') })
  key!: string;

  @Field(() => DecimalScalar, { nullable: true, description: bi('年度 A 的值', 'Value in year A') })
  a!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: bi('年度 B 的值', 'Value in year B') })
  b!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: bi(
      '绝对变化 B − A（任一为空则 null）',
      'Absolute change B − A (null if either is blank)',
    ),
  })
  absoluteChange!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: bi(
      '相对变化 (B − A) / A（A 为 0 或空则 null）',
      'Relative change (B − A) / A (null if A is 0 or blank)',
    ),
  })
  relativeChange!: number | null;
}

@ObjectType({ description: bi('同一机构两个年度的比较', 'Two years of one agency compared') })
export class YearsComparison {
  @Field(() => Int, { description: bi('年度 A', 'Year A') })
  yearA!: number;

  @Field(() => Int, { description: bi('年度 B', 'Year B') })
  yearB!: number;

  @Field(() => ID, { nullable: true, description: bi('年度 A 的报告', 'Report of year A') })
  reportIdA!: string | null;

  @Field(() => ID, { nullable: true, description: bi('年度 B 的报告', 'Report of year B') })
  reportIdB!: string | null;

  @Field(() => [YearComparison], { description: bi('各键的变化', 'Change per key') })
  changes!: YearComparison[];

  @Field(() => [RuleResult], {
    description: bi(
      '跨年度规则（B = A + 1 时：XY_CARRY、XY_IN_FORCE）',
      'Cross-year rules (when B = A + 1: XY_CARRY, XY_IN_FORCE)',
    ),
  })
  crossYearRules!: RuleResult[];
}

@ObjectType({ description: bi('全局日志中的一个事件', 'One event of the global log') })
export class LogEvent {
  @Field(() => Int, { description: bi('全局位置（即游标）', 'Global position (the cursor)') })
  position!: number;

  @Field(() => ID, { description: bi('事件 ID', 'Event id') })
  eventId!: string;

  @Field(() => String, { description: bi('事件类型', 'Event type') })
  type!: string;

  @Field(() => String, { description: bi('事件流', 'Stream id') })
  streamId!: string;

  @Field(() => ID, { nullable: true, description: bi('报告 UUID', 'Report UUID') })
  reportId!: string | null;

  @Field(() => ID, { nullable: true, description: bi('机构 UUID', 'Agency UUID') })
  agencyId!: string | null;

  @Field(() => Int, { description: bi('流内修订号', 'Revision within the stream') })
  revision!: number;

  @Field(() => DateTimeScalar, {
    description: bi('记录时间（服务器）', 'When it was recorded (server clock)'),
  })
  recordedAt!: Date;

  @Field(() => Actor, { description: bi('操作者', 'Who') })
  actor!: Actor;

  @Field(() => String, { nullable: true, description: bi('理由', 'Reason') })
  reason!: string | null;

  @Field(() => [String], {
    description: bi(
      '事件设置的数字键（导入为全部）',
      'Figure keys the event set (all for an import)',
    ),
  })
  keys!: string[];

  @Field(() => Boolean, {
    description: bi('是否为导入（设置全部键）', 'An import (sets every key)'),
  })
  setsAllKeys!: boolean;
}

@ObjectType({ description: bi('变更流中的一项', 'An edge of the change feed') })
export class LogEventEdge {
  @Field(() => String, { description: bi('游标（全局位置）', 'Cursor: the global position') })
  cursor!: string;

  @Field(() => LogEvent, { description: bi('事件', 'The event') })
  node!: LogEvent;
}

@ObjectType({
  description: bi(
    '全局日志的分页（可从任一游标永久续读）',
    'A page of the global log, resumable from any cursor forever',
  ),
})
export class LogEventConnection {
  @Field(() => [LogEventEdge], { description: bi('本页各项', 'Items of this page') })
  edges!: LogEventEdge[];

  @Field(() => PageInfo, { description: bi('分页信息', 'Pagination state') })
  pageInfo!: PageInfo;

  @Field(() => String, {
    description: bi(
      '本页已完整覆盖至此位置：无结果时可从此续读',
      'The page is complete up to this position: resume after it when there are no edges',
    ),
  })
  checkpoint!: string;
}
