// Import parse speed on the shared corpus (pure importer, no database): reports per second;
// and the folder import as `cli import` runs it, against insertMany of what it stored.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openLedger } from '../../src/application/createLedger';
import { ReportBatchImporter } from '../../src/application/importReportBatch';
import { localAdminPrincipal } from '../../src/auth/principal';
import {
  collectDocumentPaths,
  reportImporterFromService,
  runImportCommandWith,
} from '../../src/cli/importCommand';
import { importDocument } from '../../src/domain/importer/importDocument';
import type { BenchRow } from '../support/resultTable';
import { round } from '../support/stats';
import { REPO_ROOT } from '../support/serverProcess';

export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
const PRINCIPAL = localAdminPrincipal('bench folder import');

export function measureImportSpeed(rounds: number): BenchRow[] {
  if (!existsSync(CORPUS_DIR)) {
    return [
      {
        name: 'Import parse speed on the corpus',
        measured: 'skipped',
        baseline: `corpus not found at ${CORPUS_DIR}`,
        ratio: null,
        target: null,
      },
    ];
  }
  const documents = readdirSync(CORPUS_DIR)
    .filter((file) => /\.(txt|md|html)$/.test(file))
    .map((file) => readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
  for (const document of documents) importDocument(document); // warm
  const start = performance.now();
  for (let round = 0; round < rounds; round++)
    for (const document of documents) importDocument(document);
  const seconds = (performance.now() - start) / 1000;
  const count = documents.length * rounds;
  return [
    {
      name: `Import parse speed on the corpus (${documents.length} documents × ${rounds})`,
      measured: `${round(count / seconds, 1)} reports/s`,
      baseline: `${round((seconds * 1000) / count, 1)} ms per report`,
      ratio: null,
      target: null,
    },
  ];
}

/**
 * `cli import <corpus folder>` as the local CLI runs it (the bulk path: parse, decide, one
 * appendToStreams call, one projection of the batch) on a fresh database, against a driver
 * insertMany of the very commit documents it stored, into a scratch collection of the same
 * database, in events per second.
 */
export async function measureFolderImport(
  uri: string,
  databaseName: string,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const name = 'cli import of the corpus folder (bulk path: parse, append, project)';
  if (!existsSync(CORPUS_DIR)) {
    return [
      {
        name,
        measured: 'skipped',
        baseline: `corpus not found at ${CORPUS_DIR}`,
        ratio: null,
        target: null,
      },
    ];
  }
  const ledger = await openLedger({ uri, databaseName: `${databaseName}_import` });
  try {
    const files = await collectDocumentPaths([CORPUS_DIR]);
    const batch = new ReportBatchImporter(
      ledger.projection,
      ledger.store,
      (who, input, meta) => ledger.services.importReport(who, input, meta),
      { parseDocument: importDocument },
    );
    const importer = reportImporterFromService(
      (input) => ledger.services.importReport(PRINCIPAL, input),
      () => 0,
      (inputs) => batch.importReports(PRINCIPAL, inputs),
    );
    const silent = { write: () => true };
    let start = performance.now();
    const code = await runImportCommandWith(
      [CORPUS_DIR, '--reason', '基准测试导入'],
      { stdout: silent, stderr: silent },
      importer,
    );
    const importSeconds = (performance.now() - start) / 1000;
    if (code !== 0) log(`  folder import exited ${code} (some documents failed)`);
    const commits = await ledger.db.collection('eventCommits').find({}).toArray();
    const events = commits.reduce((sum, commit) => sum + (commit.events as unknown[]).length, 0);
    const reports = commits.filter((commit) =>
      String(commit.streamId).startsWith('report-'),
    ).length;
    const scratch = ledger.db.collection('bench_import_insertMany');
    start = performance.now();
    await scratch.insertMany(commits, { ordered: true });
    const insertSeconds = (performance.now() - start) / 1000;
    const importRate = events / importSeconds;
    const insertRate = events / insertSeconds;
    return [
      {
        name: `${name} vs driver insertMany of the same commit documents (${files.length} documents, ${reports} report commits, ${events} events), events/s`,
        measured: `${round(importRate, 1)} events/s (${round(files.length / importSeconds, 1)} documents/s, ${round(importSeconds, 1)} s)`,
        baseline: `${round(insertRate, 0)} events/s (${round(insertSeconds * 1000, 0)} ms)`,
        ratio: importRate / insertRate,
        target: null,
      },
    ];
  } finally {
    await ledger.db.dropDatabase().catch(() => undefined);
    await ledger.close();
  }
}
