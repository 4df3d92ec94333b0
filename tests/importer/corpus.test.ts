// The importer on the shared corpus of real reports (read at run time, skipped with a notice
// when ../shared/corpus is absent): one test per quirk listed in its INDEX, plus the promise
// that no cell of any corpus report is silently wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS, loadAnswerKeys, scoreReport } from '../../bench/importScore';
import { T3_COLUMNS, T4_RESULTS } from '../../src/domain/format/figureCatalog';
import { importDocument } from '../../src/domain/importer/importDocument';
import type { ParsedReport } from '../../src/domain/importer/types';
import { corpusPresent } from '../support/sharedCorpus';

const present = corpusPresent('importer corpus tests', 'INDEX.tsv');
const describeCorpus = present ? describe : describe.skip;

const cache = new Map<string, ParsedReport>();
function parse(file: string): ParsedReport {
  const cached = cache.get(file);
  if (cached) return cached;
  const report = importDocument(readFileSync(path.join(CORPUS, file), 'utf8'));
  cache.set(file, report);
  return report;
}

function value(report: ParsedReport, key: string): string | null {
  return report.figures[key].value;
}

function row(report: ParsedReport, prefix: string, columns: readonly string[]): (string | null)[] {
  return columns.map((column) => value(report, `${prefix}.${column}`));
}

const T3 = T3_COLUMNS;
const T4 = T4_RESULTS;

function warned(report: ParsedReport, code: string): Set<string> {
  return new Set(report.warnings.filter((w) => w.code === code).flatMap((w) => w.keys));
}

describeCorpus('importer on the corpus', () => {
  it('states no silently wrong cell in any corpus report', () => {
    const keys = loadAnswerKeys(CORPUS);
    for (const [file, key] of keys) {
      const score = scoreReport(parse(file), key);
      expect({ file, silent: score.silentKeys }).toEqual({ file, silent: [] });
    }
  });

  it('seed: the 16-for-15 表四 row flags the 复议后起诉 cells it cannot settle', () => {
    const report = parse('2024_pingluo-xian-shenpiju_seed.md');
    expect(report.shape).toBe('tsv');
    expect(report.figures['t2.fees.amount']).toMatchObject({
      value: '28.488564',
      raw: '28.488564',
    });
    expect(row(report, 't4.review', T4)).toEqual(['1', '0', '0', '0', '1']);
    const flagged = warned(report, 'ROW_WIDTH_MISMATCH');
    expect(flagged).toContain('t4.suitAfterReview.upheld');
    expect(report.figures['t4.suitAfterReview.upheld'].uncertain).toBe(true);
  });

  it('2024 pingtan HTML: rowspan grid and split labels read to the cell', () => {
    const report = parse('2024_pingtan-zonghe-shiyanqu_article.html');
    expect(row(report, 't3.otherHandling.other', T3)).toEqual(['1', '1', '0', '0', '0', '0', '2']);
    expect(row(report, 't4.suitAfterReview', T4)).toEqual(['13', '2', '4', '0', '19']);
    expect(report.figures['t2.normativeDocs.inForce'].source?.htmlPath).toMatch(
      /^table\[1\] > tr\[4\]/u,
    );
    expect(report.warnings).toEqual([]);
  });

  it('shuyang HTML: blank 法人 cells stay blank, not 0; 规范性文件 maps to normativeDocs', () => {
    const report = parse('2023_shuyang-xian-fagaiju_article.html');
    expect(report.figures['t3.newReceived.commercial']).toMatchObject({
      value: null,
      raw: '',
      marker: null,
    });
    expect(row(report, 't3.newReceived', T3)).toEqual(['26', null, null, null, null, null, '26']);
    expect(value(report, 't2.normativeDocs.inForce')).toBe('18');
    expect(row(report, 't4.review', T4)).toEqual(['0', '0', '0', '1', '1']);
  });

  it('shanghai pdf2md: detached labels placed by template order; the empty 总计 cell is flagged', () => {
    const report = parse('2024_shanghai-kewei_pdf2md.md');
    expect(report.shape).toBe('pipe-table');
    expect(row(report, 't3.denied.internalAffairs', T3)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    expect(row(report, 't3.otherHandling.noCorrection', T3)).toEqual([
      '8',
      '2',
      '0',
      '0',
      '0',
      '0',
      '10',
    ]);
    expect(value(report, 't2.licensing.decisions')).toBe('97');
    expect(value(report, 't2.normativeDocs.issued')).toBe('13');
    expect(report.figures['t3.carriedForward.total']).toMatchObject({ value: null, raw: '' });
    expect(warned(report, 'BLANK_CELL_IMPLIED')).toContain('t3.carriedForward.total');
  });

  it('2021 pingtan flattened: digit runs split by the sums; the undetermined 表二 run is left empty', () => {
    const report = parse('2021_pingtan-zonghe-shiyanqu_flattened.txt');
    expect(row(report, 't3.newReceived', T3)).toEqual(['64', '0', '0', '2', '0', '4', '70']);
    expect(row(report, 't4.suitDirect', T4)).toEqual(['12', '0', '0', '0', '12']);
    expect(value(report, 't2.normativeDocs.issued')).toBeNull();
    expect(warned(report, 'DIGIT_RUN_AMBIGUOUS')).toContain('t2.normativeDocs.inForce');
    expect(report.figures['t2.fees.amount'].value).toBe('24252.311082');
  });

  it('2022 pingtan flattened: the narrative settles 8855698 as 88|55|698, marked uncertain', () => {
    const report = parse('2022_pingtan-zonghe-shiyanqu_flattened.txt');
    expect(row(report, 't2.normativeDocs', ['issued', 'repealed', 'inForce'])).toEqual([
      '88',
      '55',
      '698',
    ]);
    expect(report.figures['t2.normativeDocs.repealed'].uncertain).toBe(true);
    expect(row(report, 't4.review', T4)).toEqual(['0', '1', '1', '0', '2']);
  });

  it('2025 pingtan flattened: a non-zero carry-forward run is split consistently', () => {
    const report = parse('2025_pingtan-zonghe-shiyanqu_flattened.txt');
    expect(row(report, 't3.carriedForward', T3)).toEqual(['4', '2', '0', '0', '0', '0', '6']);
    expect(row(report, 't4.review', T4)).toEqual(['25', '3', '8', '0', '36']);
  });

  it('2024 pingtan: the flattened text and the HTML of one report agree where the text decides', () => {
    const html = parse('2024_pingtan-zonghe-shiyanqu_article.html');
    const flat = parse('2024_pingtan-zonghe-shiyanqu_flattened.txt');
    for (const key of Object.keys(html.figures)) {
      const flatValue = flat.figures[key].value;
      if (flatValue !== null && !flat.figures[key].uncertain)
        expect([key, flatValue]).toEqual([key, html.figures[key].value]);
    }
  });
});
