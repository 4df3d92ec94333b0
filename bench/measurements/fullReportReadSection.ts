// `BENCH_ONLY=fullReportRead npm run bench`: only the full-report read measurement
// (fullReportRead.ts) against the real server process, on its own database (a temporary embedded
// FerretDB, or MONGODB_URI), with a measured report imported and edited through the API as the
// full bench does; printed and written to bench/results/fullReportRead/. Also runs on its own:
// `BENCH_PROFILE=quick npx tsx bench/measurements/fullReportReadSection.ts`.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedger } from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { resolveDatabase } from '../../src/database/mongoUri';
import { reportIdFromInput } from '../../resolvers/globalId';
import { benchProfile, type BenchProfile } from '../benchProfile';
import { applyEdit, generateEdit } from '../generator/edits';
import { generateFigureValues } from '../generator/figureValues';
import { createRandom } from '../generator/prng';
import { tsvDocument } from '../generator/tsvDocument';
import { IMPORT_REPORT, SET_FIGURES } from '../queries';
import { graphqlClient, type GraphqlClient } from '../support/graphqlClient';
import {
  machineInfo,
  markdownTable,
  verdict,
  writeResults,
  type BenchResult,
} from '../support/resultTable';
import { startServerProcess, waitUntilSettled, type ServerProcess } from '../support/serverProcess';
import type { MeasuredReport } from './benchContext';
import { measureFullReportRead } from './fullReportRead';

export const FULL_REPORT_READ_SECTION = 'fullReportRead';

/** The measured report as the full bench makes it: imported, then edited `apiEdits` times. */
export async function measuredReport(
  api: GraphqlClient,
  token: string,
  profile: BenchProfile,
): Promise<MeasuredReport> {
  const agency = '基准测试目标机构';
  const year = 2024;
  const random = createRandom(profile.seed);
  let values = generateFigureValues(random, 90);
  const imported = await api.request<{
    importReport: { revision: number; report: { id: string } };
  }>(
    IMPORT_REPORT,
    {
      input: { document: tsvDocument(agency, year, values), agency, year, reason: '基准测试导入' },
    },
    token,
  );
  if (!imported.data) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const id = imported.data.importReport.report.id;
  let revision = imported.data.importReport.revision;
  const editedKey = 't2.licensing.decisions';
  for (let index = 0; index < profile.apiEdits; index++) {
    const edit = generateEdit(random, values);
    const changes = [
      ...edit.changes.filter((change) => change.key !== editedKey),
      { key: editedKey, value: String(1000 + index) },
    ];
    const response = await api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      { input: { reportId: id, expectedRevision: revision, changes, reason: edit.reason } },
      token,
    );
    if (!response.data) throw new Error(`setFigures failed: ${JSON.stringify(response.errors)}`);
    revision = response.data.setFigures.revision;
    values = applyEdit(values, { changes, reason: edit.reason });
  }
  const reportId = reportIdFromInput(id);
  if (!reportId) throw new Error(`unexpected report id ${id}`);
  return { id, reportId, agency, year, revision, midpoint: new Date(), editedKey };
}

export async function runFullReportReadSection(
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const dataDir = process.env.MONGODB_URI
    ? null
    : mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-db-'));
  const database = await resolveDatabase({ dataDir: dataDir ?? os.tmpdir(), progress: log });
  const databaseName = `bench_read_${Date.now().toString(36)}`;
  const ledger = await openLedger({ uri: database.uri, databaseName });
  let server: ServerProcess | null = null;
  try {
    const info = await ledger.db.admin().command({ buildInfo: 1 });
    const ferret = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : null;
    const dbInfo = ferret
      ? { kind: 'FerretDB (sqlite backend)', version: ferret }
      : { kind: 'MongoDB', version: typeof info.version === 'string' ? info.version : null };
    log(`bench: fullReportRead section, ${profile.name} profile on ${dbInfo.kind}`);
    const admin = await createToken(ledger.models.tokens, { name: 'bench', role: 'admin' });
    server = await startServerProcess({ uri: database.uri, databaseName });
    await waitUntilSettled(server);
    const api = graphqlClient(server.url);
    const report = await measuredReport(api, admin.token, profile);
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
      database: {
        ...dbInfo,
        uri: process.env.MONGODB_URI
          ? 'MONGODB_URI'
          : 'embedded FerretDB (temporary data directory)',
      },
      settings: {
        latencyRuns: profile.latencyRuns,
        autocannonSeconds: profile.autocannonSeconds,
        apiEditsOfMeasuredReport: profile.apiEdits,
        seed: profile.seed,
      },
      rows,
      notes: [],
    };
    const files = writeResults(path.join(__dirname, '..', 'results', 'fullReportRead'), result);
    process.stdout.write(markdownTable(result));
    const misses = rows.filter((row) => verdict(row) === 'MISS').length;
    process.stdout.write(
      `\n${misses} of ${rows.filter((row) => row.target).length} ratios miss their target. Written to ${files.markdown}\n`,
    );
  } finally {
    if (server) await server.stop();
    await ledger.db.dropDatabase().catch(() => undefined);
    await ledger.close();
    await database.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runFullReportReadSection(benchProfile(), (line) => process.stderr.write(`${line}\n`)).catch(
    (error: unknown) => {
      process.stderr.write(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
