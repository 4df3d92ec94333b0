// npm run bench:import — parse every corpus report and compare its 200 cells with the answer
// keys in ../shared/corpus/expected. Per file and in total: cells exactly right, wrong but
// flagged (a warning names the key), silently wrong; and reports parsed per second.
// Exits non-zero when any cell is silently wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importDocument } from '../src/domain/importer/importDocument';
import { CORPUS, loadAnswerKeys, scoreReport } from './importScore';
import type { AnswerKey, CellScore } from './importScore';

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

function main(): number {
  if (!existsSync(CORPUS)) {
    console.log(`bench:import skipped: corpus not found at ${CORPUS}`);
    return 0;
  }
  const keys = loadAnswerKeys(CORPUS);
  const files = readdirSync(CORPUS)
    .filter((file) => keys.has(file))
    .sort();
  const documents = files.map((file) => ({
    file,
    text: readFileSync(path.join(CORPUS, file), 'utf8'),
  }));
  const total: CellScore = { right: 0, flagged: 0, silent: 0, silentKeys: [] };
  console.log(
    `${'file'.padEnd(46)} ${pad('shape', 18)} ${pad('right', 6)} ${pad('flagged', 8)} ${pad('silent', 7)} agency+year`,
  );
  let metadataWrong = 0;
  for (const { file, text } of documents) {
    const key = keys.get(file) as AnswerKey;
    const report = importDocument(text);
    const score = scoreReport(report, key);
    total.right += score.right;
    total.flagged += score.flagged;
    total.silent += score.silent;
    const metadataRight = report.agency === key.agency && report.year === key.year;
    if (!metadataRight) metadataWrong += 1;
    console.log(
      `${file.padEnd(46)} ${pad(report.shape, 18)} ${pad(score.right, 6)} ${pad(score.flagged, 8)} ${pad(score.silent, 7)} ` +
        (metadataRight ? 'ok' : `got ${report.agency} ${report.year}`),
    );
    for (const silent of score.silentKeys) console.log(`    silently wrong: ${silent}`);
  }
  // Throughput: parse the whole corpus repeatedly for about a second.
  const started = performance.now();
  let parsed = 0;
  while (performance.now() - started < 1000 || parsed < documents.length) {
    for (const { text } of documents) importDocument(text);
    parsed += documents.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cells = total.right + total.flagged + total.silent;
  console.log(
    `${'TOTAL'.padEnd(46)} ${pad('', 18)} ${pad(total.right, 6)} ${pad(total.flagged, 8)} ${pad(total.silent, 7)}`,
  );
  console.log(
    `${documents.length} reports, ${cells} cells: ${((100 * total.right) / cells).toFixed(1)}% exactly right, ` +
      `${total.flagged} wrong but flagged, ${total.silent} silently wrong; ` +
      `agency and year right in ${documents.length - metadataWrong}/${documents.length}; ${(parsed / seconds).toFixed(1)} reports/s`,
  );
  return total.silent > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
