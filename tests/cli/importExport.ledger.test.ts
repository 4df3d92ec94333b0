// The import and export commands over the real application service and database: a bulk
// import of corpus documents, a re-run that writes nothing, and an export of what was stored.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reportIdFor } from '../../events/report/ids';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { localAdminPrincipal } from '../../src/auth/principal';
import { runExportCommandWith } from '../../src/cli/exportCommand';
import { reportImporterFromService, runImportCommandWith } from '../../src/cli/importCommand';
import { exportableFromReportState } from '../../src/export/fromReportState';
import { rulesOf } from '../../src/projections/reportRules';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { sharedFilePresent } from '../support/sharedCorpus';
import { bufferedIo } from './cliTestIo';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const DOCUMENTS = [
  '2024_pingluo-xian-shenpiju_seed.md',
  '2022_pingtan-zonghe-shiyanqu_flattened.txt',
];
const haveCorpus = DOCUMENTS.every((name) =>
  sharedFilePresent('import and export command tests', path.join(CORPUS, name)),
);
const describeWithCorpus = haveCorpus ? describe : describe.skip;

describeWithCorpus('import and export commands on the ledger (integration)', () => {
  let database: TestDatabase;
  let ledger: Ledger;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase('cli_import');
    ledger = await openLedger({ uri: database.uri, databaseName: database.name });
    folder = await mkdtemp(path.join(tmpdir(), 'nianbao-corpus-'));
    for (const name of DOCUMENTS) await copyFile(path.join(CORPUS, name), path.join(folder, name));
  });

  afterAll(async () => {
    await ledger?.close();
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const importer = () =>
    reportImporterFromService(
      (input) => ledger.services.importReport(localAdminPrincipal('bulk import test'), input),
      (report) => rulesOf(report).filter((rule) => rule.status === 'failed').length,
    );
  const commitCount = () => ledger.db.collection('eventCommits').countDocuments();

  it('imports a folder, then writes nothing when run again', async () => {
    const first = bufferedIo();
    expect(await runImportCommandWith([folder, '--reason', '批量导入'], first, importer())).toBe(0);
    expect(first.out()).toContain('2 imported, 0 unchanged, 0 failed');
    expect(first.out()).toContain('平罗县审批服务管理局 2024');
    expect(first.out()).not.toContain('undefined');
    const commits = await commitCount();

    const second = bufferedIo();
    expect(await runImportCommandWith([folder, '--reason', '批量导入'], second, importer())).toBe(
      0,
    );
    expect(second.out()).toContain('0 imported, 2 unchanged, 0 failed');
    expect(await commitCount()).toBe(commits);
  });

  const storedWarnings = async (agency: string, year: number) =>
    (await ledger.models.reports.findById(reportIdFor(agency, year)).lean())?.warnings ?? [];

  it('given documents the importer warned about, when imported, then the summary shows the count and the first warning of each, and --verbose all', async () => {
    const warnings = await storedWarnings('平罗县审批服务管理局', 2024);
    expect(warnings.length).toBeGreaterThan(1);
    const file = path.join(folder, '2024_pingluo-xian-shenpiju_seed.md');
    const summary = bufferedIo();
    await runImportCommandWith([folder, '--reason', '批量导入'], summary, importer());
    expect(summary.out()).toContain(
      `  ${file} (${warnings.length}): ${warnings[0].code}: ` +
        warnings[0].message.replace(/\s+/g, ' ').trim(),
    );
    expect(summary.out()).toContain(`(+${warnings.length - 1} more)`);
    const verbose = bufferedIo();
    await runImportCommandWith([folder, '--reason', '批量导入', '--verbose'], verbose, importer());
    for (const warning of warnings) expect(verbose.out()).toContain(`    ${warning.code}: `);
  });

  it('exports the stored report with the exact fee', async () => {
    const loadReport = async (agency: string, year: number) => {
      const document = await ledger.models.reports.findById(reportIdFor(agency, year)).lean();
      return document ? exportableFromReportState(document, rulesOf(document)) : null;
    };
    const out = path.join(folder, 'pingluo.csv');
    const io = bufferedIo();
    const args = [
      '--agency',
      '平罗县审批服务管理局',
      '--year',
      '2024',
      '--format',
      'csv',
      '--out',
      out,
    ];
    expect(await runExportCommandWith(args, io, loadReport)).toBe(0);
    const csv = await readFile(out, 'utf8');
    const stored = await ledger.models.reports
      .findById(reportIdFor('平罗县审批服务管理局', 2024))
      .lean();
    const narrative = stored?.figures.filter((figure) => figure.narrative !== null) ?? [];
    expect(narrative.length).toBeGreaterThan(0);
    // A header, the 200 table cells and every narrative figure, each line CRLF-terminated.
    expect(csv.split('\r\n')).toHaveLength(1 + 200 + narrative.length + 1);
    expect(csv).toMatch(/^t2\.fees\.amount,[^\r]*,28\.488564,/m);
    expect(csv).toContain(`${narrative[0].key},正文,${narrative[0].narrative?.sectionId},`);
  });
});
