// Three server processes on one data directory (one embedded database, found through its
// announcement: src/database/mongoUri.ts) under concurrent edits of the same reports. On
// FerretDB 1.24 updates are not atomic (a conditional replace can have several winners), so a
// read model guarded by one could go back in revision. Proves that none does: every process's
// API and the stored read models are sampled while the edits run, and no sampled revision is
// ever lower than one sampled before it; afterwards every read model equals a full rebuild.
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { DERIVED_MODELS } from '../../models/readModels';
import { reportIdFromInput } from '../../resolvers/globalId';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { findReportDocument } from '../../src/projections/storedReport';
import { applyEdit, generateEdit } from '../../bench/generator/edits';
import { createRandom } from '../../bench/generator/prng';
import { graphqlClient, type GraphqlClient } from '../../bench/support/graphqlClient';
import { startServerProcess, type ServerProcess } from '../../bench/support/serverProcess';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { readReportStream } from './support/history';
import { importSyntheticReport, SET_FIGURES, type ImportedReport } from './support/reportFixture';

const AGENCY = '示例县多进程测试局';
const PROCESSES = 3;
const REPORTS = 1;
const WRITERS_PER_PROCESS = 3;
const EDITS_PER_WRITER = 20;
const REVISION = `query Revision($id: ID!) { reportById(id: $id) { revision figures { key value } } }`;

let database: TestDatabase;
let ledger: Ledger;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  const dataDir = process.env.NIANBAO_TEST_DATA_DIR;
  if (!dataDir) throw new Error('NIANBAO_TEST_DATA_DIR is not set: run through jest');
  database = await openTestDatabase('multi_process');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  // No MONGODB_URI: each process resolves the database from the shared data directory.
  const env = {
    MONGODB_URI: '',
    NIANBAO_DATA_DIR: dataDir,
    NIANBAO_SAMPLE_DATA: 'false',
  };
  for (let index = 0; index < PROCESSES; index++) {
    servers.push(await startServerProcess({ uri: '', databaseName: database.name, env }));
  }
}, 300_000);

afterAll(async () => {
  for (const server of servers) await server.kill().catch(() => undefined);
  await ledger?.close();
  await database?.drop();
});

interface Target {
  report: ImportedReport;
  /** What this writer last knew of the report (refreshed on CONFLICT). */
  revision: number;
}

/** Edits the reports in turn through one process; a CONFLICT reloads the revision there. */
async function writer(api: GraphqlClient, token: string, reports: ImportedReport[], seed: number) {
  const random = createRandom(seed);
  const targets: Target[] = reports.map((report) => ({ report, revision: report.revision }));
  let acknowledged = 0;
  for (let edit = 0; edit < EDITS_PER_WRITER; edit++) {
    const target = targets[edit % targets.length];
    const change = generateEdit(random, target.report.values);
    const response = await api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId: target.report.id,
          expectedRevision: target.revision,
          changes: change.changes,
          reason: change.reason,
        },
      },
      token,
    );
    if (response.data) {
      acknowledged++;
      target.revision = response.data.setFigures.revision;
      target.report.values = applyEdit(target.report.values, change);
      continue;
    }
    // CONFLICT: a figure it changes was changed since. BAD_USER_INPUT: the edit was computed
    // from values other writers have moved on from (e.g. a count that would go negative),
    // which edits of other figures no longer turn into a CONFLICT. Either way: reload, go on.
    if (response.code !== 'CONFLICT' && response.code !== 'BAD_USER_INPUT') {
      throw new Error(`unexpected answer: ${response.status} ${JSON.stringify(response.errors)}`);
    }
    const current = await api.request<{
      reportById: { revision: number; figures: Array<{ key: string; value: string | null }> };
    }>(REVISION, { id: target.report.id });
    target.revision = current.data!.reportById.revision;
    target.report.values = Object.fromEntries(
      current.data!.reportById.figures.map((figure) => [figure.key, figure.value]),
    ) as typeof target.report.values;
  }
  return acknowledged;
}

/** Revisions seen by one observer of one report, in the order it saw them. */
type Samples = Map<string, number[]>;

function record(samples: Samples, observer: string, revision: number): void {
  const seen = samples.get(observer) ?? [];
  seen.push(revision);
  samples.set(observer, seen);
}

/** Samples every process's API and the stored read models until `done` settles. */
async function sampleRevisions(reports: ImportedReport[], done: Promise<unknown>) {
  const samples: Samples = new Map();
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const apis = servers.map((server) => graphqlClient(server.url));
  while (!finished) {
    for (const report of reports) {
      const reportId = reportIdFromInput(report.id)!;
      const stored = await findReportDocument(ledger.models, reportId);
      record(samples, `stored ${reportId}`, stored!.revision);
      for (const [index, api] of apis.entries()) {
        const response = await api.request<{ reportById: { revision: number } }>(REVISION, {
          id: report.id,
        });
        record(samples, `process ${index} ${reportId}`, response.data!.reportById.revision);
      }
    }
  }
  return samples;
}

function wentBack(samples: Samples): string[] {
  const problems: string[] = [];
  for (const [observer, revisions] of samples) {
    for (let index = 1; index < revisions.length; index++) {
      if (revisions[index] < revisions[index - 1]) {
        problems.push(`${observer}: ${revisions[index - 1]} then ${revisions[index]}`);
      }
    }
  }
  return problems;
}

async function readModels(): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of DERIVED_MODELS) {
    if (name === 'snapshots') continue; // when they are taken is an optimisation
    dump[name] = await ledger.models[name].collection.find({}).sort({ _id: 1 }).toArray();
  }
  return dump;
}

describe(`${PROCESSES} server processes on one data directory (integration)`, () => {
  it('given concurrent edits through every process, then no read model goes back in revision and all equal a rebuild', async () => {
    const admin = await createToken(ledger.models.tokens, { name: '多进程', role: 'admin' });
    const reports: ImportedReport[] = [];
    for (let index = 0; index < REPORTS; index++) {
      reports.push(
        await importSyntheticReport(graphqlClient(servers[index % PROCESSES].url), admin.token, {
          agency: AGENCY,
          year: 2022 + index,
          seed: 70 + index,
        }),
      );
    }

    // When every process writes to the same reports at once…
    const writers = Promise.all(
      servers.flatMap((server, processIndex) =>
        Array.from({ length: WRITERS_PER_PROCESS }, (_, index) =>
          writer(graphqlClient(server.url), admin.token, reports, processIndex * 10 + index),
        ),
      ),
    );
    const [acknowledged, samples] = await Promise.all([writers, sampleRevisions(reports, writers)]);

    // …then no observer ever saw a revision lower than one it saw before.
    expect(acknowledged.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(wentBack(samples)).toEqual([]);
    expect([...samples.values()].every((revisions) => revisions.length > 1)).toBe(true);

    // Stopped cleanly (each process rewrites what it left behind), every read model is at its
    // stream's head and equals a full rebuild from the log.
    for (const server of servers) await server.stop();
    servers.length = 0;
    for (const report of reports) {
      const stream = await readReportStream(ledger, report.id);
      const head = stream[stream.length - 1].revision;
      const reportId = reportIdFromInput(report.id)!;
      const stored = await ledger.models.reports.collection.findOne({ _id: reportId } as never, {
        projection: { revision: 1 },
      });
      expect({ reportId, revision: stored?.revision }).toEqual({ reportId, revision: head });
    }
    const incremental = await readModels();
    await rebuildProjections(ledger.projection);
    expect(await readModels()).toEqual(incremental);
  });
});
