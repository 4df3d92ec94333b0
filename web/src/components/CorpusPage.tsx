// The corpus page: one figure or indicator in one year across every report, as a ranked table
// and a bar chart by region. Clicking a bar or a row narrows the view one tier down (country →
// province → city → county → the agencies' reports); an agency's row opens its report.
import { useEffect, useState } from 'preact/hooks';
import { figureDefinition } from '../../../src/domain/format/figureCatalog';
import {
  fetchAgencyBars,
  fetchIndicators,
  fetchRegion,
  fetchRegionBars,
  fetchYears,
  tierBelow,
  type IndicatorOption,
  type RegionInfo,
  type RegionTier,
} from '../api/corpus';
import { ApiError } from '../api/graphqlClient';
import { ALL_TABLE_KEYS, figureTitle } from '../layout/tableLayouts';
import type { CorpusRoute } from '../state/corpusRoute';
import { navigate, routeHref } from '../state/route';
import { CorpusBarChart } from './CorpusBarChart';
import { CorpusRankTable } from './CorpusRankTable';
import { ErrorAlert } from './ErrorAlert';
import { rankCorpusItems, type CorpusBarItem } from './corpusBars';

export interface CorpusPageProps {
  route: CorpusRoute;
}

const TABLES = [
  ['t2', '表二 主动公开'],
  ['t3', '表三 申请办理'],
  ['t4', '表四 复议诉讼'],
] as const;

const TIER_ZH: Readonly<Record<RegionTier, string>> = {
  PROVINCE: '省级区划',
  CITY: '市级区划',
  COUNTY: '县级区划',
};

interface LoadedView {
  /** The route the rows were loaded for (the route may already ask for another). */
  loadedFor: string;
  region: RegionInfo | null;
  /** Null: the agency level (reports), else the tier the bars are. */
  tier: RegionTier | null;
  items: CorpusBarItem[];
  /** Reports in the view (the agency level shows at most 100 of them). */
  totalCount: number;
}

function keyLabel(key: string, indicators: readonly IndicatorOption[]): string {
  const indicator = indicators.find((item) => item.key === key);
  if (indicator) return indicator.nameZh;
  const definition = figureDefinition(key);
  const table = TABLES.find(([id]) => id === definition?.table);
  return definition && table ? `${table[1].slice(0, 2)} ${figureTitle(key)}` : key;
}

function errorText(failure: unknown): string {
  if (failure instanceof ApiError && failure.code === 'UNAUTHENTICATED') {
    return '此服务要求令牌才能读取报告，请在页面顶部粘贴令牌。';
  }
  if (failure instanceof ApiError && failure.code === 'BAD_USER_INPUT') {
    return `查询条件无效：${String(failure.extensions.messageZh ?? failure.message)}`;
  }
  return failure instanceof Error ? failure.message : String(failure);
}

async function loadView(
  route: CorpusRoute,
  year: number,
  isIndicator: boolean,
): Promise<LoadedView> {
  const region = route.region ? await fetchRegion(route.region) : null;
  if (route.region && !region) throw new Error(`没有代码为 ${route.region} 的区划`);
  const tier = route.agencies ? null : tierBelow(region?.level ?? null);
  const here = (patch: Partial<CorpusRoute>) => routeHref({ ...route, year, ...patch });
  const loadedFor = routeHref(route);
  if (tier === null) {
    const { bars, totalCount } = await fetchAgencyBars(route.key, year, route.region);
    const items = bars.map((bar) => ({
      id: bar.reportId,
      label: bar.agencyName,
      detail: [bar.regionName, bar.marker ? `标记“${bar.marker}”` : null]
        .filter(Boolean)
        .join(' · '),
      value: bar.value,
      href: routeHref({
        name: 'report',
        id: bar.reportId,
        revision: null,
        figure: isIndicator ? null : route.key,
      }),
      action: '打开报告',
    }));
    return { loadedFor, region, tier, items, totalCount };
  }
  const bars = await fetchRegionBars(route.key, year, route.region, tier, isIndicator);
  const items = bars.map((bar) => ({
    id: bar.region?.code ?? 'own',
    label: bar.region?.name ?? (region ? `${region.name}本级机构` : '未定区划的机构'),
    detail: `${bar.reports} 份报告，${bar.withValue} 份有值`,
    value: bar.value,
    href: bar.region
      ? here({ region: bar.region.code, agencies: false })
      : here({ agencies: true }),
    action: bar.region ? `查看${bar.region.name}` : '列出这些机构的报告',
  }));
  const totalCount = bars.reduce((sum, bar) => sum + bar.reports, 0);
  return { loadedFor, region, tier, items, totalCount };
}

/** The same view as a file: aggregates by the tier shown, or the reports of the agency level. */
function exportHref(route: CorpusRoute, year: number, tier: RegionTier | null, format: string) {
  const params = new URLSearchParams();
  if (tier === null) params.set('key', route.key);
  else {
    params.set('keys', route.key);
    params.set('groupBy', tier);
  }
  params.set('year', String(year));
  if (route.region) params.set('regionCode', route.region);
  return new URL(`export/figures.${format}?${params.toString()}`, document.baseURI).toString();
}

export function CorpusPage({ route }: CorpusPageProps) {
  const [indicators, setIndicators] = useState<IndicatorOption[]>([]);
  const [years, setYears] = useState<number[] | null>(null);
  const [view, setView] = useState<LoadedView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isIndicator = route.key.startsWith('i.');

  useEffect(() => {
    fetchIndicators()
      .then(setIndicators)
      .catch(() => setIndicators([]));
  }, []);

  useEffect(() => {
    setYears(null);
    fetchYears(route.key)
      .then(setYears)
      .catch((failure: unknown) => setError(errorText(failure)));
  }, [route.key]);

  const year = route.year ?? years?.[0] ?? null;

  useEffect(() => {
    if (year === null) return;
    let current = true;
    setError(null);
    loadView(route, year, isIndicator)
      .then((loaded) => {
        if (current) setView(loaded);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorText(failure));
      });
    return () => {
      current = false;
    };
  }, [route.key, year, route.region, route.agencies]);

  const update = (patch: Partial<CorpusRoute>) =>
    navigate({ ...route, ...patch, ...(patch.key ? { year: null } : {}) });
  const label = keyLabel(route.key, indicators);
  const region = view?.region ?? null;
  const loading = !view || view.loadedFor !== routeHref(route);
  const placeName = region?.name ?? '全国';
  const valueHeader = isIndicator ? '平均值' : '合计';
  const title =
    view?.tier === null
      ? `${year ?? ''} 年 ${placeName}各机构：${label}`
      : `${year ?? ''} 年 ${placeName}按${TIER_ZH[view?.tier ?? 'PROVINCE']}：${label}（${isIndicator ? '各报告平均' : '合计'}）`;

  return (
    <main id="main" tabIndex={-1} class="corpus-page">
      <h1>跨报告比较</h1>
      <form
        class="filters"
        aria-label="选择数字与年度"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          数字或指标
          <select
            name="key"
            value={route.key}
            onChange={(event) =>
              update({ key: event.currentTarget.value, region: null, agencies: false })
            }
          >
            <optgroup label="指标">
              {indicators.map((indicator) => (
                <option key={indicator.key} value={indicator.key}>
                  {indicator.nameZh}
                </option>
              ))}
            </optgroup>
            {TABLES.map(([table, name]) => (
              <optgroup key={table} label={name}>
                {ALL_TABLE_KEYS.filter((key) => figureDefinition(key)?.table === table).map(
                  (key) => (
                    <option key={key} value={key}>
                      {figureTitle(key)}
                    </option>
                  ),
                )}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          年度
          <select
            name="year"
            value={year === null ? '' : String(year)}
            onChange={(event) => update({ year: Number(event.currentTarget.value) })}
          >
            {(years ?? []).map((option) => (
              <option key={option} value={String(option)}>
                {option} 年
              </option>
            ))}
          </select>
        </label>
      </form>
      <nav class="corpus-breadcrumb" aria-label="区划层级">
        <ol>
          <li>
            <a href={routeHref({ ...route, region: null, agencies: false })}>全国</a>
          </li>
          {(region?.path ?? []).map((step) => (
            <li key={step.code}>
              <a
                href={routeHref({ ...route, region: step.code, agencies: false })}
                aria-current={step.code === region?.code && !route.agencies ? 'page' : undefined}
              >
                {step.name}
              </a>
            </li>
          ))}
          {route.agencies && <li aria-current="page">各机构</li>}
        </ol>
      </nav>
      <ErrorAlert error={error} />
      {years !== null && years.length === 0 && !error && (
        <p class="empty">账本中还没有含此数字的报告。</p>
      )}
      {loading && !error && year !== null && <p class="loading">正在加载…</p>}
      {view && !loading && year !== null && (
        <section class="corpus-view" data-loaded-for={view.loadedFor} aria-label={title}>
          <p class="corpus-summary">
            共 {view.totalCount} 份报告
            {view.tier === null && view.totalCount > view.items.length
              ? `，按数值列出前 ${view.items.length} 份`
              : ''}
            。{view.tier === null ? '点击机构打开其报告。' : '点击条形或行查看下一级。'}
            {view.tier !== null && (
              <a class="corpus-switch" href={routeHref({ ...route, year, agencies: true })}>
                列出{placeName}全部机构
              </a>
            )}
            {view.tier === null && route.agencies && tierBelow(region?.level ?? null) !== null && (
              <a class="corpus-switch" href={routeHref({ ...route, year, agencies: false })}>
                按下级区划查看
              </a>
            )}
          </p>
          {view.items.length === 0 ? (
            <p class="empty">此范围内没有 {year} 年的报告。</p>
          ) : (
            <div class="corpus-columns">
              <CorpusBarChart
                title={title}
                items={rankCorpusItems(view.items)}
                isIndicator={isIndicator}
              />
              <CorpusRankTable
                caption={`排名：${title}`}
                nameHeader={view.tier === null ? '机构' : TIER_ZH[view.tier]}
                valueHeader={view.tier === null ? '数值' : valueHeader}
                items={rankCorpusItems(view.items)}
                isIndicator={isIndicator}
              />
            </div>
          )}
          <p class="corpus-downloads">
            下载此视图：
            <a href={exportHref(route, year, view.tier, 'csv')} download>
              CSV（Excel）
            </a>
            <a href={exportHref(route, year, view.tier, 'jsonl')} download>
              JSON Lines
            </a>
            <span class="muted">空白与不可计算的报告排在最后（“—”）。</span>
          </p>
        </section>
      )}
    </main>
  );
}
