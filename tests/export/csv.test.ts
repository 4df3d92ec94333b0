import { FIGURE_KEYS, figureDefinition } from '../../src/domain/format/figureCatalog';
import { CSV_COLUMNS, csvField, reportToCsv } from '../../src/export/csv';
import {
  FEE,
  fixtureReport,
  fixtureReportWithNarrativeFigures,
  withFigures,
} from './reportFixture';

/** A strict RFC 4180 reader, written independently of the exporter to check its output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`bare ${JSON.stringify(char)} outside quotes at ${index}`);
    } else field += char;
    index += 1;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

function csvRecords(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(csv.slice(1));
  return rows.map((cells) => {
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, index) => [name, cells[index]]));
  });
}

const column = (id: (typeof CSV_COLUMNS)[number]['id']): string =>
  CSV_COLUMNS.find((c) => c.id === id)!.header;

describe('reportToCsv (unit)', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads the Chinese labels', () => {
    const csv = reportToCsv(fixtureReport());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has a header and one CRLF-terminated row per figure, in template order', () => {
    const csv = reportToCsv(fixtureReport());
    expect(csv.split('\r\n')).toHaveLength(1 + 200 + 1);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = csvRecords(csv);
    expect(records.map((record) => record[column('key')])).toEqual(FIGURE_KEYS);
  });

  it('writes Chinese labels from the catalog and the exact decimal unchanged', () => {
    const records = csvRecords(reportToCsv(fixtureReport()));
    const fee = records.find((record) => record[column('key')] === 't2.fees.amount')!;
    expect(fee[column('value')]).toBe(FEE);
    expect(fee[column('raw')]).toBe(FEE);
    const definition = figureDefinition('t3.denied.thirdPartyRights.total')!;
    const denied = records.find((r) => r[column('key')] === definition.key)!;
    expect(denied[column('table')]).toBe(definition.tableLabel);
    expect(denied[column('row')]).toBe(definition.rowLabel);
    expect(denied[column('column')]).toBe('总计');
    expect(denied[column('lastChangedAt')]).toBe('2025-01-02T03:04:05.000Z');
  });

  it('round-trips commas, quotes and newlines in any field', () => {
    const reason = '更正："表三" 第1行,\r\n按原件核对';
    const actorName = '张三, "审核"';
    const report = withFigures(fixtureReport(), {
      't3.newReceived.total': {
        value: '70',
        raw: '7,0',
        lastChange: { actorName, actorId: 'a1', recordedAt: new Date(0), reason },
      },
    });
    const record = csvRecords(reportToCsv(report)).find(
      (r) => r[column('key')] === 't3.newReceived.total',
    )!;
    expect(record[column('raw')]).toBe('7,0');
    expect(record[column('lastActor')]).toBe(actorName);
    expect(record[column('lastReason')]).toBe(reason);
    expect(record[column('lastChangedAt')]).toBe('1970-01-01T00:00:00.000Z');
  });

  it('leaves blank cells blank, keeps markers, and has no actor for a figure never changed', () => {
    const report = withFigures(fixtureReport(), {
      't4.review.upheld': { value: null, raw: null, marker: null, lastChange: null },
      't4.review.other': { value: null, raw: '—', marker: '—' },
      't4.review.pending': { value: '0', raw: '0' },
    });
    const records = csvRecords(reportToCsv(report));
    const byKey = (key: string) => records.find((r) => r[column('key')] === key)!;
    expect(byKey('t4.review.upheld')[column('value')]).toBe('');
    expect(byKey('t4.review.upheld')[column('raw')]).toBe('');
    expect(byKey('t4.review.upheld')[column('lastActor')]).toBe('');
    expect(byKey('t4.review.upheld')[column('lastChangedAt')]).toBe('');
    expect(byKey('t4.review.other')[column('marker')]).toBe('—');
    expect(byKey('t4.review.other')[column('value')]).toBe('');
    expect(byKey('t4.review.pending')[column('value')]).toBe('0');
  });
});

describe('reportToCsv with narrative figures (unit)', () => {
  it('given figures stated in the narrative, when exported, then each has a row after the tables with its section, unit and sentence, in text order', () => {
    const records = csvRecords(reportToCsv(fixtureReportWithNarrativeFigures()));
    expect(records).toHaveLength(202);
    expect(records.slice(0, 200).map((record) => record[column('key')])).toEqual(FIGURE_KEYS);
    expect(records.slice(200).map((record) => record[column('key')])).toEqual([
      'n.1.1.2',
      'n.1.1.10',
    ]);
    expect(records[201]).toMatchObject({
      [column('table')]: '正文',
      [column('row')]: '1.1',
      [column('column')]: '',
      [column('value')]: '12',
      [column('unit')]: '篇',
      [column('sentence')]: '其中政策解读12篇。',
      [column('lastActor')]: '张三',
    });
  });

  it('given a table cell, when exported, then its unit is the catalog unit and its sentence is empty', () => {
    const records = csvRecords(reportToCsv(fixtureReport()));
    const fee = records.find((record) => record[column('key')] === 't2.fees.amount')!;
    expect(fee[column('unit')]).toBe(figureDefinition('t2.fees.amount')!.unit);
    expect(fee[column('sentence')]).toBe('');
  });
});

describe('csvField (unit)', () => {
  it('neutralises text a spreadsheet would run as a formula, not numbers or markers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('-3')).toBe('-3');
    expect(csvField('-')).toBe('-');
    expect(csvField('28.488564')).toBe('28.488564');
  });
});
