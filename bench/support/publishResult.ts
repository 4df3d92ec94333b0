// How every bench run ends: the result written as JSON + Markdown (timestamped and latest.*),
// its table printed, and one line saying how many ratios missed their target and where it went.
import { markdownTable, verdict, writeResults, type BenchResult } from './resultTable';

export function publishResult(directory: string, result: BenchResult): void {
  const files = writeResults(directory, result);
  process.stdout.write(markdownTable(result));
  const misses = result.rows.filter((row) => verdict(row) === 'MISS').length;
  process.stdout.write(
    `\n${misses} of ${result.rows.filter((row) => row.target).length} ratios miss their target. Written to ${files.markdown} and ${files.json}\n`,
  );
}
