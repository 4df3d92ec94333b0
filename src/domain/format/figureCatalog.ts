// The 200 table cells of the national template 国办公开办函〔2021〕30号, written as the grids
// they are: 表二 a list of 10 cells, 表三 25 rows × 7 columns, 表四 3 groups × 5 results. A key is
// `<table>.<row>.<column>`; the keys are the public names of figures in the API, so they never
// change. Transcribed from the shared report-format/figures.tsv, which
// tests/domain/figureCatalog.test.ts compares this catalogue with, cell for cell.

export type FigureTable = 't2' | 't3' | 't4';
export type FigureUnit = 'pieces' | '10k_yuan' | 'applications' | 'cases';
export type FigureValueType = 'integer' | 'decimal';

export interface FigureDefinition {
  /** Stable public key, e.g. `t3.denied.thirdPartyRights.total`. */
  readonly key: string;
  readonly table: FigureTable;
  /** Chinese table title, e.g. 三、收到和处理政府信息公开申请情况. */
  readonly tableLabel: string;
  /** Chinese row label path, levels joined by ' / '. */
  readonly rowLabel: string;
  /** Chinese column label path, levels joined by ' / '. */
  readonly columnLabel: string;
  readonly unit: FigureUnit;
  readonly valueType: FigureValueType;
}

/** A grid axis: the key segment and its Chinese label path. */
type Axis = readonly (readonly [key: string, label: string])[];

export const TABLE_LABELS: Readonly<Record<FigureTable, string>> = {
  t2: '二、主动公开政府信息情况',
  t3: '三、收到和处理政府信息公开申请情况',
  t4: '四、政府信息公开行政复议、行政诉讼情况',
};

/** 表二: each row is one cell (row key, row label, column label, unit, value type). */
const T2_CELLS: readonly (readonly [
  key: string,
  rowLabel: string,
  columnLabel: string,
  unit: FigureUnit,
  valueType: FigureValueType,
])[] = [
  ['rules.issued', '第二十条第（一）项 / 规章', '本年制发件数', 'pieces', 'integer'],
  ['rules.repealed', '第二十条第（一）项 / 规章', '本年废止件数', 'pieces', 'integer'],
  ['rules.inForce', '第二十条第（一）项 / 规章', '现行有效件数', 'pieces', 'integer'],
  [
    'normativeDocs.issued',
    '第二十条第（一）项 / 行政规范性文件',
    '本年制发件数',
    'pieces',
    'integer',
  ],
  [
    'normativeDocs.repealed',
    '第二十条第（一）项 / 行政规范性文件',
    '本年废止件数',
    'pieces',
    'integer',
  ],
  [
    'normativeDocs.inForce',
    '第二十条第（一）项 / 行政规范性文件',
    '现行有效件数',
    'pieces',
    'integer',
  ],
  ['licensing.decisions', '第二十条第（五）项 / 行政许可', '本年处理决定数量', 'pieces', 'integer'],
  ['penalty.decisions', '第二十条第（六）项 / 行政处罚', '本年处理决定数量', 'pieces', 'integer'],
  ['coercion.decisions', '第二十条第（六）项 / 行政强制', '本年处理决定数量', 'pieces', 'integer'],
  [
    'fees.amount',
    '第二十条第（八）项 / 行政事业性收费',
    '本年收费金额（单位：万元）',
    '10k_yuan',
    'decimal',
  ],
];

/** 表三 rows, top to bottom. */
const T3_ROW_AXIS: Axis = [
  ['newReceived', '一、本年新收政府信息公开申请数量'],
  ['carriedOver', '二、上年结转政府信息公开申请数量'],
  ['granted', '三、本年度办理结果 / （一）予以公开'],
  [
    'partiallyGranted',
    '三、本年度办理结果 / （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  ],
  ['denied.stateSecret', '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密'],
  ['denied.prohibitedByLaw', '三、本年度办理结果 / （三）不予公开 / 2.其他法律行政法规禁止公开'],
  ['denied.endangersSecurity', '三、本年度办理结果 / （三）不予公开 / 3.危及“三安全一稳定”'],
  ['denied.thirdPartyRights', '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益'],
  ['denied.internalAffairs', '三、本年度办理结果 / （三）不予公开 / 5.属于三类内部事务信息'],
  ['denied.processInformation', '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息'],
  ['denied.enforcementCaseFile', '三、本年度办理结果 / （三）不予公开 / 7.属于行政执法案卷'],
  ['denied.administrativeQuery', '三、本年度办理结果 / （三）不予公开 / 8.属于行政查询事项'],
  ['unavailable.notHeld', '三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息'],
  ['unavailable.needsCreation', '三、本年度办理结果 / （四）无法提供 / 2.没有现成信息需要另行制作'],
  [
    'unavailable.unclearAfterCorrection',
    '三、本年度办理结果 / （四）无法提供 / 3.补正后申请内容仍不明确',
  ],
  ['notProcessed.complaint', '三、本年度办理结果 / （五）不予处理 / 1.信访举报投诉类申请'],
  ['notProcessed.duplicate', '三、本年度办理结果 / （五）不予处理 / 2.重复申请'],
  ['notProcessed.publication', '三、本年度办理结果 / （五）不予处理 / 3.要求提供公开出版物'],
  ['notProcessed.excessive', '三、本年度办理结果 / （五）不予处理 / 4.无正当理由大量反复申请'],
  [
    'notProcessed.confirmation',
    '三、本年度办理结果 / （五）不予处理 / 5.要求行政机关确认或重新出具已获取信息',
  ],
  [
    'otherHandling.noCorrection',
    '三、本年度办理结果 / （六）其他处理 / 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  ],
  [
    'otherHandling.feeUnpaid',
    '三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  ],
  ['otherHandling.other', '三、本年度办理结果 / （六）其他处理 / 3.其他'],
  ['total', '三、本年度办理结果 / （七）总计'],
  ['carriedForward', '四、结转下年度继续办理'],
];

/** 表三 columns, left to right (申请人情况). */
const T3_COLUMN_AXIS: Axis = [
  ['naturalPerson', '自然人'],
  ['commercial', '法人或其他组织 / 商业企业'],
  ['research', '法人或其他组织 / 科研机构'],
  ['socialWelfare', '法人或其他组织 / 社会公益组织'],
  ['legalService', '法人或其他组织 / 法律服务机构'],
  ['otherOrg', '法人或其他组织 / 其他'],
  ['total', '总计'],
];

/** 表四 groups (行政复议, then the two kinds of 行政诉讼). */
const T4_GROUP_AXIS: Axis = [
  ['review', '行政复议'],
  ['suitDirect', '行政诉讼 / 未经复议直接起诉'],
  ['suitAfterReview', '行政诉讼 / 复议后起诉'],
];

/** 表四 results within each group. */
const T4_RESULT_AXIS: Axis = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];

/** Every cell of a rows × columns grid, row by row (the order the table is read in). */
function gridCells(
  table: FigureTable,
  rows: Axis,
  columns: Axis,
  unit: FigureUnit,
): FigureDefinition[] {
  return rows.flatMap(([rowKey, rowLabel]) =>
    columns.map(([columnKey, columnLabel]) => ({
      key: `${table}.${rowKey}.${columnKey}`,
      table,
      tableLabel: TABLE_LABELS[table],
      rowLabel,
      columnLabel,
      unit,
      valueType: 'integer' as const,
    })),
  );
}

export const FIGURES: readonly FigureDefinition[] = [
  ...T2_CELLS.map(([key, rowLabel, columnLabel, unit, valueType]) => ({
    key: `t2.${key}`,
    table: 't2' as const,
    tableLabel: TABLE_LABELS.t2,
    rowLabel,
    columnLabel,
    unit,
    valueType,
  })),
  ...gridCells('t3', T3_ROW_AXIS, T3_COLUMN_AXIS, 'applications'),
  ...gridCells('t4', T4_GROUP_AXIS, T4_RESULT_AXIS, 'cases'),
];

export const FIGURE_KEYS: readonly string[] = FIGURES.map((figure) => figure.key);

const BY_KEY: ReadonlyMap<string, FigureDefinition> = new Map(FIGURES.map((f) => [f.key, f]));

export function figureDefinition(key: string): FigureDefinition | undefined {
  return BY_KEY.get(key);
}

export function isFigureKey(key: string): boolean {
  return BY_KEY.has(key);
}

/** 表三 columns in table order. */
export const T3_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'socialWelfare',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type T3Column = (typeof T3_COLUMNS)[number];

/** 表三 rows in table order (the key between `t3.` and the column). */
export const T3_ROWS: readonly string[] = T3_ROW_AXIS.map(([key]) => key);

/** 表四 groups and results in table order. */
export const T4_GROUPS = ['review', 'suitDirect', 'suitAfterReview'] as const;
export type T4Group = (typeof T4_GROUPS)[number];
export const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Result = (typeof T4_RESULTS)[number];

/** 表二 keys in table order. */
export const T2_KEYS: readonly string[] = FIGURE_KEYS.filter((key) => key.startsWith('t2.'));

/** The label paths of the grids, for layouts that draw the tables (export, viewer). */
export const TABLE_AXES = {
  t3: { rows: T3_ROW_AXIS, columns: T3_COLUMN_AXIS },
  t4: { groups: T4_GROUP_AXIS, results: T4_RESULT_AXIS },
} as const;
