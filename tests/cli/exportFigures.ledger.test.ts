// `cli export figures` on the real database with the shared corpus corrected to its answer
// keys: the file written with --out (and stdout) holds the answer keys' values; an unknown
// region is refused with exit 1 naming --region-code, and no file is left behind.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runExportFiguresCommandWith } from '../../src/cli/exportFiguresCommand';
import { corpusViewForExport } from '../../src/export/figureExportSource';
import { readAnswerKeys, type AnswerKey } from '../corpus/answerKeys';
import { seedAnswerKeys } from '../operations/support/figuresExportCorpus';
import { startOpsServer, type OpsServer } from '../operations/support/opsServer';
import { bufferedIo } from './cliTestIo';

const keys = readAnswerKeys();
const describeWithCorpus = keys ? describe : describe.skip;
const answerKeys: AnswerKey[] = keys ?? [];
const KEY = 't3.newReceived.total';

describeWithCorpus('cli export figures on the ledger (integration)', () => {
  let server: OpsServer;
  let folder: string;
  const source = { viewAt: (asOf: Date | null) => corpusViewForExport(server.ledger, asOf) };

  beforeAll(async () => {
    server = await startOpsServer('cli_export_figures');
    const token = await server.adminToken();
    await seedAnswerKeys(async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const { body } = await server.gql(query, variables, { authorization: `Bearer ${token}` });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    }, answerKeys);
    folder = await mkdtemp(path.join(tmpdir(), 'nianbao-figures-'));
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('given the corpus, when 2024 is exported with --out, then the file has one line per 2024 answer key with its value', async () => {
    const file = path.join(folder, 'values.jsonl');
    const io = bufferedIo();
    const code = await runExportFiguresCommandWith(
      ['--key', KEY, '--year', '2024', '--format', 'jsonl', '--out', file],
      io,
      source,
    );
    expect([code, io.err()]).toEqual([0, expect.stringContaining(`wrote ${file}`)]);
    const lines = (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { agencyName: string; value: string | null });
    const expected = answerKeys.filter((key) => key.year === 2024);
    expect(lines).toHaveLength(expected.length);
    for (const line of lines) {
      const key = expected.find((item) => item.agency === line.agencyName) as AnswerKey;
      expect(line.value).toBe(key.figures[KEY]);
    }
  });

  it('given the corpus, when aggregated over all years to stdout as CSV, then the one row counts every answer key', async () => {
    const io = bufferedIo();
    expect(
      await runExportFiguresCommandWith(
        ['--keys', KEY, '--group-by', '', '--format', 'csv'],
        io,
        source,
      ),
    ).toBe(0);
    const [header, row] = io.out().slice(1).trimEnd().split('\r\n');
    const columns = header.split(',');
    const cells = row.split(',');
    const present = answerKeys.filter((key) => key.figures[KEY] !== null);
    expect(cells[columns.indexOf('报告数')]).toBe(String(answerKeys.length));
    expect(cells[columns.indexOf('合计')]).toBe(
      String(present.reduce((sum, key) => sum + Number(key.figures[KEY]), 0)),
    );
  });

  it('given an unknown region, when exported to a file, then it exits 1 naming --region-code and writes nothing', async () => {
    const file = path.join(folder, 'refused.csv');
    const io = bufferedIo();
    expect(
      await runExportFiguresCommandWith(
        ['--key', KEY, '--region-code', '999999', '--format', 'csv', '--out', file],
        io,
        source,
      ),
    ).toBe(1);
    expect(io.err()).toMatch(/^export figures: --region-code/);
    expect(existsSync(file)).toBe(false);
  });
});
