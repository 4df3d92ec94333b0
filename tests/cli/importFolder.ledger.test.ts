// `cli import <folder>` through the ledger's bulk path (src/application/importReportBatch.ts),
// against the one-document-at-a-time path on a second database: the same summary, progress
// lines, exit code and events; new reports appended together by appendToStreams; a second
// document of a report and the re-run going through the per-report re-import.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reportIdFor, reportStreamId } from '../../events/report/ids';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { ReportBatchImporter } from '../../src/application/importReportBatch';
import { localAdminPrincipal } from '../../src/auth/principal';
import { reportImporterFromService, runImportCommandWith } from '../../src/cli/importCommand';
import type { ReportImporter } from '../../src/cli/reportImporter';
import { importDocument } from '../../src/domain/importer/importDocument';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { rulesOf } from '../../src/projections/reportRules';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { SHARED_CORPUS_DIR, sharedFilePresent } from '../support/sharedCorpus';
import { bufferedIo } from './cliTestIo';

const DOCUMENTS = [
  '2024_pingluo-xian-shenpiju_seed.md',
  '2022_pingtan-zonghe-shiyanqu_flattened.txt',
  // The same report twice: the second is a re-import of the report the first creates.
  '2024_huaian-shi_pdftotext-layout.txt',
  '2024_huaian-shi_pdftotext-raw.txt',
];
const haveCorpus = DOCUMENTS.every((name) =>
  sharedFilePresent('bulk folder import tests', path.join(SHARED_CORPUS_DIR, name)),
);
const describeWithCorpus = haveCorpus ? describe : describe.skip;

const principal = localAdminPrincipal('bulk import test');
const failedRules = (report: ReportReadDocument) =>
  rulesOf(report).filter((rule) => rule.status === 'failed').length;

function oneByOne(ledger: Ledger): ReportImporter {
  return reportImporterFromService(
    (input) => ledger.services.importReport(principal, input),
    failedRules,
  );
}

function inBulk(ledger: Ledger): ReportImporter {
  const batch = new ReportBatchImporter(
    ledger.projection,
    ledger.store,
    (who, input, meta) => ledger.services.importReport(who, input, meta),
    { parseDocument: importDocument },
  );
  return reportImporterFromService(
    (input) => ledger.services.importReport(principal, input),
    failedRules,
    (inputs) => batch.importReports(principal, inputs),
  );
}

async function run(folder: string, importer: ReportImporter, extra: string[] = []) {
  const io = bufferedIo();
  const code = await runImportCommandWith([folder, '--reason', '批量导入', ...extra], io, importer);
  return { code, out: io.out(), err: io.err() };
}

describeWithCorpus('cli import of a folder through the bulk path (integration)', () => {
  let bulkDatabase: TestDatabase;
  let singleDatabase: TestDatabase;
  let bulk: Ledger;
  let single: Ledger;
  let folder: string;

  beforeAll(async () => {
    bulkDatabase = await openTestDatabase('cli_bulk');
    singleDatabase = await openTestDatabase('cli_single');
    bulk = await openLedger({ uri: bulkDatabase.uri, databaseName: bulkDatabase.name });
    single = await openLedger({ uri: singleDatabase.uri, databaseName: singleDatabase.name });
    folder = await mkdtemp(path.join(tmpdir(), 'nianbao-bulk-'));
    for (const name of DOCUMENTS) {
      await copyFile(path.join(SHARED_CORPUS_DIR, name), path.join(folder, name));
    }
    await writeFile(path.join(folder, 'notes.txt'), '会议纪要：本周没有要导入的内容。\n');
  });

  afterAll(async () => {
    await bulk?.close();
    await single?.close();
    await bulkDatabase?.drop();
    await singleDatabase?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const commits = (ledger: Ledger) => ledger.db.collection('eventCommits').countDocuments();
  const huaian = reportStreamId(reportIdFor('淮安市人民政府', 2024));

  it('given a folder of new reports, a second document of one and an unreadable file, when imported through the bulk path, then the output and the log are those of the one-at-a-time path, and the new reports are appended by one appendToStreams call', async () => {
    const appendMany = jest.spyOn(bulk.store, 'appendToStreams');
    const appendOne = jest.spyOn(bulk.store, 'appendToStream');

    const expected = await run(folder, oneByOne(single));
    const actual = await run(folder, inBulk(bulk));

    expect(actual.code).toBe(expected.code);
    expect(actual.code).toBe(1);
    expect(actual.out).toBe(expected.out);
    expect(actual.err).toBe(expected.err);
    expect(actual.out).toContain('4 imported, 0 unchanged, 1 failed');
    expect(actual.out).toMatch(/2024_huaian-shi_pdftotext-raw\.txt: re-import \d+ applied/);

    expect(appendMany).toHaveBeenCalledTimes(1);
    const streams = appendMany.mock.calls[0]![0].map((append) => append.streamId);
    expect(streams.filter((stream) => stream.startsWith('report-'))).toHaveLength(3);
    expect(streams.filter((stream) => stream.startsWith('agency-'))).toHaveLength(3);
    // Only the re-import of the report the batch created goes one by one.
    expect(appendOne.mock.calls.map((call) => call[0])).toEqual([huaian]);

    expect(await bulk.store.headPosition()).toBe(await single.store.headPosition());
    expect(await commits(bulk)).toBe(await commits(single));
    expect((await bulk.store.verifyAll()).ok).toBe(true);
    appendMany.mockRestore();
    appendOne.mockRestore();
  });

  it('given the folder imported through the bulk path, when imported again, then nothing is appended and every readable document is unchanged', async () => {
    const before = await commits(bulk);
    const again = await run(folder, inBulk(bulk));
    expect(again.code).toBe(1);
    expect(again.out).toContain('0 imported, 4 unchanged, 1 failed');
    expect(await commits(bulk)).toBe(before);
  });

  it('given a document stating another year than --year, when a folder is imported through the bulk path, then that document fails naming the year and nothing of it is written, while the other is imported', async () => {
    const mixed = await mkdtemp(path.join(tmpdir(), 'nianbao-bulk-year-'));
    try {
      for (const name of [
        '2023_hongze-qu_pdftotext-layout.txt',
        '2024_pingluo-xian-shenpiju_seed.md',
      ])
        await copyFile(path.join(SHARED_CORPUS_DIR, name), path.join(mixed, name));
      const result = await run(mixed, inBulk(bulk), ['--year', '2023']);
      expect(result.code).toBe(1);
      expect(result.out).toContain('the document states the year 2024 but year 2023 was given');
      expect(result.out).toContain('1 imported, 0 unchanged, 1 failed');
      const stream = (agency: string) => reportStreamId(reportIdFor(agency, 2023));
      expect(await bulk.store.streamRevision(stream('淮安市洪泽区人民政府'))).toBe(0);
      expect(await bulk.store.streamRevision(stream('平罗县审批服务管理局'))).toBe('no_stream');
    } finally {
      await rm(mixed, { recursive: true, force: true });
    }
  });
});
