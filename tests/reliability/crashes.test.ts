// Crashes: the real server (src/main.ts) runs as a child process under a write load and is
// killed with SIGKILL at a random moment, several rounds. After each restart every acknowledged
// write is in the log, verifyAll passes, and every read model equals a full rebuild from the log.
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { DERIVED_MODELS } from '../../models/readModels';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { applyEdit, generateEdit } from '../../bench/generator/edits';
import { createRandom } from '../../bench/generator/prng';
import { graphqlClient } from '../../bench/support/graphqlClient';
import { startServerProcess, type ServerProcess } from '../../bench/support/serverProcess';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { readReportStream } from './support/history';
import { reliabilityProfile } from './support/profile';
import { importSyntheticReport, SET_FIGURES, type ImportedReport } from './support/reportFixture';

const profile = reliabilityProfile();
const AGENCY = '示例县崩溃测试局';
const WRITERS = 4;

interface Acknowledged {
  report: ImportedReport;
  eventIds: string[];
  revision: number;
}

let database: TestDatabase;
let ledger: Ledger;
let server: ServerProcess | null = null;

beforeAll(async () => {
  database = await openTestDatabase('crashes');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
});

afterAll(async () => {
  if (server) await server.kill();
  await ledger?.close();
  await database?.drop();
});

function start(): Promise<ServerProcess> {
  return startServerProcess({ uri: database.uri, databaseName: database.name });
}

/** One writer: edits its report until the server goes away, recording what was acknowledged. */
async function writer(
  url: string,
  token: string,
  report: ImportedReport,
  seed: number,
  acknowledged: Acknowledged[],
): Promise<void> {
  const api = graphqlClient(url);
  const random = createRandom(seed);
  for (;;) {
    const edit = generateEdit(random, report.values);
    let response;
    try {
      response = await api.request<{
        setFigures: { revision: number; changes: Array<{ eventId: string }> };
      }>(
        SET_FIGURES,
        {
          input: {
            reportId: report.id,
            expectedRevision: report.revision,
            changes: edit.changes,
            reason: edit.reason,
          },
        },
        token,
      );
    } catch {
      return; // The server was killed: this write is unacknowledged (it may or may not be stored).
    }
    if (response.data) {
      report.revision = response.data.setFigures.revision;
      report.values = applyEdit(report.values, edit);
      const eventIds = [
        ...new Set(response.data.setFigures.changes.map((change) => change.eventId)),
      ];
      // An edit that changes nothing is acknowledged without an event.
      if (eventIds.length > 0) acknowledged.push({ report, eventIds, revision: report.revision });
    } else if (response.status >= 500 || response.code !== 'CONFLICT') {
      throw new Error(
        `unexpected answer to a write: ${response.status} ${JSON.stringify(response.errors)}`,
      );
    } else {
      // CONFLICT after a crash: an unacknowledged write was stored; continue from the truth.
      const stream = await readReportStream(ledger, report.id);
      report.revision = stream[stream.length - 1].revision;
    }
  }
}

type Snapshot = Record<string, unknown[]>;

/** Every derived read model (snapshots aside: when they are taken is an optimisation). */
async function readModels(): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const name of DERIVED_MODELS) {
    if (name === 'snapshots') continue;
    snapshot[name] = await ledger.models[name].collection.find({}).sort({ _id: 1 }).toArray();
  }
  return snapshot;
}

describe(`server killed with SIGKILL under write load (${profile.crashRounds} rounds)`, () => {
  it('keeps every acknowledged write, a valid chain, and projections equal to a rebuild', async () => {
    const admin = await createToken(ledger.models.tokens, { name: 'crash admin', role: 'admin' });
    server = await start();
    const reports: ImportedReport[] = [];
    for (let index = 0; index < WRITERS; index++) {
      reports.push(
        await importSyntheticReport(graphqlClient(server.url), admin.token, {
          agency: AGENCY,
          year: 2021 + index,
          seed: 40 + index,
        }),
      );
    }
    const acknowledged: Acknowledged[] = [];
    const random = createRandom(99);

    for (let round = 0; round < profile.crashRounds; round++) {
      if (!server) server = await start();
      const url = server.url;
      const writers = reports.map((report, index) =>
        writer(url, admin.token, report, round * 100 + index, acknowledged),
      );
      await new Promise((resolve) => setTimeout(resolve, random.int(300, 2500)));
      await server.kill();
      server = null;
      await Promise.all(writers);

      // Restart: the server catches up projections left behind, then serves.
      server = await start();
      for (const ack of acknowledged) {
        const stream = await readReportStream(ledger, ack.report.id);
        const stored = stream.filter((event) => ack.eventIds.includes(event.eventId));
        expect(stored.map((event) => event.eventId).sort()).toEqual([...ack.eventIds].sort());
        expect(Math.max(...stored.map((event) => event.revision))).toBe(ack.revision);
      }
      const verified = await ledger.store.verifyAll();
      expect(verified).toMatchObject({ ok: true, failures: [] });

      // Stop cleanly (no writes in flight), then compare the read models with a full rebuild.
      await server.stop();
      server = null;
      // Every report's read model is at its stream's last revision (the clearest message when a
      // projection was left behind; the full comparison follows).
      const checkpoint = await ledger.models.checkpoints.collection.findOne({
        _id: 'projections',
      } as never);
      const lagging: string[] = [];
      for (const report of reports) {
        const stream = await readReportStream(ledger, report.id);
        const last = stream[stream.length - 1];
        const model = await ledger.models.reports.collection.findOne(
          { _id: last.streamId.replace(/^report-/, '') } as never,
          { projection: { revision: 1 } },
        );
        if (model?.revision !== last.revision) {
          lagging.push(
            `round ${round}: ${last.streamId} read model at revision ${String(model?.revision)}, log at ${last.revision} (position ${last.position}); projections checkpoint ${String(checkpoint?.position)}`,
          );
        }
      }
      expect(lagging).toEqual([]);
      const incremental = await readModels();
      await rebuildProjections(ledger.projection);
      expect(await readModels()).toEqual(incremental);
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    process.stdout.write(
      `crash test: ${profile.crashRounds} SIGKILL rounds, ${acknowledged.length} acknowledged writes checked after each restart\n`,
    );
  });
});
