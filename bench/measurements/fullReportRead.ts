// Full report read through GraphQL over HTTP vs the raw driver's findOne of the same read-model
// document; then autocannon at 32 connections on the same query, sampling the server's RSS, and
// the same load against the limit: a minimal Node HTTP server (its own process, like the real
// one) answering every request with the same response body, prebuilt.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchRow } from '../support/resultTable';
import { latencies, median, round } from '../support/stats';
import { FULL_REPORT } from '../queries';
import type { BenchContext } from './benchContext';

const MINIMAL_SERVER = `
const body = require('node:fs').readFileSync(process.argv[1]);
const server = require('node:http').createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port ' + server.address().port + '\\n'));
`;

/** Runs `load` against a minimal HTTP server that answers with `body`; stops it after. */
async function withMinimalServer<T>(body: string, load: (url: string) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-http-'));
  const file = path.join(directory, 'body.json');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', MINIMAL_SERVER, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /port (\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`minimal server exited (${code})`)));
    });
    return await load(`http://127.0.0.1:${port}/graphql`);
  } finally {
    child.kill('SIGTERM');
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The server's response-cache lookups so far, by result (from its /metrics). */
async function cacheLookups(origin: string): Promise<Record<string, number>> {
  const text = await fetch(`${origin}/metrics`).then((response) => response.text());
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(
    /^graphql_response_cache_lookups_total\{result="(\w+)"\} (\d+)/gm,
  )) {
    counts[match[1]] = Number(match[2]);
  }
  return counts;
}

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
  const request = {
    connections: 32,
    duration: profile.autocannonSeconds,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FULL_REPORT, variables: { id: report.id } }),
  };
  const lookupsBefore = await cacheLookups(context.server.origin);
  const load = await autocannon({ url: context.server.url, ...request });
  const lookupsAfter = await cacheLookups(context.server.origin);
  const lookups = ['hit', 'miss', 'stale']
    .map((result) => `${result} ${(lookupsAfter[result] ?? 0) - (lookupsBefore[result] ?? 0)}`)
    .join(', ');
  clearInterval(sampler);
  const prebuilt = await fetch(context.server.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  }).then((response) => response.text());
  const limit = await withMinimalServer(prebuilt, (url) => autocannon({ url, ...request }));
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
      note: `${load.requests.total} requests completed in ${load.duration} s; response cache lookups during the load: ${lookups}`,
    },
    {
      name: 'Full report read at 32 connections: GraphQL server vs a minimal Node HTTP server returning the same prebuilt JSON, throughput',
      measured: `${round(load.requests.average, 1)} req/s (p99 ${load.latency.p99} ms)`,
      baseline: `${round(limit.requests.average, 1)} req/s (p99 ${limit.latency.p99} ms)`,
      ratio: load.requests.average / limit.requests.average,
      target: { op: '>=', value: 0.3 },
      note: `response body ${round(Buffer.byteLength(prebuilt) / 1024, 1)} KiB`,
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
