// The CLI's import and export commands as src/cli.ts wires them, on a test database: a re-run
// of the import writes nothing new; the export writes a CSV Excel opens as UTF-8.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateFigureValues } from '../../bench/generator/figureValues';
import { createRandom } from '../../bench/generator/prng';
import { runCli } from '../../src/cli';
import { bufferedIo } from '../cli/cliTestIo';
import { tsvReport } from '../importer/syntheticReport';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const AGENCY = '示例县命令行测试局';
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

test('import twice writes once; export writes a CSV with a BOM', async () => {
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

test('help lists the import, export, token and projections commands', async () => {
  const io = bufferedIo();
  expect(await runCli(['help'], io)).toBe(0);
  for (const name of ['import', 'export', 'token', 'projections'])
    expect(io.out()).toContain(`  ${name} `);
});
