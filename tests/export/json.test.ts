import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import type { RuleResult } from '../../src/domain/rules/types';
import { REPORT_JSON_FORMAT, reportToJson, type ReportJson } from '../../src/export/json';
import {
  FEE,
  fixtureReport,
  fixtureReportWithNarrativeFigures,
  withFigures,
} from './reportFixture';

const parse = (text: string): ReportJson => JSON.parse(text) as ReportJson;

describe('reportToJson (unit)', () => {
  it('keeps every value a decimal string, the fee exact, in template order', () => {
    const json = parse(reportToJson(fixtureReport()));
    expect(json.format).toBe(REPORT_JSON_FORMAT);
    expect(json.figures.map((figure) => figure.key)).toEqual(FIGURE_KEYS);
    expect(json.figures.every((figure) => typeof figure.value === 'string')).toBe(true);
    expect(json.figures.find((figure) => figure.key === 't2.fees.amount')?.value).toBe(FEE);
    expect(json.figures[0]).toMatchObject({
      table: 'T2',
      tableLabel: '二、主动公开政府信息情况',
      row: '第二十条第（一）项 / 规章',
      column: '本年制发件数',
      unit: 'pieces',
      lastChange: {
        actor: { id: 'actor-import', name: 'importer' },
        recordedAt: '2025-01-02T03:04:05.000Z',
        reason: 'initial import',
      },
    });
  });

  it('is the same text whatever order the store returned the figures in', () => {
    const report = fixtureReport();
    const shuffled = { ...report, figures: [...report.figures].reverse() };
    expect(reportToJson(shuffled)).toBe(reportToJson(report));
  });

  it('keeps empty cells null, distinct from 0, with their markers', () => {
    const report = withFigures(fixtureReport(), {
      't4.review.upheld': { value: null, raw: '/', marker: '/', lastChange: null },
      't4.review.other': { value: '0', raw: '0' },
    });
    const figures = parse(reportToJson(report)).figures;
    expect(figures.find((f) => f.key === 't4.review.upheld')).toMatchObject({
      value: null,
      raw: '/',
      marker: '/',
      lastChange: null,
    });
    expect(figures.find((f) => f.key === 't4.review.other')?.value).toBe('0');
  });

  it('includes rule results only when given them', () => {
    expect(parse(reportToJson(fixtureReport())).rules).toBeUndefined();
    const rule: RuleResult = {
      id: 'T4_GROUP_TOTAL',
      scope: 'review',
      status: 'ok',
      severity: 'warning',
      keys: ['t4.review.total'],
      left: '4',
      right: '4',
      message: '4 = 4',
    };
    expect(parse(reportToJson(fixtureReport({ rules: [rule] }))).rules).toEqual([
      { ...rule, status: 'OK', severity: 'WARNING' },
    ]);
  });

  it('given a failed error rule, when exported, then status and severity are spelled as GraphQL spells them', () => {
    const rule: RuleResult = {
      id: 'T3_BALANCE',
      scope: 'total',
      status: 'failed',
      severity: 'error',
      keys: ['t3.newReceived.total'],
      left: '3',
      right: '4',
      message: '3 ≠ 4',
    };
    const [exported] = parse(reportToJson(fixtureReport({ rules: [rule] }))).rules ?? [];
    expect(exported).toMatchObject({ status: 'FAILED', severity: 'ERROR', id: 'T3_BALANCE' });
  });

  it('given a rule that could not be judged, when exported, then its reason is spelled as GraphQL spells it', () => {
    const rule: RuleResult = {
      id: 'XY_CARRY',
      scope: 'carriedOver',
      status: 'not_assessable',
      severity: 'warning',
      keys: ['t3.carriedOver.total'],
      left: null,
      right: null,
      message: 'no previous year',
      notAssessableReason: 'no_previous_year_report',
    };
    const [exported] = parse(reportToJson(fixtureReport({ rules: [rule] }))).rules ?? [];
    expect(exported).toMatchObject({
      status: 'NOT_ASSESSABLE',
      notAssessableReason: 'NO_PREVIOUS_YEAR_REPORT',
    });
  });

  it('given figures stated in the narrative, when exported, then they follow the tables as NARRATIVE figures with section, unit and sentence', () => {
    const json = parse(reportToJson(fixtureReportWithNarrativeFigures()));
    expect(json.format).toBe('nianbao-ledger/report-export@2');
    expect(json.figures).toHaveLength(202);
    expect(json.figures.slice(200)).toEqual([
      {
        key: 'n.1.1.2',
        table: 'NARRATIVE',
        tableLabel: '正文',
        row: '1.1',
        column: null,
        unit: '条',
        value: '6616',
        raw: '6616',
        marker: null,
        sentence: '主动公开信息6616条。',
        revision: 1,
        lastChange: null,
      },
      expect.objectContaining({ key: 'n.1.1.10', value: '12', sentence: '其中政策解读12篇。' }),
    ]);
  });
});
