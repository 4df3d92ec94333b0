// The list of reports, filtered by year, agency and rule failures.
import { useEffect, useState } from 'preact/hooks';
import { fetchAgencies, fetchReports } from '../api/documents';
import { ApiError } from '../api/graphqlClient';
import type { Agency, ReportSummary } from '../api/types';
import { navigate, routeHref, type Route } from '../state/route';
import { ErrorAlert } from './ErrorAlert';

export interface ReportListProps {
  route: Extract<Route, { name: 'list' }>;
}

const PAGE_SIZE = 50;

/**
 * 全部通过 only when the API says the rules were assessed and passed: a report none of whose
 * rules could be judged (NOT_ASSESSABLE, e.g. the 2019 template) is 不适用, an unknown status —.
 */
function RuleStatusCell({ report }: { report: ReportSummary }) {
  if (report.failedRuleCount > 0 || report.ruleStatus === 'FAILED') {
    return (
      <td class="rules-failed" data-rule-status="FAILED">
        {report.failedRuleCount > 0 ? `${report.failedRuleCount} 项未通过` : '未通过'}
      </td>
    );
  }
  if (report.ruleStatus === 'PASSED') {
    return (
      <td class="rules-ok" data-rule-status="PASSED">
        全部通过
      </td>
    );
  }
  if (report.ruleStatus === 'NOT_ASSESSABLE') {
    return (
      <td class="rules-na" data-rule-status="NOT_ASSESSABLE" title="没有一项勾稽规则可判断">
        不适用
      </td>
    );
  }
  return (
    <td class="rules-unknown" data-rule-status="UNKNOWN" title="服务器未给出勾稽检查结果">
      —<span class="visually-hidden">未知</span>
    </td>
  );
}

export function ReportList({ route }: ReportListProps) {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNextPage, setHasNextPage] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** The filter the shown rows were loaded with (the route may already ask for another). */
  const [loadedFilter, setLoadedFilter] = useState<string>('');

  useEffect(() => {
    fetchAgencies()
      .then(setAgencies)
      .catch(() => setAgencies([]));
  }, []);

  const filterKey = `year=${route.year ?? ''};agency=${route.agency};failed=${route.failedOnly ? 1 : 0}`;
  const load = async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchReports(
        {
          ...(route.year !== null ? { year: route.year } : {}),
          ...(route.agency ? { agency: route.agency } : {}),
          ...(route.failedOnly ? { hasFailedRules: true } : {}),
        },
        PAGE_SIZE,
        after,
      );
      setReports((previous) => (after && previous ? [...previous, ...page.reports] : page.reports));
      setLoadedFilter(filterKey);
      setEndCursor(page.endCursor);
      setHasNextPage(page.hasNextPage);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.code === 'UNAUTHENTICATED'
          ? '此服务要求令牌才能读取报告，请在页面顶部粘贴令牌。'
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setReports(null);
    void load(null);
  }, [route.year, route.agency, route.failedOnly]);

  const update = (patch: Partial<Extract<Route, { name: 'list' }>>) =>
    navigate({ ...route, ...patch }, true);
  // Rule failures are also filtered here, in case the server ignores the filter for a page.
  const shown = (reports ?? []).filter((report) => !route.failedOnly || report.failedRuleCount > 0);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2018 }, (_, index) => thisYear - index);

  return (
    <main id="main" tabIndex={-1} class="report-list">
      <h1>政府信息公开工作年度报告</h1>
      <form class="filters" aria-label="筛选报告" onSubmit={(event) => event.preventDefault()}>
        <label>
          年度
          <select
            name="year"
            value={route.year === null ? '' : String(route.year)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              update({ year: value ? Number(value) : null });
            }}
          >
            <option value="">全部年度</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {year} 年
              </option>
            ))}
          </select>
        </label>
        <label>
          机构
          <select
            name="agency"
            value={route.agency}
            onChange={(event) => update({ agency: event.currentTarget.value })}
          >
            <option value="">全部机构</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.name}>
                {agency.name}
              </option>
            ))}
          </select>
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            name="failed"
            checked={route.failedOnly}
            onChange={(event) => update({ failedOnly: event.currentTarget.checked })}
          />
          只看勾稽关系未通过的报告
        </label>
      </form>
      <ErrorAlert error={error && `无法读取报告列表：${error}`} />
      {reports === null && !error && <p role="status">正在读取…</p>}
      {reports !== null && (
        <table
          class="reports-table"
          data-filter={loadedFilter}
          aria-busy={loading ? 'true' : undefined}
        >
          <caption>
            共 {shown.length} 份报告{hasNextPage ? '（还有更多）' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">机构</th>
              <th scope="col">年度</th>
              <th scope="col">修订号</th>
              <th scope="col">勾稽关系</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((report) => (
              <tr key={report.id} data-report-id={report.id}>
                <th scope="row">
                  <a
                    href={routeHref({
                      name: 'report',
                      id: report.id,
                      revision: null,
                      figure: null,
                    })}
                  >
                    {report.agency.name}
                  </a>
                  {report.agency.sample && <span class="sample-badge">示例数据</span>}
                </th>
                <td>{report.year}</td>
                <td>{report.revision}</td>
                <RuleStatusCell report={report} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hasNextPage && (
        <button type="button" disabled={loading} onClick={() => void load(endCursor)}>
          {loading ? '正在读取…' : '加载更多'}
        </button>
      )}
    </main>
  );
}
