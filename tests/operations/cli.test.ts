// The CLI's import and export commands as src/cli.ts wires them, on a test database: a re-run
// of the import writes nothing new; the export writes a CSV Excel opens as UTF-8, and shows a
// report as it was; an import through a running server takes the server's base URL.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateFigureValues } from '../../bench/generator/figureValues';
import { createRandom } from '../../bench/generator/prng';
import { reportIdFor } from '../../events/report/ids';
import { openLedger } from '../../src/application/createLedger';
import { localAdminPrincipal } from '../../src/auth/principal';
import { runCli } from '../../src/cli';
import type { ReportJson } from '../../src/export/json';
import { bufferedIo } from '../cli/cliTestIo';
import { narrativeReportDocument } from '../export/narrativeReportDocument';
import { tsvReport } from '../importer/syntheticReport';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startOpsServer } from './support/opsServer';

const AGENCY = '示例县命令行测试局';
const HISTORY_AGENCY = '示例县命令行历史测试局';
const EDITED_KEY = 't3.newReceived.total';
let database: TestDatabase;
let folder: string;
const saved = { uri: process.env.MONGODB_URI, name: process.env.NIANBAO_DB_NAME };

beforeAll(async () => {
  database = await openTestDatabase('ops_cli');
  process.env.MONGODB_URI = database.uri;
  process.env.NIANBAO_DB_NAME = database.name;
  folder = await mkdtemp(path.join(tmpdir(), 'nianbao-cli-'));
  await writeFile(
    path.join(folder, 'report.txt'),
    tsvReport(generateFigureValues(createRandom(5))),
  );
});

afterAll(async () => {
  for (const [key, value] of [
    ['MONGODB_URI', saved.uri],
    ['NIANBAO_DB_NAME', saved.name],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await database?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('cli import and export (integration)', () => {
  it('import twice writes once; export writes a CSV with a BOM', async () => {
    const args = ['import', folder, '--reason', '命令行测试', '--agency', AGENCY, '--year', '2024'];
    const first = bufferedIo();
    expect(await runCli(args, first)).toBe(0);
    expect(first.out()).toContain('1 imported, 0 unchanged, 0 failed');
    const commits = await database.db.collection('eventCommits').countDocuments();

    const second = bufferedIo();
    expect(await runCli(args, second)).toBe(0);
    expect(second.out()).toContain('0 imported, 1 unchanged, 0 failed');
    expect(await database.db.collection('eventCommits').countDocuments()).toBe(commits);

    const out = path.join(folder, 'report.csv');
    const exported = bufferedIo();
    expect(
      await runCli(
        ['export', '--agency', AGENCY, '--year', '2024', '--format', 'csv', '--out', out],
        exported,
      ),
    ).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('t2.penalty.decisions');
  });

  it('help lists the import, export, token and projections commands', async () => {
    const io = bufferedIo();
    expect(await runCli(['help'], io)).toBe(0);
    for (const name of ['import', 'export', 'token', 'projections'])
      expect(io.out()).toContain(`  ${name} `);
  });

  it('given an edit after an import, when exported with --at-revision or --as-of, then the file is the imported version with its narrative figures', async () => {
    const file = path.join(folder, 'narrative.txt');
    await writeFile(file, narrativeReportDocument());
    const imported = bufferedIo();
    const importArgs = [
      'import',
      file,
      '--reason',
      '历史测试',
      '--agency',
      HISTORY_AGENCY,
      '--year',
      '2024',
    ];
    expect(await runCli(importArgs, imported)).toBe(0);
    const exportJson = async (...extra: string[]): Promise<ReportJson> => {
      const io = bufferedIo();
      const args = ['export', '--agency', HISTORY_AGENCY, '--year', '2024', '--format', 'json'];
      expect(await runCli([...args, ...extra], io)).toBe(0);
      return JSON.parse(io.out()) as ReportJson;
    };
    const valueOf = (json: ReportJson) => json.figures.find((f) => f.key === EDITED_KEY)?.value;
    const before = await exportJson();
    expect(before.figures.filter((figure) => figure.table === 'NARRATIVE')).toHaveLength(2);

    await sleep(30);
    const betweenImportAndEdit = new Date();
    await sleep(30);
    const ledger = await openLedger({ uri: database.uri, databaseName: database.name });
    try {
      await ledger.services.setFigures(localAdminPrincipal('cli test'), {
        reportId: reportIdFor(HISTORY_AGENCY, 2024),
        expectedRevision: before.revision,
        changes: [{ key: EDITED_KEY, value: String(Number(valueOf(before)) + 1) }],
        reason: '历史测试：更正',
      });
    } finally {
      await ledger.close();
    }

    const after = await exportJson();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(valueOf(after)).not.toBe(valueOf(before));
    const atRevision = await exportJson('--at-revision', String(before.revision));
    expect(atRevision.revision).toBe(before.revision);
    expect(valueOf(atRevision)).toBe(valueOf(before));
    const asOf = await exportJson('--as-of', betweenImportAndEdit.toISOString());
    expect(asOf.revision).toBe(before.revision);
    expect(valueOf(asOf)).toBe(valueOf(before));
    expect(asOf.figures.filter((figure) => figure.table === 'NARRATIVE')).toHaveLength(2);

    const missing = bufferedIo();
    const tooEarly = ['export', '--agency', HISTORY_AGENCY, '--year', '2024', '--format', 'csv'];
    expect(await runCli([...tooEarly, '--as-of', '2001-01-01T00:00:00Z'], missing)).toBe(1);
    expect(missing.err()).toContain('as of 2001-01-01T00:00:00.000Z');
  });
});

it('given a running server, when importing with --token and --url its base URL, then the import goes through its GraphQL endpoint (integration)', async () => {
  const server = await startOpsServer('ops_cli_url');
  const documents = await mkdtemp(path.join(tmpdir(), 'nianbao-cli-url-'));
  try {
    await writeFile(
      path.join(documents, 'report.txt'),
      tsvReport(generateFigureValues(createRandom(9))),
    );
    const token = await server.adminToken();
    // The second run is the same import again: the server answers it without writing.
    for (const [url, summary] of [
      [server.origin, '1 imported, 0 unchanged, 0 failed'],
      [`${server.origin}/graphql`, '0 imported, 1 unchanged, 0 failed'],
    ]) {
      const io = bufferedIo();
      const args = [
        'import',
        documents,
        '--reason',
        '经服务器导入',
        '--agency',
        AGENCY,
        '--year',
        '2024',
      ];
      expect(await runCli([...args, '--token', token, '--url', url], io)).toBe(0);
      expect(io.out()).toContain(summary);
    }
    expect(
      await server.ledger.models.reports.countDocuments({ _id: reportIdFor(AGENCY, 2024) }),
    ).toBe(1);
  } finally {
    await server.close();
    await rm(documents, { recursive: true, force: true });
  }
});
