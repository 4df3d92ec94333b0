// Corpus-wide reads that are not a ranking: aggregates, the indicator catalogue, the region
// tree, the change feed and the comparison of two years of one agency.
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { compareYears } from '../../src/corpus/agencySeries';
import { changeCursor, changesPage, positionOfCursor } from '../../src/corpus/changePage';
import { checkRegionCode } from '../../src/corpus/corpusFilter';
import { CorpusInputError } from '../../src/corpus/corpusInputError';
import { figureAggregates, type GroupDimension } from '../../src/corpus/figureAggregates';
import { INDICATORS, type IndicatorDefinition } from '../../src/domain/indicators/indicatorCatalog';
import { formulaKeys, formulaText } from '../../src/domain/indicators/indicatorFormula';
import { perItem } from '../complexity';
import type { RequestContext } from '../context';
import { pageSize } from '../cursor';
import { PageAfterArg, PageFirstArg } from '../pageArgs';
import { bi } from '../types/describe';
import { pageInfoOf } from '../types/pageInfo';
import type { RuleResult } from '../types/ruleResult';
import { agencyIdFromInput, corpusViewOf, regionToGraph } from './corpusContext';
import { GroupDimensionEnum } from './corpusEnums';
import { groupToGraph, logEventToGraph } from './corpusGraph';
import { ChangeFilterInput, CorpusFilterInput } from './corpusInputs';
import { toCorpusFilter } from './corpusFilterInput';
import {
  FigureAggregate,
  Indicator,
  LogEventConnection,
  Region,
  YearsComparison,
} from './corpusTypes';
import { AsOfArg } from './figureValuesResolver';

function indicatorToGraph(definition: IndicatorDefinition): Indicator {
  const keys = formulaKeys(definition.formula);
  return Object.assign(new Indicator(), {
    key: definition.key,
    nameZh: definition.nameZh,
    nameEn: definition.nameEn,
    descriptionZh: definition.descriptionZh,
    descriptionEn: definition.descriptionEn,
    formula: formulaText(definition.formula),
    keys: keys.current,
    previousYearKeys: keys.previousYear,
  });
}

@Resolver()
export class CorpusQueryResolver {
  @Query(() => [FigureAggregate], {
    description: bi(
      '按年度、区划、层级或机构分组汇总数字或指标：报告数、有值数、空白数、合计、最小、最大、平均、中位数',
      'Figures or indicators aggregated by year, region, level or agency: reports, with value, blanks, sum, min, max, mean, median',
    ),
    complexity: 200,
  })
  async figureAggregates(
    @Arg('keys', () => [String], { description: bi('数字键或指标键', 'Figure or indicator keys') })
    keys: string[],
    @Arg('groupBy', () => [GroupDimensionEnum], {
      description: bi('分组维度（可为空：整体汇总）', 'Dimensions to group by (empty: one group)'),
    })
    groupBy: GroupDimensionEnum[],
    @Arg('filter', () => CorpusFilterInput, {
      nullable: true,
      description: bi('筛选条件', 'Filter'),
    })
    filter: CorpusFilterInput | null,
    @AsOfArg() asOf: Date | null,
    @Ctx() context: RequestContext,
  ): Promise<FigureAggregate[]> {
    const view = await corpusViewOf(context, asOf);
    const rows = figureAggregates(view, keys, groupBy as GroupDimension[], toCorpusFilter(filter));
    return rows.map(({ group, ...statistics }) =>
      Object.assign(new FigureAggregate(), { ...statistics, group: groupToGraph(view, group) }),
    );
  }

  @Query(() => [Indicator], {
    description: bi(
      '指标目录：可用于 figureValues、figureAggregates、series 等任何接受数字键之处',
      'The indicator catalogue: usable wherever a figure key is (figureValues, figureAggregates, series)',
    ),
  })
  indicators(): Indicator[] {
    return INDICATORS.map(indicatorToGraph);
  }

  @Query(() => [Region], {
    description: bi(
      '区划树：给定区划的下级（缺省为全部省级）',
      'The region tree: the regions directly below parentCode (default: the provinces)',
    ),
    complexity: 20,
  })
  async regions(
    @Arg('parentCode', () => String, {
      nullable: true,
      description: bi('上级区划代码', 'Code of the parent region'),
    })
    parentCode: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Region[]> {
    const view = await corpusViewOf(context, null);
    const tree = view.index.tree;
    if (parentCode) checkRegionCode(view, parentCode, 'parentCode');
    return tree
      .children(parentCode ?? null)
      .map((division) => regionToGraph(tree, division.code))
      .filter((region): region is Region => region !== null);
  }

  @Query(() => Region, {
    nullable: true,
    description: bi('按代码取区划', 'A region by its GB/T 2260 code'),
  })
  async region(
    @Arg('code', () => String, { description: bi('区划代码', 'GB/T 2260 code') }) code: string,
    @Ctx() context: RequestContext,
  ): Promise<Region | null> {
    const view = await corpusViewOf(context, null);
    return regionToGraph(view.index.tree, code);
  }

  @Query(() => LogEventConnection, {
    description: bi(
      '变更流：全局日志的分页，游标为全局位置，可永久续读；订阅通知带有游标',
      'The change feed: the global log as pages; the cursor is the global position, resumable forever',
    ),
    complexity: perItem(20),
  })
  async changes(
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Arg('filter', () => ChangeFilterInput, {
      nullable: true,
      description: bi('筛选条件', 'Filter'),
    })
    filter: ChangeFilterInput | null,
    @Ctx() context: RequestContext,
  ): Promise<LogEventConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const view = await corpusViewOf(context, null);
    const page = changesPage(view, positionOfCursor(after), size, {
      regionCode: filter?.regionCode ?? null,
      agencyIds:
        filter?.agencyIds?.map((id, i) => agencyIdFromInput(id, `filter.agencyIds[${i}]`)) ?? null,
      keys: filter?.keys ?? null,
      types: filter?.types ?? null,
    });
    const edges = page.entries.map((entry) => ({
      cursor: changeCursor(entry.position),
      node: logEventToGraph(view, entry),
    }));
    return {
      edges,
      pageInfo: pageInfoOf(
        edges.map((edge) => edge.cursor),
        page.hasNextPage,
      ),
      checkpoint: changeCursor(page.checkpoint),
    };
  }

  @Query(() => YearsComparison, {
    description: bi(
      '同一机构两个年度的比较：各键的绝对与相对变化，以及跨年度规则',
      'Two years of one agency: absolute and relative change per key, and the cross-year rules',
    ),
    complexity: 50,
  })
  async compareYears(
    @Arg('agencyId', () => ID, { description: bi('机构 ID', 'Agency id') }) agencyId: string,
    @Arg('yearA', () => Int, { description: bi('年度 A', 'Year A') }) yearA: number,
    @Arg('yearB', () => Int, { description: bi('年度 B', 'Year B') }) yearB: number,
    @Arg('keys', () => [String], {
      nullable: true,
      description: bi(
        '数字键或指标键（缺省全部数字）',
        'Figure or indicator keys (default: every figure)',
      ),
    })
    keys: string[] | null,
    @AsOfArg() asOf: Date | null,
    @Ctx() context: RequestContext,
  ): Promise<YearsComparison> {
    const view = await corpusViewOf(context, asOf);
    const id = agencyIdFromInput(agencyId, 'agencyId');
    const agencyOrdinal = view.index.agencyOrdinal(id);
    if (agencyOrdinal === undefined) {
      throw new CorpusInputError('UNKNOWN_AGENCY', 'no agency with this id', 'agencyId');
    }
    const compared = compareYears(view, agencyOrdinal, yearA, yearB, keys ?? undefined);
    return Object.assign(new YearsComparison(), {
      yearA,
      yearB,
      reportIdA: compared.reportA === null ? null : view.index.reportIds[compared.reportA],
      reportIdB: compared.reportB === null ? null : view.index.reportIds[compared.reportB],
      changes: compared.keys.map((comparison) => ({
        key: comparison.key,
        a: comparison.a.value,
        b: comparison.b.value,
        absoluteChange: comparison.absoluteChange,
        relativeChange: comparison.relativeChange,
      })),
      crossYearRules: compared.crossYearRules as unknown as RuleResult[],
    });
  }
}
