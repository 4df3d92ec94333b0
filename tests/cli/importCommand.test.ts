import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  collectDocumentPaths,
  createImportCommand,
  decodeDocument,
  importClientMutationId,
  reportImporterFromService,
  runImportCommandWith,
  type ImportServiceOutcome,
} from '../../src/cli/importCommand';
import { bufferedIo } from './cliTestIo';
import { fakeReportImporter } from './fakeReportImporter';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'nianbao-import-'));
  await mkdir(path.join(root, 'reports', 'sub'), { recursive: true });
  await mkdir(path.join(root, 'reports', '.cache'));
  await writeFile(path.join(root, 'reports', 'a.md'), '机构：甲局 2021年 报告');
  await writeFile(path.join(root, 'reports', 'c.TXT'), '机构：丙局 2022年 报告');
  await writeFile(path.join(root, 'reports', 'sub', 'b.html'), '<p>机构：乙局 2023年</p>');
  await writeFile(path.join(root, 'reports', 'sub', 'notes.pdf'), 'not a document');
  await writeFile(path.join(root, 'reports', '.cache', 'd.md'), 'hidden');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const reports = (): string => path.join(root, 'reports');
const rel = (...parts: string[]): string => path.join(root, 'reports', ...parts);

describe('collectDocumentPaths (unit)', () => {
  it('walks folders for .md .txt .html .htm in sorted order, skipping hidden entries', async () => {
    expect(await collectDocumentPaths([reports()])).toEqual([
      rel('a.md'),
      rel('c.TXT'),
      rel('sub', 'b.html'),
    ]);
  });

  it('takes a named file whatever its extension, and each file once', async () => {
    await symlink(rel('sub'), rel('sub', 'loop'));
    const files = await collectDocumentPaths([rel('sub', 'notes.pdf'), reports(), rel('a.md')]);
    expect(files).toEqual([
      rel('sub', 'notes.pdf'),
      rel('a.md'),
      rel('c.TXT'),
      rel('sub', 'b.html'),
    ]);
  });
});

describe('runImportCommandWith (unit)', () => {
  it('imports every document and prints a summary table on stdout', async () => {
    const importer = fakeReportImporter();
    const io = bufferedIo();
    const code = await runImportCommandWith([reports(), '--reason', '首次导入'], io, importer);
    expect(code).toBe(0);
    expect(importer.calls.map((call) => call.reason)).toEqual(['首次导入', '首次导入', '首次导入']);
    const lines = io.out().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual([
      'file',
      'report',
      'figures',
      'warnings',
      'failed rules',
      'status',
    ]);
    expect(lines[2].split(/\s{2,}/)).toEqual([
      rel('a.md'),
      '甲局 2021',
      '191',
      '1',
      '2',
      'imported (revision 1)',
    ]);
    expect(lines[4]).toContain('乙局 2023');
    expect(io.out()).toContain('3 imported, 0 unchanged, 0 failed');
  });

  it('lines up the summary columns when report names are Chinese', async () => {
    const io = bufferedIo();
    await runImportCommandWith([reports(), '--reason', 'r'], io, fakeReportImporter());
    const rows = io.out().split('\n').slice(2, 5);
    const statusColumn = (row: string): number => {
      const before = row.slice(0, row.indexOf('imported'));
      return [...before].reduce((width, char) => width + (/[\u4e00-\u9fff]/.test(char) ? 2 : 1), 0);
    };
    expect(new Set(rows.map(statusColumn)).size).toBe(1);
  });

  it('prints one progress line per file on stderr when stderr is not a terminal', async () => {
    const io = bufferedIo();
    await runImportCommandWith([reports(), '--reason', 'r'], io, fakeReportImporter());
    expect(io.err().split('\n').filter(Boolean)).toEqual([
      `[1/3] ${rel('a.md')}: imported (revision 1)`,
      `[2/3] ${rel('c.TXT')}: imported (revision 1)`,
      `[3/3] ${rel('sub', 'b.html')}: imported (revision 1)`,
    ]);
  });

  it('redraws one progress line in place on a terminal', async () => {
    const io = bufferedIo({ ttyStderr: true });
    await runImportCommandWith([reports(), '--reason', 'r'], io, fakeReportImporter());
    const err = io.err();
    expect(err.split('\n')).toHaveLength(2);
    expect(err.endsWith('\n')).toBe(true);
    const frames = err.trimEnd().split('\r\u001b[K').filter(Boolean);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(frames.at(-1)).toMatch(/^\[#+\] 3\/3 /);
  });

  it('writes nothing new when run again on the same documents', async () => {
    const importer = fakeReportImporter();
    await runImportCommandWith([reports(), '--reason', '首次导入'], bufferedIo(), importer);
    const io = bufferedIo();
    const code = await runImportCommandWith([reports(), '--reason', '首次导入'], io, importer);
    expect(code).toBe(0);
    expect(importer.writes).toBe(3);
    expect(io.out()).toContain('0 imported, 3 unchanged, 0 failed');
    const ids = importer.calls.map((call) => call.clientMutationId);
    expect(ids.slice(3)).toEqual(ids.slice(0, 3));
  });

  it('keeps importing after a failed document, reports why, and exits non-zero', async () => {
    await writeFile(rel('b-broken.md'), 'FAIL');
    const importer = fakeReportImporter();
    const io = bufferedIo();
    const code = await runImportCommandWith([reports(), '--reason', 'r'], io, importer);
    expect(code).toBe(1);
    expect(importer.writes).toBe(3);
    const failedRow = io
      .out()
      .split('\n')
      .find((line) => line.startsWith(rel('b-broken.md')));
    expect(failedRow).toMatch(/failed: BAD_USER_INPUT: document is not a report$/);
    expect(io.out()).toContain('3 imported, 0 unchanged, 1 failed');
  });

  it('passes --force with --year to every document (a document stating another year is imported as --year)', async () => {
    const importer = fakeReportImporter();
    const args = [rel('a.md'), '--reason=r', '--year', '2021', '--force'];
    expect(await runImportCommandWith(args, bufferedIo(), importer)).toBe(0);
    expect(importer.calls[0]).toMatchObject({ year: 2021, force: true });
    const plain = fakeReportImporter();
    await runImportCommandWith([rel('a.md'), '--reason=r'], bufferedIo(), plain);
    expect(plain.calls[0]).not.toHaveProperty('force');
  });

  it('passes --agency, --year and --source-url to every document', async () => {
    const importer = fakeReportImporter();
    const args = [
      rel('a.md'),
      '--reason=r',
      '--agency',
      '甲局',
      '--year',
      '2021',
      '--source-url',
      'https://x.gov.cn/1',
    ];
    expect(await runImportCommandWith(args, bufferedIo(), importer)).toBe(0);
    expect(importer.calls[0]).toMatchObject({
      agency: '甲局',
      year: 2021,
      sourceUrl: 'https://x.gov.cn/1',
    });
  });

  it.each([
    [['folder'], '--reason is required'],
    [['folder', '--reason'], '--reason needs a value'],
    [['folder', '--reason', '  '], '--reason is required'],
    [['--reason', 'r'], 'at least one file or folder'],
    [['folder', '--reason', 'r', '--forse'], 'unknown option --forse'],
    [['folder', '--reason', 'r', '--year', '21'], '--year must be a four-digit year'],
    [['folder', '--reason', 'r', '--url', 'http://h/graphql'], '--url needs --token'],
    [
      ['folder', '--reason', 'r', '--token', 't', '--url', 'ftp://h'],
      '--url must be an http(s) URL',
    ],
    [['folder', '--reason', 'a', '--reason', 'b'], '--reason is given more than once'],
    [['folder', '--reason', 'r', '--verbose=yes'], '--verbose takes no value'],
    [
      ['folder', '--reason', 'r', '--token', 't', '--url', 'http://h/?x=1'],
      "--url takes the server's base URL",
    ],
  ])('rejects %j naming the flag, before importing anything', async (args, message) => {
    const importer = fakeReportImporter();
    const io = bufferedIo();
    const withFolder = args.map((arg) => (arg === 'folder' ? reports() : arg));
    expect(await runImportCommandWith(withFolder, io, importer)).toBe(2);
    expect(io.err()).toContain(message);
    expect(importer.calls).toHaveLength(0);
  });

  it('given documents with warnings, when imported, then the summary shows the first warning of each and the count', async () => {
    const io = bufferedIo();
    expect(await runImportCommandWith([reports(), '--reason', 'r'], io, fakeReportImporter())).toBe(
      0,
    );
    const out = io.out();
    expect(out).toContain('warnings (the first of each document; --verbose lists all):');
    expect(out).toContain(`  ${rel('a.md')} (1): ROW_MISSING: warning 1 of 机构：甲局`);
    expect(out).toContain(`  ${rel('c.TXT')} (2): ROW_MISSING: warning 1 of 机构：丙局 (+1 more)`);
    expect(out).not.toContain('LABEL_FUZZY_MATCH');
  });

  it('given --verbose, when imported, then the summary lists every warning of every document', async () => {
    const io = bufferedIo();
    const args = [reports(), '--reason', 'r', '--verbose'];
    expect(await runImportCommandWith(args, io, fakeReportImporter())).toBe(0);
    const lines = io.out().split('\n');
    const start = lines.indexOf(`  ${rel('sub', 'b.html')} (3):`);
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '    ROW_MISSING: warning 1 of <p>机构：',
      '    LABEL_FUZZY_MATCH: warning 2 of <p>机构：',
      '    LABEL_FUZZY_MATCH: warning 3 of <p>机构：',
    ]);
  });

  it('given no warnings, when imported, then no warnings section is printed', async () => {
    const io = bufferedIo();
    const quiet = fakeReportImporter();
    const importer = {
      importDocument: async (input: Parameters<typeof quiet.importDocument>[0]) => ({
        ...(await quiet.importDocument(input)),
        warnings: [],
      }),
    };
    expect(await runImportCommandWith([reports(), '--reason', 'r'], io, importer)).toBe(0);
    expect(io.out()).not.toContain('warnings (');
    expect(io.out()).not.toContain('warnings:');
  });

  it('given --help, when run, then it prints the usage and every option on stdout and exits 0', async () => {
    const importer = fakeReportImporter();
    const io = bufferedIo();
    expect(await runImportCommandWith(['--help'], io, importer)).toBe(0);
    expect(io.out()).toContain('usage: npm run -s cli -- import <files or folders...>');
    for (const option of ['--reason', '--token', '--url', '--verbose', '-h, --help'])
      expect(io.out()).toContain(option);
    expect(io.err()).toBe('');
    expect(importer.calls).toHaveLength(0);
  });

  it('names a path that does not exist, before importing anything', async () => {
    const importer = fakeReportImporter();
    const io = bufferedIo();
    const missing = path.join(root, 'missing');
    expect(await runImportCommandWith([reports(), missing, '--reason', 'r'], io, importer)).toBe(2);
    expect(io.err()).toContain(`no such file or folder: ${missing}`);
    expect(importer.calls).toHaveLength(0);
  });
});

describe('importClientMutationId (unit)', () => {
  it('is the same for the same document and reason, different otherwise', () => {
    const id = importClientMutationId('报告全文', '首次导入');
    expect(id).toMatch(/^import:[0-9a-f]{64}$/);
    expect(importClientMutationId('报告全文', '首次导入')).toBe(id);
    expect(importClientMutationId('报告全文', '重新导入')).not.toBe(id);
    expect(importClientMutationId('报告全文 ', '首次导入')).not.toBe(id);
    expect(importClientMutationId('报告全文', '首次导入', { year: 2021 })).not.toBe(id);
    expect(importClientMutationId('报告全文', '首次导入', { agency: '甲局' })).not.toBe(id);
  });
});

describe('decodeDocument (unit)', () => {
  it('reads UTF-8, and GBK pages that are not valid UTF-8', () => {
    expect(decodeDocument(Buffer.from('年度报告', 'utf8'))).toBe('年度报告');
    expect(decodeDocument(Buffer.from('c4eab6c8b1a8b8e6', 'hex'))).toBe('年度报告');
  });
});

describe('createImportCommand (unit)', () => {
  it('imports locally without --token and releases the local importer', async () => {
    const importer = fakeReportImporter();
    let closed = 0;
    const command = createImportCommand(async () => ({
      importer,
      close: async () => {
        closed += 1;
      },
    }));
    expect(await command([reports(), '--reason', 'r'], bufferedIo())).toBe(0);
    expect(importer.writes).toBe(3);
    expect(closed).toBe(1);
  });

  it('given --help, when run, then it answers without opening the local importer', async () => {
    let opened = 0;
    const command = createImportCommand(async () => {
      opened += 1;
      return { importer: fakeReportImporter(), close: async () => {} };
    });
    const io = bufferedIo();
    expect(await command(['--help'], io)).toBe(0);
    expect(io.out()).toContain('--reason TEXT');
    expect(opened).toBe(0);
  });

  it('does not open the local importer for an argument error', async () => {
    let opened = 0;
    const command = createImportCommand(async () => {
      opened += 1;
      return { importer: fakeReportImporter(), close: async () => {} };
    });
    const io = bufferedIo();
    expect(await command([reports()], io)).toBe(2);
    expect(io.err()).toContain('--reason');
    expect(opened).toBe(0);
  });
});

describe('reportImporterFromService (unit)', () => {
  const outcome = (events: number, replayed: boolean): ImportServiceOutcome => ({
    report: {
      reportId: 'r-1',
      agency: '甲局',
      year: 2021,
      revision: 2,
      warnings: [
        { code: 'ROW_MISSING', message: 'row 三 missing', keys: ['t3.total.total'] },
        { code: 'LABEL_FUZZY_MATCH', message: 'label matched loosely' },
      ] as ImportServiceOutcome['report']['warnings'],
      figures: [
        { key: 't2.rules.issued', value: '3' },
        { key: 't3.newReceived.total', value: null },
        { key: 'n.1.1', value: '70' },
      ],
    },
    events: Array.from({ length: events }, () => ({})),
    replayed,
  });

  it('maps the service outcome and counts only table figures that hold a value', async () => {
    const importer = reportImporterFromService(
      async () => outcome(1, false),
      () => 1,
    );
    expect(await importer.importDocument({ document: 'x', reason: 'r' })).toEqual({
      reportId: 'r-1',
      agency: '甲局',
      year: 2021,
      revision: 2,
      figureCount: 1,
      warnings: [
        { code: 'ROW_MISSING', message: 'row 三 missing' },
        { code: 'LABEL_FUZZY_MATCH', message: 'label matched loosely' },
      ],
      failedRuleCount: 1,
      unchanged: false,
    });
  });

  it('is unchanged on a replay or when the import appended no events', async () => {
    const unchanged = async (events: number, replayed: boolean) => {
      const importer = reportImporterFromService(
        async () => outcome(events, replayed),
        () => 0,
      );
      return (await importer.importDocument({ document: 'x', reason: 'r' })).unchanged;
    };
    expect(await unchanged(1, true)).toBe(true);
    expect(await unchanged(0, false)).toBe(true);
    expect(await unchanged(2, false)).toBe(false);
  });
});
