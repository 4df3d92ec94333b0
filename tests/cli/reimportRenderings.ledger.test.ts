// One report published in two renderings (the PDF's text read in layout mode and in reading
// order) imported from one folder, over the real application service and database: importing
// the folder again must record nothing, however often it is run.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { localAdminPrincipal } from '../../src/auth/principal';
import { reportImporterFromService, runImportCommandWith } from '../../src/cli/importCommand';
import { rulesOf } from '../../src/projections/reportRules';
import { corpusPresent, SHARED_CORPUS_DIR } from '../support/sharedCorpus';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { bufferedIo } from './cliTestIo';

const RENDERINGS = ['2024_huaian-shi_pdftotext-layout.txt', '2024_huaian-shi_pdftotext-raw.txt'];
const describeWithCorpus = corpusPresent('re-imports of two renderings', RENDERINGS[0])
  ? describe
  : describe.skip;

describeWithCorpus('re-importing a folder with two renderings of one report (integration)', () => {
  let database: TestDatabase;
  let ledger: Ledger;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase('cli_renderings');
    ledger = await openLedger({ uri: database.uri, databaseName: database.name });
    folder = await mkdtemp(path.join(tmpdir(), 'nianbao-renderings-'));
    for (const name of RENDERINGS) {
      await copyFile(path.join(SHARED_CORPUS_DIR, name), path.join(folder, name));
    }
  });

  afterAll(async () => {
    await ledger?.close();
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const importFolder = async (reason: string) => {
    const io = bufferedIo();
    const importer = reportImporterFromService(
      (input) => ledger.services.importReport(localAdminPrincipal('renderings test'), input),
      (report) => rulesOf(report).filter((rule) => rule.status === 'failed').length,
    );
    const exitCode = await runImportCommandWith([folder, '--reason', reason], io, importer);
    return { exitCode, out: io.out() };
  };
  const commitCount = () => ledger.db.collection('eventCommits').countDocuments();

  it('given a folder with two renderings of one report imported, when the folder is imported again twice, then neither run records an event and both say unchanged', async () => {
    const first = await importFolder('首次导入');
    expect(first.exitCode).toBe(0);
    // Both renderings are recorded: the second is a re-import of the same report.
    expect(first.out).toContain('2 imported, 0 unchanged, 0 failed');
    const commits = await commitCount();

    for (const reason of ['再次导入', '第三次导入']) {
      const again = await importFolder(reason);
      expect(again.exitCode).toBe(0);
      expect(again.out).toContain('0 imported, 2 unchanged, 0 failed');
      expect(await commitCount()).toBe(commits);
    }
  });
});
