// `BENCH_ONLY=fullReportRead npm run bench`: only the full-report read measurement
// (fullReportRead.ts) against the real server process, on its own database (a temporary embedded
// FerretDB, or MONGODB_URI), with a measured report imported and edited through the API as the
// full bench does; printed and written to bench/results/fullReportRead/. Also runs on its own:
// `BENCH_PROFILE=quick npx tsx bench/measurements/fullReportReadSection.ts`.
import 'reflect-metadata';
import path from 'node:path';
import { openLedger } from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { benchProfile, type BenchProfile } from '../benchProfile';
import { startBenchDatabase } from '../support/benchDatabase';
import { databaseInfo, resultDatabase } from '../support/databaseInfo';
import { graphqlClient } from '../support/graphqlClient';
import { publishResult } from '../support/publishResult';
import { machineInfo, type BenchResult } from '../support/resultTable';
import { runScript } from '../support/runScript';
import { startServerProcess, waitUntilSettled, type ServerProcess } from '../support/serverProcess';
import { measureFullReportRead } from './fullReportRead';
import { createMeasuredReport } from './measuredReport';

export const FULL_REPORT_READ_SECTION = 'fullReportRead';

export async function runFullReportReadSection(
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const database = await startBenchDatabase('bench_read', log);
  const { databaseName } = database;
  const ledger = await openLedger({ uri: database.uri, databaseName });
  let server: ServerProcess | null = null;
  try {
    const dbInfo = await databaseInfo(ledger.db.admin());
    log(`bench: fullReportRead section, ${profile.name} profile on ${dbInfo.kind}`);
    const admin = await createToken(ledger.models.tokens, { name: 'bench', role: 'admin' });
    server = await startServerProcess({ uri: database.uri, databaseName });
    await waitUntilSettled(server);
    const api = graphqlClient(server.url);
    const report = await createMeasuredReport(api, admin.token, profile);
    log(`bench: measured report at revision ${report.revision}`);
    const rows = await measureFullReportRead({
      profile,
      uri: database.uri,
      databaseName,
      ledger,
      server,
      api,
      token: admin.token,
      report,
    });
    const result: BenchResult = {
      startedAt,
      profile: `${profile.name} (BENCH_ONLY=${FULL_REPORT_READ_SECTION})`,
      machine: machineInfo(),
      database: resultDatabase(dbInfo),
      settings: {
        latencyRuns: profile.latencyRuns,
        autocannonSeconds: profile.autocannonSeconds,
        apiEditsOfMeasuredReport: profile.apiEdits,
        seed: profile.seed,
      },
      rows,
      notes: [],
    };
    publishResult(path.join(__dirname, '..', 'results', 'fullReportRead'), result);
  } finally {
    if (server) await server.stop();
    await ledger.db.dropDatabase().catch(() => undefined);
    await ledger.close();
    await database.stop();
  }
}

if (require.main === module) {
  runScript(() =>
    runFullReportReadSection(benchProfile(), (line) => process.stderr.write(`${line}\n`)),
  );
}
