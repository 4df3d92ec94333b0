// The rows of a bulk figure export, produced one at a time from the corpus index: the values of
// one key in ranking order (what figureValues pages through), or the aggregate rows of
// figureAggregates. The query is checked when the rows are planned (unknown key, region, too
// many groups …), before anything is written, so a refusal is still a clean JSON error; the
// rows themselves are then generated lazily, so a writer holds only the row it is writing.
import { selectReports } from '../corpus/corpusFilter';
import { metricOf } from '../corpus/corpusMetric';
import type { CorpusView } from '../corpus/corpusView';
import { figureAggregates, type AggregateGroup } from '../corpus/figureAggregates';
import { rankReports } from '../corpus/reportRanking';
import type { FigureExportQuery } from './figureExportQuery';

/** A cell of a row: text, a number, or nothing. */
export type FigureCell = string | number | boolean | null;

export interface FigureColumn<Id extends string> {
  id: Id;
  /** CSV header: Chinese, because the file is meant for spreadsheet users. */
  header: string;
}

export const FIGURE_VALUE_COLUMNS = [
  { id: 'rank', header: '名次' },
  { id: 'key', header: '指标键' },
  { id: 'year', header: '年度' },
  { id: 'value', header: '数值' },
  { id: 'marker', header: '标记' },
  { id: 'computable', header: '可计算' },
  { id: 'notComputableReason', header: '不可计算原因' },
  { id: 'agencyId', header: '机构ID' },
  { id: 'agencyName', header: '机构' },
  { id: 'regionCode', header: '区划代码' },
  { id: 'regionName', header: '区划' },
  { id: 'level', header: '层级' },
  { id: 'kind', header: '类别' },
  { id: 'reportId', header: '报告ID' },
  { id: 'setAtPosition', header: '设置位置' },
] as const satisfies ReadonlyArray<FigureColumn<string>>;

export const FIGURE_AGGREGATE_COLUMNS = [
  { id: 'key', header: '指标键' },
  { id: 'year', header: '年度' },
  { id: 'provinceCode', header: '省级代码' },
  { id: 'provinceName', header: '省级' },
  { id: 'cityCode', header: '市级代码' },
  { id: 'cityName', header: '市级' },
  { id: 'countyCode', header: '县级代码' },
  { id: 'countyName', header: '县级' },
  { id: 'level', header: '层级' },
  { id: 'agencyId', header: '机构ID' },
  { id: 'agencyName', header: '机构' },
  { id: 'reports', header: '报告数' },
  { id: 'withValue', header: '有值数' },
  { id: 'blanks', header: '空白数' },
  { id: 'sum', header: '合计' },
  { id: 'min', header: '最小' },
  { id: 'max', header: '最大' },
  { id: 'mean', header: '平均' },
  { id: 'median', header: '中位数' },
] as const satisfies ReadonlyArray<FigureColumn<string>>;

export type FigureValueRow = Record<(typeof FIGURE_VALUE_COLUMNS)[number]['id'], FigureCell>;
export type FigureAggregateRow = Record<
  (typeof FIGURE_AGGREGATE_COLUMNS)[number]['id'],
  FigureCell
>;

export interface FigureRowPlan {
  columns: ReadonlyArray<FigureColumn<string>>;
  /** Total number of rows the export will have. */
  rowCount: number;
  rows: Iterable<Readonly<Record<string, FigureCell>>>;
}

/** setAtPositions scans a key's change list once per call: asked for in batches, not per row. */
const POSITION_BATCH = 1000;

function* valueRows(
  view: CorpusView,
  key: string,
  ordinals: readonly number[],
  indicator: boolean,
  reading: ReturnType<typeof metricOf>['reading'],
): Generator<FigureValueRow> {
  const index = view.index;
  for (let start = 0; start < ordinals.length; start += POSITION_BATCH) {
    const batch = ordinals.slice(start, start + POSITION_BATCH);
    const positions = indicator ? null : view.setAtPositions(key, batch);
    for (let i = 0; i < batch.length; i++) {
      const ordinal = batch[i];
      const value = reading(ordinal);
      const agencyOrdinal = index.agencyOfReport[ordinal];
      const agency = index.agencies[agencyOrdinal];
      const region = view.region(agencyOrdinal);
      const division = region.code ? index.tree.get(region.code) : undefined;
      yield {
        rank: start + i + 1,
        key,
        year: index.yearOfReport[ordinal],
        value: value.value,
        marker: value.marker,
        computable: value.computable,
        notComputableReason: value.reason,
        agencyId: agency.agencyId,
        agencyName: agency.name,
        regionCode: region.code,
        regionName: division?.name ?? null,
        level: region.level,
        kind: region.kind,
        reportId: index.reportIds[ordinal],
        setAtPosition: positions?.get(ordinal) ?? null,
      };
    }
  }
}

function planValues(
  view: CorpusView,
  query: Extract<FigureExportQuery, { kind: 'values' }>,
): FigureRowPlan {
  const metric = metricOf(view, query.key, 'key');
  const selected = selectReports(view, query.filter);
  // The whole order at once: one sort of the selected ordinals (4 bytes each, a fraction of the
  // index itself), where paging by cursor would rescan the selection once per page.
  const ordered = rankReports(
    view,
    selected,
    { by: query.orderBy, direction: query.direction, metric },
    selected.length,
    null,
  ).ordinals;
  return {
    columns: FIGURE_VALUE_COLUMNS,
    rowCount: ordered.length,
    rows: valueRows(view, query.key, ordered, metric.indicator !== null, metric.reading),
  };
}

function groupCells(view: CorpusView, group: AggregateGroup) {
  const tree = view.index.tree;
  const nameOf = (code: string | null) => (code ? (tree.get(code)?.name ?? null) : null);
  const agency = group.agencyOrdinal === null ? null : view.index.agencies[group.agencyOrdinal];
  return {
    year: group.year,
    provinceCode: group.provinceCode,
    provinceName: nameOf(group.provinceCode),
    cityCode: group.cityCode,
    cityName: nameOf(group.cityCode),
    countyCode: group.countyCode,
    countyName: nameOf(group.countyCode),
    level: group.level,
    agencyId: agency?.agencyId ?? null,
    agencyName: agency?.name ?? null,
  };
}

function planAggregates(
  view: CorpusView,
  query: Extract<FigureExportQuery, { kind: 'aggregates' }>,
): FigureRowPlan {
  // Bounded by MAX_AGGREGATE_ROWS (figureAggregates refuses more), so computed at once.
  const aggregates = figureAggregates(view, query.keys, query.groupBy, query.filter);
  function* rows(): Generator<FigureAggregateRow> {
    for (const { group, key, ...statistics } of aggregates) {
      yield { key, ...groupCells(view, group), ...statistics };
    }
  }
  return { columns: FIGURE_AGGREGATE_COLUMNS, rowCount: aggregates.length, rows: rows() };
}

/** Checks the query against the index and returns its rows, not yet generated. */
export function planFigureRows(view: CorpusView, query: FigureExportQuery): FigureRowPlan {
  return query.kind === 'values' ? planValues(view, query) : planAggregates(view, query);
}
