import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createExportCommand, runExportCommandWith } from '../../src/cli/exportCommand';
import type { ExportableReport } from '../../src/export/exportableReport';
import type { ExportTimePoint } from '../../src/export/exportTimePoint';
import { FEE, fixtureReport, fixtureReportWithNarrativeFigures } from '../export/reportFixture';
import { bufferedIo } from './cliTestIo';

const report = fixtureReport();

async function loadReport(agency: string, year: number): Promise<ExportableReport | null> {
  return agency === report.agency && year === report.year ? report : null;
}

describe('runExportCommandWith (unit)', () => {
  it('writes the chosen format to stdout', async () => {
    const io = bufferedIo();
    const args = ['--agency', report.agency, '--year', '2024', '--format', 'json'];
    expect(await runExportCommandWith(args, io, loadReport)).toBe(0);
    const json = JSON.parse(io.out()) as { figures: Array<{ key: string; value: string }> };
    expect(json.figures).toHaveLength(200);
    expect(json.figures.find((figure) => figure.key === 't2.fees.amount')?.value).toBe(FEE);
  });

  it('writes --out as a whole file and leaves no temporary file behind', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'nianbao-export-'));
    try {
      const out = path.join(folder, 'report.csv');
      const io = bufferedIo();
      const args = [`--agency=${report.agency}`, '--year=2024', '--format=csv', '--out', out];
      expect(await runExportCommandWith(args, io, loadReport)).toBe(0);
      const bytes = await readFile(out);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain('t2.fees.amount');
      expect(await readdir(folder)).toEqual(['report.csv']);
      expect(io.out()).toBe('');
      expect(io.err()).toContain(`wrote ${out}`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says which report is missing and exits 1', async () => {
    const io = bufferedIo();
    const args = ['--agency', '某局', '--year', '2020', '--format', 'markdown'];
    expect(await runExportCommandWith(args, io, loadReport)).toBe(1);
    expect(io.err()).toContain('no report for --agency "某局" --year 2020');
  });

  it('reports an unwritable --out without throwing', async () => {
    const io = bufferedIo();
    const out = path.join(tmpdir(), 'no-such-folder-nianbao', 'x.md');
    const args = [
      '--agency',
      report.agency,
      '--year',
      '2024',
      '--format',
      'markdown',
      '--out',
      out,
    ];
    expect(await runExportCommandWith(args, io, loadReport)).toBe(1);
    expect(io.err()).toContain(`cannot write --out ${out}`);
  });

  it.each([
    [['--year', '2024', '--format', 'csv'], '--agency is required'],
    [['--agency', 'a', '--format', 'csv'], '--year is required'],
    [['--agency', 'a', '--year', 'last', '--format', 'csv'], '--year must be a four-digit year'],
    [['--agency', 'a', '--year', '2024'], '--format must be one of csv, json, markdown'],
    [['--agency', 'a', '--year', '2024', '--format', 'xlsx'], 'got "xlsx"'],
    [['--agency', 'a', '--year', '2024', '--format', 'csv', '--pdf'], 'unknown option --pdf'],
    [
      ['--agency', 'a', '--year', '2024', '--format', 'csv', '--at-revision', '-1'],
      '--at-revision',
    ],
    [
      ['--agency', 'a', '--year', '2024', '--format', 'csv', '--at-revision', 'latest'],
      '--at-revision must be a revision number, 0 or more, got "latest"',
    ],
    [
      ['--agency', 'a', '--year', '2024', '--format', 'csv', '--as-of', 'yesterday'],
      '--as-of must be an ISO 8601 instant',
    ],
    [['--agency', 'a', '--year', '2024', '--format', 'csv', '--as-of'], '--as-of needs a value'],
    [
      ['--agency', 'a', '--year', '2024', '--format', 'csv', 'extra'],
      'unexpected argument "extra"',
    ],
    [['--agency', 'a', '--year', '2024', '--format'], '--format needs a value'],
  ])('rejects %j naming the flag', async (args, message) => {
    const io = bufferedIo();
    let loads = 0;
    const counting = async (agency: string, year: number) => {
      loads += 1;
      return loadReport(agency, year);
    };
    expect(await runExportCommandWith(args, io, counting)).toBe(2);
    expect(io.err()).toContain(message);
    expect(loads).toBe(0);
  });
});

describe('runExportCommandWith time points (unit)', () => {
  const asking = () => {
    const asked: ExportTimePoint[] = [];
    const load = async (agency: string, year: number, at: ExportTimePoint) => {
      asked.push(at);
      return loadReport(agency, year);
    };
    return { asked, load };
  };
  const base = ['--agency', report.agency, '--year', '2024', '--format', 'json'];

  it('given --at-revision 0, when exporting, then the loader is asked for revision 0', async () => {
    const { asked, load } = asking();
    expect(await runExportCommandWith([...base, '--at-revision', '0'], bufferedIo(), load)).toBe(0);
    expect(asked).toEqual([{ atRevision: 0 }]);
  });

  it('given --as-of an instant, when exporting, then the loader is asked for that instant', async () => {
    const { asked, load } = asking();
    const args = [...base, '--as-of=2025-01-31T16:00:00+08:00'];
    expect(await runExportCommandWith(args, bufferedIo(), load)).toBe(0);
    expect(asked).toEqual([{ asOf: new Date('2025-01-31T08:00:00.000Z') }]);
  });

  it('given no time point, when exporting, then the loader is asked for the current version', async () => {
    const { asked, load } = asking();
    expect(await runExportCommandWith(base, bufferedIo(), load)).toBe(0);
    expect(asked).toEqual([{}]);
  });

  it('given a revision the loader has no report for, when exporting, then the message says which version', async () => {
    const io = bufferedIo();
    expect(await runExportCommandWith([...base, '--at-revision', '7'], io, async () => null)).toBe(
      1,
    );
    expect(io.err()).toContain(
      `no report for --agency "${report.agency}" --year 2024 at revision 7`,
    );
  });

  it('given a report with narrative figures, when exported as JSON, then they are in the file', async () => {
    const io = bufferedIo();
    const withNarrative = async () => fixtureReportWithNarrativeFigures();
    expect(await runExportCommandWith(base, io, withNarrative)).toBe(0);
    const json = JSON.parse(io.out()) as { figures: Array<{ key: string; table: string }> };
    expect(json.figures.filter((figure) => figure.table === 'NARRATIVE')).toHaveLength(2);
  });
});

describe('createExportCommand (unit)', () => {
  it('given --help, when run, then it prints every option, exits 0 and opens nothing', async () => {
    let opened = 0;
    const command = createExportCommand(async () => {
      opened += 1;
      return { loadReport, close: async () => {} };
    });
    const io = bufferedIo();
    expect(await command(['--help'], io)).toBe(0);
    for (const option of [
      '--agency NAME',
      '--year YYYY',
      '--format',
      '--out FILE',
      '--at-revision N',
      '--as-of ISO',
    ])
      expect(io.out()).toContain(option);
    expect(opened).toBe(0);
  });

  it('opens the loader, exports, and closes it', async () => {
    let closed = 0;
    const command = createExportCommand(async () => ({
      loadReport,
      close: async () => {
        closed += 1;
      },
    }));
    const io = bufferedIo();
    const args = ['--agency', report.agency, '--year', '2024', '--format', 'markdown'];
    expect(await command(args, io)).toBe(0);
    expect(io.out()).toContain('## 三、收到和处理政府信息公开申请情况');
    expect(closed).toBe(1);
  });
});
