// Full report read through GraphQL over HTTP vs the raw driver's findOne of the same read-model
// document; then autocannon at 32 connections on the same query, sampling the server's RSS.
import autocannon from 'autocannon';
import type { BenchRow } from '../support/resultTable';
import { latencies, median, round } from '../support/stats';
import { FULL_REPORT } from '../queries';
import type { BenchContext } from './benchContext';

export async function measureFullReportRead(context: BenchContext): Promise<BenchRow[]> {
  const { api, ledger, report, profile } = context;
  const probe = await api.request<{ reportById: { figures: unknown[] } }>(FULL_REPORT, {
    id: report.id,
  });
  if (!probe.data) throw new Error(`full report query failed: ${JSON.stringify(probe.errors)}`);
  const graphql = await latencies(profile.latencyRuns, 5, async () => {
    const response = await api.request(FULL_REPORT, { id: report.id });
    if (response.errors.length > 0) throw new Error(JSON.stringify(response.errors));
  });
  const collection = ledger.models.reports.collection;
  const raw = await latencies(profile.latencyRuns, 5, () =>
    collection.findOne({ _id: report.reportId } as never),
  );
  const graphqlMedian = median(graphql);
  const rawMedian = median(raw);

  const rss: number[] = [];
  const sampler = setInterval(() => {
    const bytes = context.server.rssBytes();
    if (bytes !== null) rss.push(bytes);
  }, 250);
  const idle = context.server.rssBytes();
  const load = await autocannon({
    url: context.server.url,
    connections: 32,
    duration: profile.autocannonSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FULL_REPORT, variables: { id: report.id } }),
  });
  clearInterval(sampler);
  const peak = rss.length > 0 ? Math.max(...rss) : null;
  const mib = (bytes: number | null): string =>
    bytes === null ? 'n/a' : `${round(bytes / 1024 ** 2, 0)} MiB`;

  return [
    {
      name: 'Full report read (200 figures, rules, last changes): GraphQL/HTTP vs driver findOne, median latency',
      measured: `GraphQL ${round(graphqlMedian)} ms`,
      baseline: `findOne ${round(rawMedian)} ms`,
      ratio: graphqlMedian / rawMedian,
      target: { op: '<=', value: 3 },
    },
    {
      name: 'Full report read under load: autocannon, 32 connections',
      measured: `${round(load.requests.average, 1)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms`,
      baseline: `${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`,
      ratio: null,
      target: null,
      note: `${load.requests.total} requests completed in ${load.duration} s`,
    },
    {
      name: 'Server RSS under the read load',
      measured: `peak ${mib(peak)}`,
      baseline: `before load ${mib(idle)}`,
      ratio: null,
      target: null,
    },
  ];
}
