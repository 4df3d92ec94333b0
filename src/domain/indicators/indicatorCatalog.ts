// The named indicators: rates derived from figure keys, usable wherever a figure key is (values,
// ordering, aggregates) under the key `i.<name>`. Definitions are data; evaluateIndicator.ts
// computes them.
import { T4_GROUPS } from '../format/figureCatalog';
import type { Formula, Term } from './indicatorFormula';

export const INDICATOR_KEY_PREFIX = 'i.';

export interface IndicatorDefinition {
  /** `i.disclosureRate` */
  readonly key: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly formula: Formula;
  /** 'ratio': a fraction (0.25 = 25 %), 'count': a number of applications or cases. */
  readonly unit: 'ratio';
}

const DENIED_ROWS = [
  'stateSecret',
  'prohibitedByLaw',
  'endangersSecurity',
  'thirdPartyRights',
  'internalAffairs',
  'processInformation',
  'enforcementCaseFile',
  'administrativeQuery',
];

const figure = (key: string): Term => ({ figure: key });
/** Cases with a result: 结果维持 + 结果纠正 + 其他结果 (尚未审结 are not decided yet). */
const decided = (group: (typeof T4_GROUPS)[number]): Term[] => [
  figure(`t4.${group}.upheld`),
  figure(`t4.${group}.corrected`),
  figure(`t4.${group}.other`),
];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'i.disclosureRate',
    nameZh: '公开率',
    nameEn: 'Disclosure rate',
    descriptionZh: '予以公开与部分公开之和占本年度办结申请总数（表三（七）总计）的比例',
    descriptionEn:
      'Granted plus partially granted, as a share of all applications answered this year (表三 (七) 总计)',
    formula: {
      ratio: [
        { sum: [figure('t3.granted.total'), figure('t3.partiallyGranted.total')] },
        figure('t3.total.total'),
      ],
    },
    unit: 'ratio',
  },
  {
    key: 'i.denialRate',
    nameZh: '不予公开率',
    nameEn: 'Denial rate',
    descriptionZh: '不予公开（八种情形之和）占本年度办结申请总数的比例',
    descriptionEn: 'Denied (all eight grounds), as a share of all applications answered this year',
    formula: {
      ratio: [
        { sum: DENIED_ROWS.map((row) => figure(`t3.denied.${row}.total`)) },
        figure('t3.total.total'),
      ],
    },
    unit: 'ratio',
  },
  {
    key: 'i.reviewCorrectionRate',
    nameZh: '行政复议纠错率',
    nameEn: 'Administrative review correction rate',
    descriptionZh: '行政复议结果纠正数占已审结复议数（维持、纠正、其他结果之和）的比例',
    descriptionEn:
      'Reviews decided against the agency (结果纠正), as a share of reviews decided (upheld + corrected + other)',
    formula: { ratio: [figure('t4.review.corrected'), { sum: decided('review') }] },
    unit: 'ratio',
  },
  {
    key: 'i.litigationCorrectionRate',
    nameZh: '行政诉讼纠错率',
    nameEn: 'Administrative litigation correction rate',
    descriptionZh: '行政诉讼（未经复议直接起诉与复议后起诉）结果纠正数占已审结诉讼数的比例',
    descriptionEn:
      'Lawsuits (direct and after review) decided against the agency, as a share of lawsuits decided',
    formula: {
      ratio: [
        { sum: [figure('t4.suitDirect.corrected'), figure('t4.suitAfterReview.corrected')] },
        { sum: [...decided('suitDirect'), ...decided('suitAfterReview')] },
      ],
    },
    unit: 'ratio',
  },
  {
    key: 'i.carryForwardRate',
    nameZh: '结转率',
    nameEn: 'Carry-forward rate',
    descriptionZh: '结转下年度继续办理的申请占本年新收与上年结转申请之和的比例',
    descriptionEn:
      'Applications carried into next year, as a share of new plus carried-over applications',
    formula: {
      ratio: [
        figure('t3.carriedForward.total'),
        { sum: [figure('t3.newReceived.total'), figure('t3.carriedOver.total')] },
      ],
    },
    unit: 'ratio',
  },
  {
    key: 'i.newReceivedGrowth',
    nameZh: '新收申请同比增长',
    nameEn: 'Year-on-year growth of new applications',
    descriptionZh: '本年新收申请数较同一机构上一年度的增长比例（上年为 0 或空白时不可计算）',
    descriptionEn:
      "Growth of new applications over the same agency's previous year (not computable when that is 0 or blank)",
    formula: {
      ratio: [
        {
          difference: [figure('t3.newReceived.total'), { previousYear: 't3.newReceived.total' }],
        },
        { previousYear: 't3.newReceived.total' },
      ],
    },
    unit: 'ratio',
  },
];

const BY_KEY = new Map(INDICATORS.map((indicator) => [indicator.key, indicator]));

export function indicatorDefinition(key: string): IndicatorDefinition | undefined {
  return BY_KEY.get(key);
}

export function isIndicatorKey(key: string): boolean {
  return BY_KEY.has(key);
}
