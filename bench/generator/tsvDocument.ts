// A report document for generated values, in the tab-separated shape of the seed report, for
// imports that go through the real importer (the measured report is imported over the API).
import { T3_ROWS } from '../../src/domain/format/figureCatalog';
import { t3RowLabel } from '../../src/domain/importer/labels';
import { t2ItemKeys, t3RowKeys, t4Keys } from '../../src/domain/importer/tableKeys';
import type { FigureValueMap } from './figureValues';

const T2_ITEMS: ReadonlyArray<[string, string]> = [
  ['规章', 'rules'],
  ['行政规范性文件', 'normativeDocs'],
  ['行政许可', 'licensing'],
  ['行政处罚', 'penalty'],
  ['行政强制', 'coercion'],
  ['行政事业性收费', 'fees'],
];

export function tsvDocument(agency: string, year: number, values: FigureValueMap): string {
  const lines = [
    `# ${agency}${year}年政府信息公开工作年度报告`,
    '',
    '## 一、总体情况',
    '',
    `${year}年，${agency}依法推进政府信息公开工作。`,
    '',
    '## 二、主动公开政府信息情况',
    '',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    ...T2_ITEMS.map(([label, item]) =>
      [label, ...t2ItemKeys(item).map((key) => values[key])].join('\t'),
    ),
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    ...T3_ROWS.map((row) =>
      [t3RowLabel(row), '', ...t3RowKeys(row).map((key) => values[key])].join('\t'),
    ),
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '行政复议\t\t\t\t\t行政诉讼',
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].join('\t'),
    t4Keys()
      .map((key) => values[key])
      .join('\t'),
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    '继续改进。',
  ];
  return lines.join('\n');
}
