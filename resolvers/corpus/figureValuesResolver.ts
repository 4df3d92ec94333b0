// figureValues: one key (figure or indicator) across every report, ranked, as a connection.
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { selectReports } from '../../src/corpus/corpusFilter';
import { metricOf } from '../../src/corpus/corpusMetric';
import { rankReports } from '../../src/corpus/reportRanking';
import { perItem } from '../complexity';
import type { RequestContext } from '../context';
import { pageSize } from '../cursor';
import { toGlobalId } from '../globalId';
import { PageAfterArg, PageFirstArg } from '../pageArgs';
import { currentReport } from '../reportViews';
import { DateTimeScalar } from '../scalars';
import { bi } from '../types/describe';
import { pageInfoOf } from '../types/pageInfo';
import { Report } from '../types/report';
import { agencyOfRow } from './corpusGraph';
import { corpusViewOf, regionToGraph } from './corpusContext';
import { CorpusFilterInput, FigureValueOrderInput } from './corpusInputs';
import { toCorpusFilter } from './corpusFilterInput';
import { FigureValue, FigureValueConnection } from './corpusTypes';

export function AsOfArg(): ReturnType<typeof Arg> {
  return Arg('asOf', () => DateTimeScalar, {
    nullable: true,
    description: bi(
      '按此时间点的账本回答（全部报告同一时点）',
      'Answer as the ledger stood at this instant (all reports at once)',
    ),
  });
}

const IDENTITY_FIELDS = new Set(['id', 'reportId', '__typename']);

function asksOnlyIds(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) => selection.kind === Kind.FIELD && IDENTITY_FIELDS.has(selection.name.value),
    ),
  );
}

function reportIdentity(reportId: string): Report {
  return Object.assign(new Report(), { id: toGlobalId('Report', reportId), reportId });
}

@Resolver(() => FigureValue)
export class FigureValuesResolver {
  @Query(() => FigureValueConnection, {
    description: bi(
      '某个数字或指标在各报告中的值（每份报告一项），可排序、筛选、分页',
      'One figure or indicator across reports (one edge per report), filtered, ordered and paged',
    ),
    complexity: perItem(20),
  })
  async figureValues(
    @Arg('key', () => String, { description: bi('数字键或指标键', 'Figure or indicator key') })
    key: string,
    @Arg('filter', () => CorpusFilterInput, {
      nullable: true,
      description: bi('筛选条件', 'Filter'),
    })
    filter: CorpusFilterInput | null,
    @Arg('orderBy', () => FigureValueOrderInput, {
      nullable: true,
      description: bi('排序（缺省按数值降序）', 'Order (default: by value, descending)'),
    })
    orderBy: FigureValueOrderInput | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @AsOfArg() asOf: Date | null,
    @Ctx() context: RequestContext,
  ): Promise<FigureValueConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const view = await corpusViewOf(context, asOf);
    const metric = metricOf(view, key, 'key');
    const selected = selectReports(view, toCorpusFilter(filter), 'filter');
    const page = rankReports(
      view,
      selected,
      { by: orderBy?.by ?? 'VALUE', direction: orderBy?.direction ?? 'DESC', metric },
      size,
      after,
    );
    const positions = metric.indicator ? null : view.setAtPositions(key, page.ordinals);
    const index = view.index;
    const edges = page.ordinals.map((ordinal) => {
      const reading = metric.reading(ordinal);
      const agencyOrdinal = index.agencyOfReport[ordinal];
      const regionCode = view.region(agencyOrdinal).code;
      const node = Object.assign(new FigureValue(), {
        key,
        value: reading.value,
        blank: reading.value === null,
        marker: reading.marker,
        computable: reading.computable,
        notComputableReason: reading.reason,
        year: index.yearOfReport[ordinal],
        setAtPosition: positions?.get(ordinal) ?? null,
        region: regionCode ? regionToGraph(index.tree, regionCode) : null,
        agency: agencyOfRow(index.agencies[agencyOrdinal]),
        reportId: index.reportIds[ordinal],
      });
      return { cursor: page.cursorOf(ordinal), node };
    });
    return {
      edges,
      pageInfo: pageInfoOf(
        edges.map((edge) => edge.cursor),
        page.hasNextPage,
      ),
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: bi('报告（当前版本）', 'The report (its current version)'),
  })
  async report(
    @Root() value: FigureValue,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Report | null> {
    // A ranking usually asks only for the report's id: answer it from the index, without a
    // read-model lookup per page (100 summaries cost ~100 ms on FerretDB).
    if (asksOnlyIds(info)) return reportIdentity(value.reportId);
    const summary = await context.loaders.reportSummary.load(value.reportId);
    return summary ? currentReport(summary) : null;
  }
}
