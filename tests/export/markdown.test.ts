import { readFileSync } from 'node:fs';
import path from 'node:path';
import { T3_ROWS } from '../../src/domain/format/figureCatalog';
import type { RuleResult } from '../../src/domain/rules/types';
import { reportToMarkdown } from '../../src/export/markdown';
import {
  FEE,
  fixtureReport,
  fixtureReportWithNarrativeFigures,
  withFigures,
} from './reportFixture';
import { SHARED_CORPUS_DIR, sharedFilePresent } from '../support/sharedCorpus';

/** The table lines that follow a `## title` heading, each split into trimmed cells. */
function tableAfter(markdown: string, title: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const isHeaderRow = (cells: string[], index: number): boolean =>
  index === 0 || cells.some((cell) => cell.startsWith('**'));
const isSeparator = (cells: string[]): boolean => cells.every((cell) => cell === '---');

function dataRows(table: string[][]): string[][] {
  return table.filter((cells, index) => !isSeparator(cells) && !isHeaderRow(cells, index));
}

describe('reportToMarkdown (unit)', () => {
  const markdown = reportToMarkdown(fixtureReport());

  it('starts with the title, then the narrative sections in order, then the tables', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 平罗县审批服务管理局2024年政府信息公开工作年度报告',
      '## 一、总体情况',
      '### （一）主动公开',
      '## 五、存在的主要问题及改进情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(markdown).toContain('\n\n本年度，我局坚持……\n\n第二段。\n\n');
  });

  it('places each table under its own part of the narrative, without repeating the heading', () => {
    const text = reportToMarkdown(
      fixtureReport({
        narrative: [
          { id: '1', heading: '一、总体情况', text: '概述。' },
          { id: '2', heading: '二、主动公开政府信息情况', text: '' },
          { id: '3', heading: '三、收到和处理政府信息公开申请情况', text: '' },
          { id: '4', heading: '四、政府信息公开行政复议、行政诉讼情况', text: '' },
          { id: '5', heading: '五、存在的主要问题及改进情况', text: '问题。' },
          { id: '5.1', heading: '（一）存在问题', text: '其一。' },
        ],
      }),
    );
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 平罗县审批服务管理局2024年政府信息公开工作年度报告',
      '## 一、总体情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '### （一）存在问题',
    ]);
    expect(dataRows(tableAfter(text, '三、收到和处理政府信息公开申请情况'))).toHaveLength(25);
    expect(text.indexOf('| 行政复议 |')).toBeLessThan(text.indexOf('## 五、'));
  });

  it('lays out 表二 as its four 第二十条 blocks with six data rows', () => {
    const table = tableAfter(markdown, '二、主动公开政府信息情况');
    const rows = dataRows(table);
    expect(rows.map((cells) => cells[0])).toEqual([
      '规章',
      '行政规范性文件',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
    ]);
    expect(rows[5][1]).toBe(FEE);
    expect(table.every((cells) => cells.length === 4)).toBe(true);
  });

  it('given a report, when exported, then 表三 has the three header rows of the printed form (corner note and 申请人情况, 自然人 | 法人或其他组织 | 总计, the five kinds) and 25 rows of grouped labels', () => {
    const table = tableAfter(markdown, '三、收到和处理政府信息公开申请情况');
    const header = table.filter((cells, index) => !isSeparator(cells) && isHeaderRow(cells, index));
    expect(header).toHaveLength(3);
    expect(header[0].slice(3)).toEqual(['申请人情况', '', '', '', '', '', '']);
    expect(header[1].slice(3)).toEqual([
      '**自然人**',
      '**法人或其他组织**',
      '',
      '',
      '',
      '',
      '**总计**',
    ]);
    expect(header[2].slice(3)).toEqual([
      '',
      '**商业企业**',
      '**科研机构**',
      '**社会公益组织**',
      '**法律服务机构**',
      '**其他**',
      '',
    ]);
    expect(header.map((cells) => cells.slice(1, 3))).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]);
    const rows = dataRows(table);
    expect(rows).toHaveLength(T3_ROWS.length);
    expect(T3_ROWS).toHaveLength(25);
    // A group label is written once, where the group starts (a merged cell in the original).
    expect(rows.filter((cells) => cells[0] === '三、本年度办理结果')).toHaveLength(1);
    expect(rows.filter((cells) => cells[1] === '（三）不予公开')).toHaveLength(1);
    expect(rows.filter((cells) => cells[2].startsWith('1.'))).toHaveLength(4);
    expect(rows.every((cells) => cells.length === 10)).toBe(true);
  });

  it('given a report, when exported, then 表四 has the header rows of the printed form, 行政复议’s five results right under it beside 行政诉讼’s two kinds, over one data row', () => {
    const table = tableAfter(markdown, '四、政府信息公开行政复议、行政诉讼情况');
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const bold = (labels: readonly string[]): string[] => labels.map((label) => `**${label}**`);
    expect(table[0].filter(Boolean)).toEqual(['行政复议', '行政诉讼']);
    expect(table[0].indexOf('行政诉讼')).toBe(5);
    expect(table[2]).toEqual([
      ...bold(results),
      '**未经复议直接起诉**',
      '',
      '',
      '',
      '',
      '**复议后起诉**',
      '',
      '',
      '',
      '',
    ]);
    expect(table[3]).toEqual(['', '', '', '', '', ...bold(results), ...bold(results)]);
    const rows = dataRows(table);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(15);
  });

  it('leaves empty cells blank and shows markers as published', () => {
    const report = withFigures(fixtureReport(), {
      't2.rules.issued': { value: null, raw: '/', marker: '/' },
      't2.rules.repealed': { value: null, raw: null, marker: null },
      't2.rules.inForce': { value: '0', raw: '0' },
      't4.suitDirect.total': { value: null, raw: '—', marker: '—' },
    });
    const text = reportToMarkdown(report);
    const t2 = dataRows(tableAfter(text, '二、主动公开政府信息情况'));
    expect(t2[0]).toEqual(['规章', '/', '', '0']);
    const t4 = dataRows(tableAfter(text, '四、政府信息公开行政复议、行政诉讼情况'))[0];
    expect(t4[9]).toBe('—');
  });

  it('writes narrative text literally, so a pipe or a heading mark cannot break the layout', () => {
    const text = reportToMarkdown(
      fixtureReport({
        narrative: [{ id: '6', heading: '六、其他 | 事项', text: '# 不是标题\n<b>加粗</b>' }],
      }),
    );
    expect(text).toContain('## 六、其他 \\| 事项');
    expect(text).toContain('\\# 不是标题');
    expect(text).toContain('\\<b\\>加粗\\</b\\>');
  });

  it('lists failed rules with the cells they read', () => {
    const failed: RuleResult = {
      id: 'T4_GROUP_TOTAL',
      scope: 'review',
      status: 'failed',
      severity: 'error',
      keys: ['t4.review.total', 't4.review.upheld'],
      left: '3',
      right: '4',
      message: '总计3与各项之和4不符',
    };
    const passed: RuleResult = { ...failed, scope: 'suitDirect', status: 'ok', message: 'ok' };
    const text = reportToMarkdown(fixtureReport({ rules: [failed, passed] }));
    expect(text).toContain('## 勾稽关系检查未通过');
    expect(text).toContain('总计3与各项之和4不符');
    expect(text).toContain('`t4.review.upheld`');
    expect(text).not.toContain('suitDirect');
    expect(reportToMarkdown(fixtureReport())).not.toContain('勾稽关系检查未通过');
  });

  it('given figures stated in the narrative, when exported, then a 正文中的数字 table lists each with section, value, unit and sentence, in text order', () => {
    const text = reportToMarkdown(fixtureReportWithNarrativeFigures());
    const section = text.slice(text.indexOf('## 正文中的数字'));
    expect(text.indexOf('## 正文中的数字')).toBeGreaterThan(
      text.indexOf('四、政府信息公开行政复议、行政诉讼情况'),
    );
    const rows = section.split('\n').filter((line) => line.startsWith('| `n.'));
    expect(rows).toEqual([
      '| `n.1.1.2` | 1.1 | 6616 | 条 | 主动公开信息6616条。 |',
      '| `n.1.1.10` | 1.1 | 12 | 篇 | 其中政策解读12篇。 |',
    ]);
    expect(reportToMarkdown(fixtureReport())).not.toContain('正文中的数字');
  });
});

// ---- the printed form: a published report's own HTML tables, merged cells and all ----

const PUBLISHED_HTML = path.join(SHARED_CORPUS_DIR, '2024_pingtan-zonghe-shiyanqu_article.html');
const publishedPresent = sharedFilePresent(
  'Markdown tables against a published report',
  PUBLISHED_HTML,
);
const describeWithPublished = publishedPresent ? describe : describe.skip;

const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '')
    .replace(/\s/g, '');

/**
 * The header rows of the published table that holds `marker`, as a grid the way a browser
 * places the cells: a cell's text at its first row and column, blank where it spans on. The
 * header rows are those above the first row with a number.
 */
function publishedHeaderGrid(html: string, marker: string): string[][] {
  const at = html.indexOf(marker);
  const table = html.slice(html.lastIndexOf('<table', at), html.indexOf('</table>', at));
  const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((cell) => ({
      text: plain(cell[2]),
      colSpan: Number(/colspan="(\d+)"/.exec(cell[1])?.[1] ?? 1),
      rowSpan: Number(/rowspan="(\d+)"/.exec(cell[1])?.[1] ?? 1),
    })),
  );
  const headRows = rows.findIndex((cells) => cells.some((cell) => /^\d+$/.test(cell.text)));
  const grid: string[][] = [];
  const taken = new Set<string>();
  rows.slice(0, headRows).forEach((cells, row) => {
    grid[row] = grid[row] ?? [];
    let column = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${column}`)) column += 1;
      for (let down = 0; down < cell.rowSpan; down += 1)
        for (let across = 0; across < cell.colSpan; across += 1) {
          taken.add(`${row + down}:${column + across}`);
          if (down < headRows - row) {
            grid[row + down] = grid[row + down] ?? [];
            grid[row + down][column + across] = down === 0 && across === 0 ? cell.text : '';
          }
        }
      column += cell.colSpan;
    }
  });
  return grid.map((cells) => Array.from(cells, (text) => text ?? ''));
}

/** The exported table's header rows (the Markdown header and the bold rows), as plain text. */
function exportedHeaderGrid(markdown: string, title: string): string[][] {
  return tableAfter(markdown, title)
    .filter((cells, index) => !isSeparator(cells) && isHeaderRow(cells, index))
    .map((cells) => cells.map((cell) => cell.replace(/^\*\*(.*)\*\*$/, '$1').replace(/\s/g, '')));
}

describeWithPublished('reportToMarkdown against a published report', () => {
  const html = publishedPresent ? readFileSync(PUBLISHED_HTML, 'utf8') : '';
  const markdown = reportToMarkdown(fixtureReport());

  it('given 平潭综合实验区’s 2024 report as published in HTML, when 表三 is exported, then its header rows hold the published header cells where the published table starts them', () => {
    const published = publishedHeaderGrid(html, '申请人情况');
    expect(published[0].filter(Boolean)).toContain('申请人情况');
    expect(exportedHeaderGrid(markdown, '三、收到和处理政府信息公开申请情况')).toEqual(published);
  });

  it('given 平潭综合实验区’s 2024 report as published in HTML, when 表四 is exported, then its header rows hold the published header cells where the published table starts them', () => {
    const published = publishedHeaderGrid(html, '复议后起诉');
    expect(published[1].slice(0, 5)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
    expect(exportedHeaderGrid(markdown, '四、政府信息公开行政复议、行政诉讼情况')).toEqual(
      published,
    );
  });
});
