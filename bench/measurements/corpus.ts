// `BENCH_ONLY=corpus npm run bench`: the corpus section. Loads a realistic corpus (agencies over
// real regions, 5 years) through the real event store, folds the stored events into a corpus
// index as they come back and writes its snapshot (what a server following the log writes),
// then starts a real server process and measures, per size: figureValues top 100 of one key and
// year, the same within one province, figureAggregates of one key by province for one year, the
// series of one agency, a changes page of 1,000, against a full-report GraphQL read on the same
// server; start-up (spawn to the first corpus answer, snapshot load included) and RSS.
// BENCH_CORPUS_SIZES (reports, comma-separated; default 10000,100000, quick 1000,10000).
import path from 'node:path';
import { openLedger } from '../../src/application/createLedger';
import { CorpusIndex } from '../../src/corpus/corpusIndex';
import { CorpusSnapshotStore } from '../../src/corpus/corpusSnapshotStore';
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import type { BenchProfile } from '../benchProfile';
import { corpusAgencies } from '../generator/corpusAgencies';
import { loadCorpusLedger } from '../generator/corpusLedger';
import { createRandom } from '../generator/prng';
import { FULL_REPORT } from '../queries';
import { startBenchDatabase } from '../support/benchDatabase';
import { graphqlClient, type GraphqlClient } from '../support/graphqlClient';
import {
  machineInfo,
  markdownTable,
  verdict,
  writeResults,
  type BenchResult,
  type BenchRow,
} from '../support/resultTable';
import { startServerProcess, waitUntilSettled, type ServerProcess } from '../support/serverProcess';
import { latencies, median, round } from '../support/stats';

const YEARS = [2020, 2021, 2022, 2023, 2024];
const KEY = 't3.newReceived.total';
const YEAR = 2024;

const QUERIES = {
  top100: `query($key: String!, $year: Int!) { figureValues(key: $key, filter: { year: $year }, orderBy: { by: VALUE, direction: DESC }, first: 100) { totalCount edges { cursor node { value year report { id } agency { name region { code name level } } } } } }`,
  province: `query($key: String!, $year: Int!, $region: String!) { figureValues(key: $key, filter: { year: $year, regionCode: $region }, orderBy: { by: VALUE, direction: DESC }, first: 100) { totalCount edges { cursor node { value year report { id } agency { name region { code name level } } } } } }`,
  aggregates: `query($key: String!, $year: Int!) { figureAggregates(keys: [$key], groupBy: [PROVINCE], filter: { year: $year }) { group { province { code name } } key reports withValue sum min max mean median } }`,
  series: `query($id: ID!, $key: String!) { node(id: $id) { ... on Agency { name series(keys: [$key], fromYear: 2020, toYear: 2024) { year value } } } }`,
  changes: `query($after: String) { changes(first: 1000, after: $after) { edges { cursor node { position type reportId revision recordedAt actor { name } } } pageInfo { hasNextPage endCursor } } }`,
};

type QueryName = keyof typeof QUERIES;

const LABELS: Record<QueryName, string> = {
  top100: 'figureValues top 100 of one key and year',
  province: 'figureValues top 100 within one province',
  aggregates: 'figureAggregates of one key by province for one year',
  series: 'series of one agency (5 years)',
  changes: 'changes page of 1,000',
};

interface SizeResult {
  reports: number;
  fullReport: number;
  medians: Record<QueryName, number>;
  startupSeconds: number;
  rssMiB: number | null;
  loadSeconds: number;
  snapshotSeconds: number;
  projectSeconds: number;
  settleSeconds: number;
}

function sizesOf(profile: BenchProfile): number[] {
  const raw = process.env.BENCH_CORPUS_SIZES?.trim();
  const sizes = raw
    ? raw.split(',').map((part) => Number(part.trim()))
    : profile.name === 'quick'
      ? [1000, 10_000]
      : [10_000, 100_000];
  if (sizes.some((size) => !Number.isInteger(size) || size < YEARS.length)) {
    throw new Error(`BENCH_CORPUS_SIZES: whole numbers of reports, got "${raw ?? ''}"`);
  }
  return sizes.sort((a, b) => a - b);
}

async function request(api: GraphqlClient, query: string, variables: Record<string, unknown>) {
  const response = await api.request(query, variables);
  if (response.errors.length > 0) throw new Error(JSON.stringify(response.errors).slice(0, 500));
  return response.data as Record<string, unknown>;
}

async function measureServer(
  uri: string,
  databaseName: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<Omit<SizeResult, 'reports' | 'loadSeconds' | 'snapshotSeconds' | 'projectSeconds'>> {
  const spawned = performance.now();
  const server: ServerProcess = await startServerProcess({
    uri,
    databaseName,
    env: { MAX_PAGE_SIZE: '1000', NIANBAO_SAMPLE_DATA: 'false' },
    timeoutMs: 600_000,
  });
  const listeningSeconds = (performance.now() - spawned) / 1000;
  try {
    const api = graphqlClient(server.url);
    // Start-up: until the first corpus answer (the index loads its snapshot on first use).
    const first = await request(api, QUERIES.top100, { key: KEY, year: YEAR });
    const startupSeconds = (performance.now() - spawned) / 1000;
    log(
      `  corpus: server listening after ${round(listeningSeconds, 1)} s, first corpus answer after ${round(startupSeconds, 1)} s`,
    );
    const edges = (first.figureValues as { edges: Array<{ node: { report: { id: string } } }> })
      .edges;
    const reportId = edges[0].node.report.id;
    const agencies = (await request(
      api,
      `query($id: ID!) { reportById(id: $id) { agency { id region { path { code } } } } }`,
      { id: reportId },
    )) as {
      reportById: { agency: { id: string; region: { path: Array<{ code: string }> } | null } };
    };
    const agencyId = agencies.reportById.agency.id;
    const province = agencies.reportById.agency.region?.path[0]?.code ?? '320000';
    // The server verifies the whole ledger once at start: measure after that, like the main bench.
    const settleStart = performance.now();
    await waitUntilSettled(server);
    const settleSeconds = (performance.now() - settleStart) / 1000;
    log(
      `  corpus: start-up verification settled ${round(settleSeconds, 1)} s after the first answer`,
    );
    const runs = profile.latencyRuns;
    const fullReport = median(
      await latencies(runs, 5, () => request(api, FULL_REPORT, { id: reportId })),
    );
    // Changes pages walk the log from the start, a different page each run.
    let after: string | null = null;
    const variables: Record<QueryName, () => Record<string, unknown>> = {
      top100: () => ({ key: KEY, year: YEAR }),
      province: () => ({ key: KEY, year: YEAR, region: province }),
      aggregates: () => ({ key: KEY, year: YEAR }),
      series: () => ({ id: agencyId, key: KEY }),
      changes: () => ({ after }),
    };
    const medians = {} as Record<QueryName, number>;
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      medians[name] = median(
        await latencies(runs, 3, async () => {
          const data = await request(api, QUERIES[name], variables[name]());
          if (name === 'changes') {
            const page = data.changes as { pageInfo: { hasNextPage: boolean; endCursor: string } };
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          }
        }),
      );
    }
    const rss = server.rssBytes();
    log(
      `  corpus: medians full report ${round(fullReport)} ms, ${(Object.keys(QUERIES) as QueryName[]).map((name) => `${name} ${round(medians[name])} ms`).join(', ')}`,
    );
    return {
      fullReport,
      medians,
      settleSeconds,
      startupSeconds,
      rssMiB: rss === null ? null : rss / 1024 ** 2,
    };
  } finally {
    await server.stop();
  }
}

function rowsOf(results: SizeResult[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const smallest = results[0];
  for (const result of results) {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      rows.push({
        name: `Corpus ${result.reports} reports: ${LABELS[name]} vs one full-report read, median`,
        measured: `${round(result.medians[name])} ms`,
        baseline: `${round(result.fullReport)} ms`,
        ratio: result.medians[name] / result.fullReport,
        target: { op: '<=', value: 3 },
      });
    }
    rows.push({
      name: `Corpus ${result.reports} reports: server start-up to the first corpus answer`,
      measured: `${round(result.startupSeconds, 1)} s`,
      baseline: '30 s',
      ratio: result.startupSeconds / 30,
      target: { op: '<=', value: 1 },
    });
    rows.push({
      name: `Corpus ${result.reports} reports: server RSS after the queries`,
      measured: result.rssMiB === null ? 'n/a' : `${round(result.rssMiB, 0)} MiB`,
      baseline: '1536 MiB',
      ratio: result.rssMiB === null ? null : result.rssMiB / 1536,
      target: { op: '<=', value: 1 },
    });
  }
  for (const result of results.slice(1)) {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      rows.push({
        name: `Corpus: ${LABELS[name]}, median at ${result.reports} vs ${smallest.reports} reports`,
        measured: `${round(result.medians[name])} ms`,
        baseline: `${round(smallest.medians[name])} ms`,
        ratio: result.medians[name] / smallest.medians[name],
        target: { op: '<=', value: 2 },
      });
    }
  }
  return rows;
}

export async function runCorpusSection(
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const sizes = sizesOf(profile);
  const database = await startBenchDatabase('bench_corpus', log);
  const { databaseName } = database;
  const ledger = await openLedger({ uri: database.uri, databaseName });
  const results: SizeResult[] = [];
  const notes: string[] = [];
  const writeSection = (measured: SizeResult[], lines: string[]) => {
    const result: BenchResult = {
      startedAt,
      profile: profile.name,
      machine: machineInfo(),
      database: {
        kind: 'corpus section',
        version: null,
        uri: process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded (temporary data directory)',
      },
      settings: { sizes: sizes.join(','), latencyRuns: profile.latencyRuns, seed: profile.seed },
      rows: rowsOf(measured),
      notes: lines,
    };
    return { result, files: writeResults(path.join(__dirname, '..', 'results', 'corpus'), result) };
  };
  try {
    const largest = sizes[sizes.length - 1];
    const agencies = corpusAgencies(Math.ceil(largest / YEARS.length), createRandom(profile.seed));
    // The index a server following the log would hold, folded from the stored events.
    const index = new CorpusIndex(chinaDivisions());
    let loaded = 0;
    for (const size of sizes) {
      const agencyCount = Math.ceil(size / YEARS.length);
      const loadStart = performance.now();
      const added = agencies.slice(Math.ceil(loaded / YEARS.length), agencyCount);
      await loadCorpusLedger(ledger.store, {
        agencies: added,
        years: YEARS,
        seed: profile.seed,
        editEvery: 10,
        onStored: (events) => index.apply(events),
        onProgress: (reports) => {
          if (reports % 5000 === 0) log(`  corpus: ${loaded + reports} of ${size} reports loaded`);
        },
      });
      loaded = index.reportCount;
      const loadSeconds = (performance.now() - loadStart) / 1000;
      // Read models (report pages, loaders) as a server would have projected them.
      const projectStart = performance.now();
      let shown = 0;
      await catchUpProjections(ledger.projection, {
        progress: (position, head) => {
          if (position - shown < 20_000 && position < head) return;
          shown = position;
          log(
            `  corpus: read models projected up to position ${position} of ${head} after ${round((performance.now() - projectStart) / 1000, 0)} s`,
          );
        },
      });
      const projectSeconds = (performance.now() - projectStart) / 1000;
      log(`bench: read models projected in ${round(projectSeconds, 0)} s`);
      const snapshotStart = performance.now();
      await new CorpusSnapshotStore(ledger.db).save(index.toSnapshot());
      const snapshotSeconds = (performance.now() - snapshotStart) / 1000;
      log(
        `bench: corpus of ${loaded} reports loaded in ${round(loadSeconds, 0)} s, snapshot ${round(snapshotSeconds, 1)} s`,
      );
      const measured = await measureServer(database.uri, databaseName, profile, log);
      results.push({ reports: loaded, loadSeconds, snapshotSeconds, projectSeconds, ...measured });
      notes.push(
        `Corpus of ${loaded} reports (${agencyCount} agencies over real GB/T 2260 regions, ${YEARS.length} years, one report in 10 edited): loaded through the event store's bulk path in ${round(loadSeconds, 0)} s; read models projected by the catch-up in ${round(projectSeconds, 0)} s; the corpus index snapshot written in ${round(snapshotSeconds, 1)} s; the server's start-up verification settled ${round(measured.settleSeconds, 1)} s after its first answer.`,
      );
      // Written after every size, so a run stopped at a larger one keeps what it measured.
      const pending = sizes.filter((other) => other > size);
      if (pending.length > 0)
        writeSection(results, [
          ...notes,
          `Not measured yet in this run: ${pending.join(', ')} reports.`,
        ]);
    }
    const { result, files } = writeSection(results, notes);
    process.stdout.write(markdownTable(result));
    const misses = result.rows.filter((row) => verdict(row) === 'MISS').length;
    process.stdout.write(
      `\n${misses} of ${result.rows.filter((row) => row.target).length} ratios miss their target. Written to ${files.markdown}\n`,
    );
  } finally {
    await ledger.db.dropDatabase().catch(() => undefined);
    await ledger.close();
    await database.stop();
  }
}
