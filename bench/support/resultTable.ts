// The bench's output: one row per ratio with its target and PASS/MISS, printed and written to
// bench/results/ as JSON and Markdown (timestamped, plus latest.*).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchRow {
  name: string;
  /** The system under test, e.g. "GraphQL median 41.2 ms". */
  measured: string;
  /** The raw baseline, e.g. "findOne median 3.1 ms". */
  baseline: string;
  ratio: number | null;
  /** e.g. "≤ 3" or "≥ 0.3"; null for rows that are only reported. */
  target: { op: '<=' | '>='; value: number } | null;
  note?: string;
}

export interface BenchResult {
  startedAt: string;
  profile: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  database: { kind: string; version: string | null; uri: string };
  settings: Record<string, number | string>;
  rows: BenchRow[];
  notes: string[];
}

export function verdict(row: BenchRow): 'PASS' | 'MISS' | '—' {
  if (!row.target || row.ratio === null || Number.isNaN(row.ratio)) return '—';
  const ok = row.target.op === '<=' ? row.ratio <= row.target.value : row.ratio >= row.target.value;
  return ok ? 'PASS' : 'MISS';
}

export function machineInfo(): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function targetText(row: BenchRow): string {
  return row.target ? `${row.target.op === '<=' ? '≤' : '≥'} ${row.target.value}` : '—';
}

export function markdownTable(result: BenchResult): string {
  const lines = [
    `# Bench results (${result.profile} profile, ${result.startedAt})`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGiB} GiB RAM, Node ${result.machine.node}, ${result.machine.platform}.`,
    `Database: ${result.database.kind}${result.database.version ? ` ${result.database.version}` : ''}.`,
    `Settings: ${Object.entries(result.settings)
      .map(([key, value]) => `${key}=${value}`)
      .join(', ')}.`,
    '',
    '| measurement | measured | baseline | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...result.rows.map(
      (row) =>
        `| ${row.name} | ${row.measured} | ${row.baseline} | ${row.ratio === null ? '—' : row.ratio.toFixed(2)} | ${targetText(row)} | ${verdict(row)} |`,
    ),
    '',
    ...result.rows.filter((row) => row.note).map((row) => `- ${row.name}: ${row.note}`),
    ...result.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}

export function writeResults(
  directory: string,
  result: BenchResult,
): { json: string; markdown: string } {
  mkdirSync(directory, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ ...result, rows: result.rows.map((row) => ({ ...row, result: verdict(row) })) }, null, 2)}\n`;
  const markdown = markdownTable(result);
  for (const name of [`bench-${stamp}`, 'latest']) {
    writeFileSync(path.join(directory, `${name}.json`), json);
    writeFileSync(path.join(directory, `${name}.md`), markdown);
  }
  return { json: path.join(directory, 'latest.json'), markdown: path.join(directory, 'latest.md') };
}
