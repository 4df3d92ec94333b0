// The `parse` CLI contract: one JSON object on stdout, exit 0; a message on stderr and a
// non-zero exit for unreadable or unrecognisable input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { parseArguments, runParseCommand } from '../../src/cli/parseCommand';
import { consistentValues, tsvReport } from './syntheticReport';

const directory = mkdtempSync(path.join(tmpdir(), 'nianbao-parse-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(directory, name);
  writeFileSync(target, text);
  return target;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runParseCommand(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('parse command', () => {
  it('prints all 200 figures, warnings and rules as one JSON object', async () => {
    const result = await run([file('report.md', tsvReport(consistentValues())), '--year', '2030']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as {
      agency: string;
      year: number;
      template: string;
      figures: Record<string, { value: number | null; raw: string | null; source: unknown }>;
      warnings: unknown[];
      rules: { id: string; status: string }[];
      narrativeFigures: unknown[];
    };
    expect(json).toMatchObject({ agency: '示例县测试局', year: 2030, template: '2021' });
    expect(Object.keys(json.figures).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(json.figures['t3.newReceived.total']).toMatchObject({ value: 16, raw: '16' });
    expect(json.rules.find((rule) => rule.id === 'T3_BALANCE')?.status).toBe('ok');
    expect(Array.isArray(json.narrativeFigures)).toBe(true);
  });

  it('writes the fee as the literal number 28.488564', async () => {
    const result = await run([file('fee.md', tsvReport(consistentValues()))]);
    expect(result.stdout).toContain('"t2.fees.amount":{"value":28.488564,');
  });

  it('hints override the detected agency and year', async () => {
    const result = await run([
      file('hint.md', tsvReport(consistentValues())),
      '--agency',
      '别的局',
      '--year',
      '2031',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ agency: '别的局', year: 2031 });
  });

  it('fails with a message for a missing file, a non-report and bad arguments', async () => {
    const missing = await run([path.join(directory, 'absent.md')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read/u);
    const notReport = await run([file('note.txt', '会议纪要：下周一开会。')]);
    expect(notReport.code).not.toBe(0);
    expect(notReport.stderr).toMatch(/NOT_A_REPORT/u);
    const badYear = await run(['x.md', '--year', '24']);
    expect(badYear.code).not.toBe(0);
    expect(badYear.stderr).toMatch(/--year/u);
    expect(() => parseArguments([])).toThrow(/missing <file>/u);
    expect(() => parseArguments(['a', '--colour', 'red'])).toThrow(/unknown option --colour/u);
  });
});
