// The importer on small synthetic documents, one quirk per test.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { splitDigitRun } from '../../src/domain/importer/digitRuns';
import {
  importDocument,
  IMPORTER_VERSION,
  sha256Hex,
} from '../../src/domain/importer/importDocument';
import { matchT3RowLabel } from '../../src/domain/importer/labels';
import { UnrecognisedDocumentError } from '../../src/domain/importer/types';
import type { ParsedReport } from '../../src/domain/importer/types';
import { consistentValues, flattenedReport, htmlReport, tsvReport } from './syntheticReport';
import { TEMPLATE_2019_REPORT } from '../support/template2019Report';

function valuesOf(report: ParsedReport): Record<string, string | null> {
  return Object.fromEntries(Object.entries(report.figures).map(([key, f]) => [key, f.value]));
}

function warnedKeys(report: ParsedReport, code?: string): Set<string> {
  return new Set(
    report.warnings.filter((w) => code === undefined || w.code === code).flatMap((w) => w.keys),
  );
}

describe('importDocument on tab-separated rows', () => {
  it('reads all 200 keys of a consistent report exactly, with metadata and hash', () => {
    const values = consistentValues();
    const document = tsvReport(values);
    const report = importDocument(document);
    expect(report.template).toBe('2021');
    expect(report.format).toBe('markdown');
    expect(report.agency).toBe('示例县测试局');
    expect(report.year).toBe(2030);
    expect(report.importerVersion).toBe(IMPORTER_VERSION);
    expect(report.sourceHash).toBe(sha256Hex(document));
    expect(Object.keys(report.figures).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(valuesOf(report)).toEqual(values);
    expect(report.warnings).toEqual([]);
  });

  it('keeps the fee as the exact decimal text 28.488564', () => {
    const report = importDocument(tsvReport(consistentValues()));
    expect(report.figures['t2.fees.amount']).toMatchObject({
      value: '28.488564',
      raw: '28.488564',
    });
  });

  it('hints win over the detected agency and year', () => {
    const report = importDocument(tsvReport(consistentValues()), {
      agency: '另一机关',
      year: 2031,
    });
    expect(report.agency).toBe('另一机关');
    expect(report.year).toBe(2031);
  });

  it('a 表四 row with 16 values for 15 columns names the undetermined keys and never states them silently', () => {
    const values = consistentValues();
    // 复议 2|1|0|0|3, 直接起诉 0s, then a stray 0 and 复议后起诉 0|1|0|0|1: dropping any of
    // several zeros fits the group totals, and 复议后起诉 can read 1|0|0|0|1 or 0|1|0|0|1.
    const row = ['2', '1', '0', '0', '3', '0', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1'];
    const report = importDocument(tsvReport(values, { t4Row: row }));
    const flagged = warnedKeys(report, 'ROW_WIDTH_MISMATCH');
    expect(flagged).toEqual(new Set(['t4.suitAfterReview.upheld', 't4.suitAfterReview.corrected']));
    for (const key of flagged) expect(report.figures[key].value).toBeNull();
    expect(report.figures['t4.review.total'].value).toBe('3');
    expect(report.figures['t4.suitAfterReview.total'].value).toBe('1');
  });

  it('a narrative statement picks the reading of the ambiguous group, marked uncertain', () => {
    const row = ['2', '1', '0', '0', '3', '0', '0', '0', '0', '0', '0', '1', '0', '0', '0', '1'];
    const report = importDocument(
      tsvReport(consistentValues(), {
        t4Row: row,
        narrative: ['其中 1 件经行政复议后行政诉讼，维持原结果。'],
      }),
    );
    expect(report.figures['t4.suitAfterReview.upheld']).toMatchObject({
      value: '1',
      uncertain: true,
    });
    expect(report.figures['t4.suitAfterReview.corrected']).toMatchObject({
      value: '0',
      uncertain: true,
    });
    expect(warnedKeys(report, 'ROW_WIDTH_MISMATCH')).toContain('t4.suitAfterReview.upheld');
  });

  it('reads a damaged row label and says so', () => {
    const report = importDocument(
      tsvReport(consistentValues(), {
        relabel: { 'denied.prohibitedByLaw': '2.其他法律行政止公开' },
      }),
    );
    expect(report.figures['t3.denied.prohibitedByLaw.total'].value).toBe('0');
    expect(warnedKeys(report, 'LABEL_FUZZY_MATCH')).toContain('t3.denied.prohibitedByLaw.total');
  });

  it('an absent 表三 row leaves its keys empty under ROW_MISSING', () => {
    const document = tsvReport(consistentValues())
      .split('\n')
      .filter((line) => !line.startsWith('7.属于行政执法案卷'))
      .join('\n');
    const report = importDocument(document);
    expect(report.figures['t3.denied.enforcementCaseFile.total']).toMatchObject({
      value: null,
      raw: null,
    });
    expect(warnedKeys(report, 'ROW_MISSING')).toContain(
      't3.denied.enforcementCaseFile.naturalPerson',
    );
  });
});

describe('importDocument on HTML grids', () => {
  it('honours rowspan/colspan and labels split across tags, with cell paths as provenance', () => {
    const values = consistentValues();
    const report = importDocument(htmlReport(values));
    expect(report.format).toBe('html');
    expect(report.shape).toBe('html-table');
    expect(valuesOf(report)).toEqual(values);
    const source = report.figures['t3.unavailable.notHeld.commercial'].source;
    expect(source?.htmlPath).toMatch(/^table\[2\] > tr\[\d+\] > td\[\d+\]$/u);
    expect(source?.line).toBeGreaterThan(0);
    expect(source?.token).toBe('1');
  });

  it('keeps blank, marker and 0 apart', () => {
    const values = consistentValues();
    const report = importDocument(
      htmlReport(values, {
        't3.newReceived.research': '',
        't3.newReceived.socialWelfare': '/',
        't3.newReceived.legalService': '—',
        't3.carriedOver.research': '无',
      }),
    );
    expect(report.figures['t3.newReceived.research']).toMatchObject({
      value: null,
      raw: '',
      marker: null,
    });
    expect(report.figures['t3.newReceived.socialWelfare']).toMatchObject({
      value: null,
      marker: '/',
    });
    expect(report.figures['t3.newReceived.legalService']).toMatchObject({
      value: null,
      marker: '—',
    });
    expect(report.figures['t3.carriedOver.research']).toMatchObject({ value: null, marker: '无' });
    expect(report.figures['t3.newReceived.commercial']).toMatchObject({ value: '3', marker: null });
    expect(report.figures['t3.newReceived.otherOrg']).toMatchObject({ value: '0', raw: '0' });
  });
});

describe('importDocument on cells run together', () => {
  it('splits digit runs the row totals and table sums determine, and warns for the split', () => {
    const values = consistentValues();
    values['t2.normativeDocs.issued'] = '4';
    values['t2.normativeDocs.repealed'] = '0';
    values['t2.normativeDocs.inForce'] = '9';
    const report = importDocument(flattenedReport(values));
    expect(report.shape).toBe('flattened-text');
    const t3 = Object.keys(values).filter((key) => key.startsWith('t3.') || key.startsWith('t4.'));
    for (const key of t3) expect(report.figures[key].value).toBe(values[key]);
    // "123001016": 12|3|0|0|1|0|16 is the only cut whose parts sum to its total.
    expect(warnedKeys(report, 'DIGIT_RUN_SPLIT')).toContain('t3.newReceived.total');
    // 3 digits for 3 cells: nothing to infer.
    expect(report.figures['t2.normativeDocs.inForce'].value).toBe('9');
  });

  it('leaves an undetermined run empty and names its keys', () => {
    const values = consistentValues();
    const report = importDocument(flattenedReport(values));
    // "4231" for 3 cells: 4|2|31, 4|23|1, 42|3|1 — nothing decides.
    const keys = [
      't2.normativeDocs.issued',
      't2.normativeDocs.repealed',
      't2.normativeDocs.inForce',
    ];
    for (const key of keys) expect(report.figures[key]).toMatchObject({ value: null, raw: '4231' });
    expect(warnedKeys(report, 'DIGIT_RUN_AMBIGUOUS')).toEqual(new Set(keys));
  });

  it('uses a figure the narrative states to choose a run split, marked uncertain', () => {
    const report = importDocument(
      flattenedReport(
        consistentValues(),
        '全年制发行政规范性文件4件，现行有效行政规范性文件31件。',
      ),
    );
    // Of 4|2|31, 4|23|1 and 42|3|1 only the first agrees with both stated counts.
    expect(report.figures['t2.normativeDocs.issued']).toMatchObject({
      value: '4',
      uncertain: true,
    });
    expect(report.figures['t2.normativeDocs.repealed']).toMatchObject({
      value: '2',
      uncertain: true,
    });
    expect(report.figures['t2.normativeDocs.inForce']).toMatchObject({
      value: '31',
      uncertain: true,
    });
    expect(warnedKeys(report, 'DIGIT_RUN_AMBIGUOUS')).toContain('t2.normativeDocs.repealed');
  });

  it('enumerates cuts without leading zeros, honouring surviving spaces', () => {
    expect(splitDigitRun(['105'], 2)).toEqual([['10', '5']]);
    expect(splitDigitRun(['1', '05'], 3)).toEqual([['1', '0', '5']]);
    expect(splitDigitRun(['12'], 3)).toEqual([]);
  });
});

describe('templates and unreadable documents', () => {
  it('recognises the 2019 template and reads no 2021 keys from it', () => {
    const document = TEMPLATE_2019_REPORT;
    const report = importDocument(document);
    expect(report.template).toBe('2019');
    expect(report.figures).toEqual({});
    expect(report.warnings.map((w) => w.code)).toContain('TEMPLATE_2019');
    expect(report.year).toBe(2019);
  });

  it('rejects an empty document and a document that is not a report', () => {
    expect(() => importDocument('  \n ')).toThrow(UnrecognisedDocumentError);
    expect(() => importDocument('今天天气很好。')).toThrow(/not a|no annual-report/u);
  });

  it('matches 表三 labels tolerant of numbering, spacing and typos', () => {
    expect(matchT3RowLabel('2.其他法律行政止公开')).toMatchObject({
      exact: false,
      entry: { row: 'denied.prohibitedByLaw' },
    });
    expect(matchT3RowLabel('3.其他')?.entry.row).toBe('otherHandling.other');
    expect(matchT3RowLabel('（七）总计')?.entry.row).toBe('total');
    expect(matchT3RowLabel('4.无正当理由大量反复 申请')?.entry.row).toBe('notProcessed.excessive');
    expect(
      matchT3RowLabel('1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')?.entry
        .row,
    ).toBe('otherHandling.noCorrection');
    expect(matchT3RowLabel('工作要点')).toBeNull();
  });
});
