// `cli export figures` options: the same parameters as GET /export/figures.*, spelled as
// options, with mistakes naming the option (exit 2) before any database is opened.
import { runCli } from '../../src/cli';
import { parseExportFiguresArgs } from '../../src/cli/exportFiguresCommand';
import { CliUsageError } from '../../src/cli/commandLine';
import { bufferedIo } from './cliTestIo';

describe('cli export figures options (unit)', () => {
  it('given --help, when run through the CLI, then it prints every option and exits 0', async () => {
    const io = bufferedIo();
    expect(await runCli(['export', 'figures', '--help'], io)).toBe(0);
    expect(io.out()).toContain('usage: npm run -s cli -- export figures');
    for (const option of ['--key', '--keys', '--group-by', '--region-code', '--as-of', '--out']) {
      expect(io.out()).toContain(option);
    }
    expect(io.err()).toBe('');
  });

  it('given a value export, when parsed, then the options become the query of the HTTP export', () => {
    expect(
      parseExportFiguresArgs([
        '--key',
        'i.disclosureRate',
        '--year',
        '2024',
        '--region-code',
        '320000',
        '--level',
        'COUNTY',
        '--order-by',
        'agency_name',
        '--direction',
        'asc',
        '--as-of',
        '2025-01-31T08:00:00Z',
        '--format',
        'jsonl',
        '--out',
        'rates.jsonl',
      ]),
    ).toEqual({
      query: {
        kind: 'values',
        key: 'i.disclosureRate',
        filter: {
          year: 2024,
          years: null,
          regionCode: '320000',
          level: 'county',
          kind: null,
          status: null,
        },
        orderBy: 'AGENCY_NAME',
        direction: 'ASC',
        asOf: new Date('2025-01-31T08:00:00Z'),
      },
      format: 'jsonl',
      out: 'rates.jsonl',
    });
  });

  it('given keys repeated and comma-separated, when parsed, then it is an aggregate export of all of them', () => {
    const parsed = parseExportFiguresArgs([
      '--keys',
      'a.b,c.d',
      '--keys',
      'e.f',
      '--group-by',
      'year,province',
      '--years',
      '2023,2024',
      '--format',
      'csv',
    ]);
    expect(parsed?.query).toMatchObject({
      kind: 'aggregates',
      keys: ['a.b', 'c.d', 'e.f'],
      groupBy: ['YEAR', 'PROVINCE'],
      filter: { years: [2023, 2024] },
    });
  });

  it.each([
    [['--year', '2024', '--format', 'csv'], /^--key is required/],
    [['--key', 'k', '--year', '24', '--format', 'csv'], /^--year must be a four-digit year/],
    [
      ['--key', 'k', '--region-code', '32', '--format', 'csv'],
      /^--region-code must be a six-digit/,
    ],
    [['--key', 'k', '--level', 'village', '--format', 'csv'], /^--level must be one of/],
    [['--keys', 'k', '--order-by', 'VALUE', '--format', 'csv'], /^--order-by orders a value list/],
    [['--keys', 'k', '--group-by', 'WEEK', '--format', 'csv'], /^--group-by must be one of/],
    [['--key', 'k', '--as-of', 'yesterday', '--format', 'csv'], /^--as-of must be an ISO 8601/],
    [['--key', 'k', '--format', 'xlsx'], /^--format must be one of csv, jsonl, got "xlsx"/],
    [['--key', 'k'], /^--format must be one of csv, jsonl$/],
  ])('given %j, when parsed, then the mistake names the option', (args, message) => {
    expect(() => parseExportFiguresArgs(args)).toThrow(CliUsageError);
    expect(() => parseExportFiguresArgs(args)).toThrow(message);
  });

  it('given an unknown option, when run through the CLI, then it exits 2 with the usage line', async () => {
    const io = bufferedIo();
    expect(await runCli(['export', 'figures', '--key', 'k', '--yaer', '2024'], io)).toBe(2);
    expect(io.err()).toMatch(/^export figures: unknown option --yaer/);
    expect(io.err()).toContain('usage: npm run -s cli -- export figures');
  });
});
