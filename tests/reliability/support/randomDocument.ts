// Random documents built from the vocabulary of annual reports (table titles, row labels,
// numbers in every spelling the corpus uses, separators, markup) mixed with arbitrary text, so
// fast-check reaches the importer's table readers and not only its "not a report" exit.
import fc from 'fast-check';
import { FIGURES } from '../../../src/domain/format/figureCatalog';

const LABELS = [
  ...new Set(
    FIGURES.flatMap((figure) => [
      figure.tableLabel,
      ...figure.rowLabel.split(' / '),
      ...figure.columnLabel.split(' / '),
    ]),
  ),
];

const REPORT_WORDS = [
  '政府信息公开工作年度报告',
  '国办公开办函〔2021〕30号',
  '国办公开办函〔2019〕60号',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '表三',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '行政复议',
  '行政诉讼',
  '结果维持',
  '尚未审结',
  '本年度',
  '件',
  '条',
  '万元',
  '%',
  '余件',
  '第二十条第（一）项',
  '2023年',
  '平潭综合实验区',
  '（一）',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '/',
  '—',
  '无',
];

const SEPARATORS = ['\t', ' ', '  ', '   ', '|', '\u3000', '\f', '\r', ''];
const MARKUP = [
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<b>',
  '</b>',
  '<p>',
  '&nbsp;',
];

const number = fc.oneof(
  fc.nat({ max: 1000 }).map(String),
  fc.nat().map(String),
  fc
    .tuple(fc.nat({ max: 99999 }), fc.nat({ max: 999999 }))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
  fc.nat({ max: 99999 }).map((n) => n.toLocaleString('en-US')),
  fc
    .nat({ max: 999 })
    .map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.constantFrom('-1', '-0', '0.0', '007', '1e5', 'NaN', '.5', '5.'),
);

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.constantFrom(...REPORT_WORDS) },
  { weight: 5, arbitrary: number },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

export const randomReportDocument: fc.Arbitrary<string> = fc
  .array(
    fc.array(token, { maxLength: 24 }).map((tokens) => tokens.join('')),
    { maxLength: 60 },
  )
  .map((lines) => lines.join('\n'));
