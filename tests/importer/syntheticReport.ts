// Small synthetic reports written for the tests (no corpus text): the template's row labels
// from the catalogue, values chosen by each test, laid out in the shapes the importer reads.
import { FIGURE_KEYS, T3_ROWS } from '../../src/domain/format/figureCatalog';
import { t3RowLabel } from '../../src/domain/importer/labels';
import { t3RowKeys, t4Keys } from '../../src/domain/importer/tableKeys';

export type Values = Record<string, string>;

/** A consistent set of 200 values: a few applications, everything else 0. */
export function consistentValues(): Values {
  const values: Values = {};
  for (const key of FIGURE_KEYS) values[key] = '0';
  const setRow = (row: string, cells: string[]): void => {
    t3RowKeys(row).forEach((key, index) => {
      values[key] = cells[index];
    });
  };
  setRow('newReceived', ['12', '3', '0', '0', '1', '0', '16']);
  setRow('carriedOver', ['2', '0', '0', '0', '0', '0', '2']);
  setRow('granted', ['8', '2', '0', '0', '1', '0', '11']);
  setRow('unavailable.notHeld', ['5', '1', '0', '0', '0', '0', '6']);
  setRow('total', ['13', '3', '0', '0', '1', '0', '17']);
  setRow('carriedForward', ['1', '0', '0', '0', '0', '0', '1']);
  Object.assign(values, {
    't2.rules.issued': '1',
    't2.rules.inForce': '7',
    't2.normativeDocs.issued': '4',
    't2.normativeDocs.repealed': '2',
    't2.normativeDocs.inForce': '31',
    't2.licensing.decisions': '5120',
    't2.penalty.decisions': '37',
    't2.coercion.decisions': '3',
    't2.fees.amount': '28.488564',
    't4.review.upheld': '2',
    't4.review.corrected': '1',
    't4.review.total': '3',
    't4.suitDirect.upheld': '1',
    't4.suitDirect.total': '1',
  });
  return values;
}

const T2_LINES: readonly [string, string[]][] = [
  ['规章', ['t2.rules.issued', 't2.rules.repealed', 't2.rules.inForce']],
  [
    '行政规范性文件',
    ['t2.normativeDocs.issued', 't2.normativeDocs.repealed', 't2.normativeDocs.inForce'],
  ],
  ['行政许可', ['t2.licensing.decisions']],
  ['行政处罚', ['t2.penalty.decisions']],
  ['行政强制', ['t2.coercion.decisions']],
  ['行政事业性收费', ['t2.fees.amount']],
];

const NARRATIVE_HEAD = [
  '# 示例县测试局',
  '',
  '## 2030 年政府信息公开工作年度报告',
  '',
  '### 一、总体情况',
  '',
  '本年度示例县测试局依法推进政务公开。',
  '',
];

export interface TsvOptions {
  /** Replace the 表四 data row (default: the 15 values of `values`). */
  t4Row?: string[];
  /** Extra narrative sentences (section 四). */
  narrative?: string[];
  /** Replace one 表三 row label, e.g. with a damaged spelling. */
  relabel?: Record<string, string>;
}

/** Markdown with tab-separated table rows, the shape of the seed document. */
export function tsvReport(values: Values, options: TsvOptions = {}): string {
  const lines = [...NARRATIVE_HEAD, '## 二、主动公开政府信息情况', '', '第二十条第（一）项\t\t\t'];
  lines.push('信息内容\t本年制发件数\t本年废止件数\t现行有效件数');
  for (const [label, keys] of T2_LINES) {
    lines.push([label, ...keys.map((key) => `<b>${values[key]}</b>`)].join('\t'));
  }
  lines.push('', '### 三、收到和处理政府信息公开申请情况', '');
  lines.push('\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
  for (const row of T3_ROWS) {
    const label = options.relabel?.[row] ?? t3RowLabel(row);
    lines.push([label, '', ...t3RowKeys(row).map((key) => values[key])].join('\t'));
  }
  lines.push('', '#### 四、政府信息公开行政复议、行政诉讼情况', '');
  lines.push('行政复议\t\t\t\t\t行政诉讼');
  lines.push(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].join('\t'));
  lines.push((options.t4Row ?? t4Keys().map((key) => values[key])).join('\t'));
  lines.push('', '#### 五、存在的主要问题及改进情况', '', ...(options.narrative ?? ['继续改进。']));
  return lines.join('\n');
}

export interface HtmlCellOverride {
  /** Replaces the cell's inner HTML. */
  [key: string]: string;
}

function td(content: string, attributes = ''): string {
  return `<td${attributes}><p><span style="font-size:10pt">${content}</span></p></td>`;
}

/** An HTML article with the 表三 grid laid out with rowspan/colspan like CMS pages. */
export function htmlReport(values: Values, cells: HtmlCellOverride = {}): string {
  const cell = (key: string): string => td(cells[key] ?? values[key]);
  const t2 = T2_LINES.map(
    ([label, keys]) =>
      `<tr>${td(label)}${keys.length === 1 ? td(cells[keys[0]] ?? values[keys[0]], ' colspan="3"') : keys.map(cell).join('')}</tr>`,
  ).join('');
  const groupSpans: Record<string, number> = {
    denied: 8,
    unavailable: 3,
    notProcessed: 5,
    otherHandling: 3,
  };
  const groupLabels: Record<string, string> = {
    denied: '（三）不予</p><p>公开',
    unavailable: '（四）无法提供',
    notProcessed: '（五）不予处理',
    otherHandling: '（六）其他处理',
  };
  const seenGroups = new Set<string>();
  const t3 = T3_ROWS.map((row, index) => {
    const values7 = t3RowKeys(row).map(cell).join('');
    const label = t3RowLabel(row);
    if (row === 'newReceived' || row === 'carriedOver' || row === 'carriedForward') {
      return `<tr>${td(label, ' colspan="3"')}${values7}</tr>`;
    }
    const results = index === 2 ? td('三、本</p><p>年度办理结果', ' rowspan="22"') : '';
    const group = row.includes('.') ? row.split('.')[0] : null;
    if (!group) return `<tr>${results}${td(label, ' colspan="2"')}${values7}</tr>`;
    const groupCell = seenGroups.has(group)
      ? ''
      : td(groupLabels[group], ` rowspan="${groupSpans[group]}"`);
    seenGroups.add(group);
    return `<tr>${results}${groupCell}${td(label)}${values7}</tr>`;
  }).join('');
  const t4 = t4Keys().map(cell).join('');
  return [
    '<div class="article">',
    '<p>示例市测试委员会2030年度政府信息公开工作年度报告</p>',
    '<p>一、总体情况</p><p>本年度依法推进政务公开。</p>',
    '<p>二、主动公开政府信息情况</p>',
    `<table><tbody><tr>${td('第二十条第（一）项', ' colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${td('本年制发件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>${t2}</tbody></table>`,
    '<p>三、收到和处理政府信息公开申请情况</p>',
    `<table><tbody><tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="3" colspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${td('商业</p><p>企业')}${td('科研机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>`,
    `${t3}</tbody></table>`,
    '<p>四、政府信息公开行政复议、行政诉讼情况</p>',
    `<table><tbody><tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
    `<tr>${td('结果维持', ' rowspan="2"')}${td('结果纠正', ' rowspan="2"')}${td('其他结果', ' rowspan="2"')}${td('尚未审结', ' rowspan="2"')}${td('总计', ' rowspan="2"')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
    `<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => td(l)).join('')}</tr>`,
    `<tr>${t4}</tr></tbody></table>`,
    '<p>五、存在的主要问题及改进情况</p><p>继续改进。</p>',
    '</div>',
  ].join('\n');
}

/** Crawler text with cells run together, the shape of the flattened archive pages. */
export function flattenedReport(values: Values, narrative = ''): string {
  const t2 = T2_LINES.map(([label, keys]) => label + keys.map((key) => values[key]).join('')).join(
    '第二十条',
  );
  const t3 = T3_ROWS.map(
    (row) =>
      t3RowLabel(row) +
      t3RowKeys(row)
        .map((key) => values[key])
        .join(''),
  ).join('');
  const t4 = t4Keys()
    .map((key) => values[key])
    .join('');
  return [
    '标题: 示例区2030年度政府信息公开工作年度报告',
    `一、总体情况 ${narrative} 二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数${t2}` +
      `三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计${t3}` +
      `四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计${t4}五、存在的主要问题及改进情况继续改进。`,
  ].join('\n');
}
