// The -layout reader on small generated documents, one per quirk of the rendering: a page
// break (form feed + "-N-") inside 表三, a vertical row header broken one character per
// line, wrapped labels with the values between their halves, a row with a blank cell, a
// collapsed （六）其他处理 row, and the 表四 row under a scattered header.
import { T3_ROWS } from '../../src/domain/format/figureCatalog';
import { pdftotextLayoutReader } from '../../src/domain/importer/shapes/pdftotextLayout';
import { pdftotextRawReader } from '../../src/domain/importer/shapes/pdftotextRaw';
import { splitLines, t3RowLabel } from '../../src/domain/importer/shapes/shapeReader';
import type { ShapeReading, SourceDocument } from '../../src/domain/importer/shapes/shapeReader';

function documentOf(text: string): SourceDocument {
  return { text, format: 'text', lines: splitLines(text) };
}

/** Distinct, row-consistent values: row r holds r+1 natural persons, 1 company on odd rows. */
function rowValues(row: number): number[] {
  const person = row + 1;
  const company = row % 2;
  return [person, company, 0, 0, 0, 0, person + company];
}

function valueColumns(values: readonly (number | string)[]): string {
  return values.map((value) => String(value).padStart(8)).join('');
}

function t2Block(): string[] {
  return [
    '     二、主动公开政府信息情况',
    '第二十条 第（一）项',
    '信息内容          本年制发件数     本年废止件数   现行有效件数',
    '规章            2          0        17',
    '行政规范性文件       9          4       120',
    '信息内容          本年处理决定数量',
    '行政许可          5123',
    '',
    '                                           -2-',
    '\f信息内容                          本年处理决定数量',
    '行政处罚                          733',
    '行政强制                          12',
    '信息内容                          本年收费金额（单位：万元）',
    '行政事业性收费                       10.50',
  ];
}

function t4Block(values: readonly number[]): string[] {
  return [
    '     四、政府信息公开行政复议、行政诉讼情况',
    '行政复议                          行政诉讼',
    '                              未经复议直接起诉                              复议后起诉',
    '结果   结果    其他结    尚未',
    '                        总计',
    '维持   纠正    果      审结',
    '',
    values.map((value) => String(value).padEnd(5)).join(''),
    '',
    '     五、存在的主要问题及改进情况',
  ];
}

interface LayoutOptions {
  /** Print （六）其他处理 as one row instead of its three sub-rows. */
  collapseOtherHandling?: boolean;
  /** Drop the values of one column of one row (a blank cell). */
  blankCell?: { row: string; column: number };
}

/** A -layout style 表三 with the rendering's quirks, built from the template's own labels. */
function layoutT3(options: LayoutOptions = {}): string[] {
  const lines = [
    '      三、收到和处理政府信息公开申请情况',
    '                                                         申请人情况',
    '                               自然人      商业企业  科研机构  社会公益组织  法律服务机构  其他  总计',
  ];
  const vertical = ['三、', '本', '年', '度', '办', '理', '结', '果'];
  let verticalAt = 0;
  T3_ROWS.forEach((row, index) => {
    if (options.collapseOtherHandling && row.startsWith('otherHandling.')) {
      if (row === 'otherHandling.noCorrection') {
        lines.push(`     （六）其他处理                ${valueColumns([0, 0, 0, 0, 0, 0, 0])}`);
      }
      return;
    }
    let values: (number | string)[] = rowValues(index);
    if (options.blankCell?.row === row) {
      values = values.map((value, column) => (column === options.blankCell?.column ? '' : value));
    }
    const columns = valueColumns(values);
    if (row === 'partiallyGranted') {
      // The label wraps: its first half above the values, its second half below.
      lines.push('      （二）部分公开（区分处理的，只计这一情');
      lines.push(`                              ${columns}`);
      lines.push('      形，不计其他情形）');
    } else if (row === 'unavailable.needsCreation') {
      // A page break inside 表三, with the group label broken across it.
      lines.push('      （四）无', '', '                 -3-');
      lines.push(`\f     法提供       ${t3RowLabel(row)}     ${columns}`);
    } else {
      lines.push(`             ${t3RowLabel(row)}          ${columns}`);
    }
    // The vertical header 三、本年度办理结果, one character per line in the label column.
    if (index >= 2 && verticalAt < vertical.length) {
      lines.push(vertical[verticalAt]);
      verticalAt += 1;
    }
  });
  return lines;
}

function layoutDocument(
  options: LayoutOptions = {},
  t4 = [3, 1, 2, 0, 6, 1, 0, 0, 1, 2, 0, 0, 0, 1, 1],
): SourceDocument {
  const text = [
    '某某市人民政府2024年政府信息公开工作年度报告',
    '   一、总体情况',
    '   全年受理申请若干件。',
    ...t2Block(),
    ...layoutT3(options),
    ...t4Block(t4),
    '       存在的问题。',
    '                                 -4-',
    '\f',
  ].join('\n');
  return documentOf(text);
}

function valueOf(reading: ShapeReading, key: string): string | null | undefined {
  return reading.figures[key]?.value;
}

describe('pdftotextLayoutReader', () => {
  it('recognises the -layout shape and leaves it to no other pdftotext reader', () => {
    const doc = layoutDocument();
    expect(pdftotextLayoutReader.detect(doc)).toBeGreaterThanOrEqual(0.9);
    expect(pdftotextRawReader.detect(doc)).toBe(0);
  });

  it('does not claim HTML or tab-separated text', () => {
    const html = { ...layoutDocument(), format: 'html' as const };
    expect(pdftotextLayoutReader.detect(html)).toBe(0);
    const tabbed = documentOf(layoutDocument().text.replace(/ {8}(\d)/gu, '\t$1'));
    expect(pdftotextLayoutReader.detect(tabbed)).toBe(0);
  });

  it('reads 表二 across a page break, with the fee as an exact decimal', () => {
    const reading = pdftotextLayoutReader.read(layoutDocument());
    expect(valueOf(reading, 't2.rules.inForce')).toBe('17');
    expect(valueOf(reading, 't2.normativeDocs.issued')).toBe('9');
    expect(valueOf(reading, 't2.normativeDocs.repealed')).toBe('4');
    expect(valueOf(reading, 't2.licensing.decisions')).toBe('5123');
    expect(valueOf(reading, 't2.penalty.decisions')).toBe('733');
    expect(valueOf(reading, 't2.coercion.decisions')).toBe('12');
    expect(valueOf(reading, 't2.fees.amount')).toBe('10.5');
    expect(reading.figures['t2.fees.amount']?.raw).toBe('10.50');
  });

  it('reads every 表三 row in place despite the page break, vertical header and wrapped label', () => {
    const reading = pdftotextLayoutReader.read(layoutDocument());
    expect(reading.warnings).toEqual([]);
    T3_ROWS.forEach((row, index) => {
      const [person, company, , , , , total] = rowValues(index);
      expect([row, valueOf(reading, `t3.${row}.naturalPerson`)]).toEqual([row, String(person)]);
      expect([row, valueOf(reading, `t3.${row}.commercial`)]).toEqual([row, String(company)]);
      expect([row, valueOf(reading, `t3.${row}.total`)]).toEqual([row, String(total)]);
    });
  });

  it('records the line and column of each value', () => {
    const doc = layoutDocument();
    const figure = pdftotextLayoutReader.read(doc).figures['t3.unavailable.needsCreation.total'];
    const source = figure?.source;
    expect(source?.token).toBe(figure?.raw);
    const line = doc.lines[(source?.line ?? 0) - 1];
    expect(line.startsWith('\f')).toBe(true);
    expect(line.slice((source?.column ?? 0) - 1)).toMatch(new RegExp(`^${figure?.raw}`, 'u'));
    expect(source?.excerpt).toContain(figure?.raw);
  });

  it('places the values of a row with a blank cell by column, marked uncertain', () => {
    const reading = pdftotextLayoutReader.read(
      layoutDocument({ blankCell: { row: 'denied.thirdPartyRights', column: 1 } }),
    );
    const index = T3_ROWS.indexOf('denied.thirdPartyRights');
    expect(valueOf(reading, 't3.denied.thirdPartyRights.naturalPerson')).toBe(String(index + 1));
    expect(valueOf(reading, 't3.denied.thirdPartyRights.commercial')).toBeNull();
    expect(reading.figures['t3.denied.thirdPartyRights.commercial']?.raw).toBe('');
    expect(valueOf(reading, 't3.denied.thirdPartyRights.total')).toBe(String(rowValues(index)[6]));
    const warning = reading.warnings.find(
      (candidate) => candidate.code === 'CELL_POSITION_INFERRED',
    );
    expect(warning?.keys).toContain('t3.denied.thirdPartyRights.commercial');
    expect(reading.figures['t3.denied.thirdPartyRights.total']?.uncertain).toBe(true);
  });

  it('leaves the three （六） sub-rows empty, with a warning, when the report prints one row', () => {
    const reading = pdftotextLayoutReader.read(layoutDocument({ collapseOtherHandling: true }));
    const subRowKeys = Object.keys(reading.figures).filter((key) =>
      key.startsWith('t3.otherHandling.'),
    );
    expect(subRowKeys).toHaveLength(21);
    for (const key of subRowKeys) expect(valueOf(reading, key)).toBeNull();
    const warning = reading.warnings.find((candidate) => candidate.code === 'ROW_COLLAPSED');
    expect(warning?.keys.sort()).toEqual(subRowKeys.sort());
    // The rows after it are still read in place.
    const totalIndex = T3_ROWS.indexOf('total');
    expect(valueOf(reading, 't3.total.naturalPerson')).toBe(String(totalIndex + 1));
    expect(valueOf(reading, 't3.carriedForward.naturalPerson')).toBe(String(totalIndex + 2));
  });

  it('reads the 表四 row under its scattered header, wrong totals as printed', () => {
    const printed = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
    const reading = pdftotextLayoutReader.read(layoutDocument({}, printed));
    expect(valueOf(reading, 't4.review.upheld')).toBe('10');
    expect(valueOf(reading, 't4.review.total')).toBe('0');
    expect(valueOf(reading, 't4.suitAfterReview.upheld')).toBe('5');
    expect(reading.warnings).toEqual([]);
  });

  it('leaves 表四 empty with a warning when its row does not have 15 values', () => {
    const reading = pdftotextLayoutReader.read(layoutDocument({}, [1, 0, 0, 0, 1, 2, 0, 0, 0, 2]));
    expect(valueOf(reading, 't4.review.upheld')).toBeNull();
    const warning = reading.warnings.find((candidate) => candidate.code === 'ROW_WIDTH_MISMATCH');
    expect(warning?.keys).toHaveLength(15);
  });
});
