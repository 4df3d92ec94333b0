// The rule engine on small hand-built reports: each rule's ok / failed / not assessable.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import type { NarrativeFigure } from '../../src/domain/importer/types';
import {
  evaluateRules,
  failedRuleKeys,
  failuresByKey,
  RULES,
  RuleInputError,
} from '../../src/domain/rules';
import type { FigureValues, RuleResult } from '../../src/domain/rules/types';

/** A consistent report: 10 new + 2 carried over by natural persons; 11 granted, 1 carried forward. */
function consistentReport(): Record<string, string | null> {
  const values: Record<string, string | null> = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, '0']),
  );
  for (const column of ['naturalPerson', 'total']) {
    values[`t3.newReceived.${column}`] = '10';
    values[`t3.carriedOver.${column}`] = '2';
    values[`t3.granted.${column}`] = '11';
    values[`t3.total.${column}`] = '11';
    values[`t3.carriedForward.${column}`] = '1';
  }
  values['t4.review.upheld'] = '2';
  values['t4.review.pending'] = '1';
  values['t4.review.total'] = '3';
  values['t2.normativeDocs.issued'] = '5';
  values['t2.normativeDocs.repealed'] = '1';
  values['t2.normativeDocs.inForce'] = '24';
  values['t2.fees.amount'] = '28.488564';
  return values;
}

function find(results: RuleResult[], id: string, scope: string): RuleResult {
  const result = results.find((r) => r.id === id && r.scope === scope);
  if (!result) throw new Error(`no ${id} ${scope}`);
  return result;
}

function narrativeFigure(
  sentence: string,
  raw: string,
  value: string,
  unit = '件',
): NarrativeFigure {
  return {
    key: `n.1.2.${sentence.length}`,
    sectionId: '1.2',
    value,
    unit,
    raw,
    sentence,
    sentenceOffset: sentence.indexOf(raw),
    source: null,
  };
}

describe('evaluateRules', () => {
  it('finds nothing wrong in a consistent report', () => {
    const results = evaluateRules(consistentReport());
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(find(results, 'T3_BALANCE', 'naturalPerson')).toMatchObject({
      status: 'ok',
      left: '12',
      right: '12',
    });
    expect(find(results, 'T4_GROUP_TOTAL', 'review')).toMatchObject({
      status: 'ok',
      left: '3',
      right: '3',
    });
  });

  it('reports a broken balance with both sides and the keys involved', () => {
    const values = { ...consistentReport(), 't3.carriedForward.naturalPerson': '3' };
    const result = find(evaluateRules(values), 'T3_BALANCE', 'naturalPerson');
    expect(result).toMatchObject({ status: 'failed', severity: 'error', left: '12', right: '14' });
    expect(result.keys).toEqual([
      't3.newReceived.naturalPerson',
      't3.carriedOver.naturalPerson',
      't3.total.naturalPerson',
      't3.carriedForward.naturalPerson',
    ]);
  });

  it('treats an empty cell as not assessable, never as 0', () => {
    const values = { ...consistentReport(), 't3.carriedOver.total': null };
    const results = evaluateRules(values);
    expect(find(results, 'T3_BALANCE', 'total')).toMatchObject({
      status: 'not_assessable',
      left: null,
      right: null,
    });
    expect(find(results, 'T3_ROW_TOTAL', 'carriedOver').status).toBe('not_assessable');
    expect(find(results, 'NON_NEGATIVE', 't3.carriedOver.total').status).toBe('not_assessable');
    // An absent key is an empty cell too.
    const { ['t4.review.total']: _dropped, ...withoutKey } = consistentReport();
    expect(find(evaluateRules(withoutKey), 'T4_GROUP_TOTAL', 'review').status).toBe(
      'not_assessable',
    );
  });

  it('checks every outcome row against the total handled, and every row total', () => {
    const values = { ...consistentReport(), 't3.otherHandling.feeUnpaid.naturalPerson': '1' };
    const results = evaluateRules(values);
    expect(find(results, 'T3_OUTCOMES', 'naturalPerson')).toMatchObject({
      status: 'failed',
      left: '11',
      right: '12',
    });
    expect(find(results, 'T3_OUTCOMES', 'total').status).toBe('ok');
    expect(find(results, 'T3_ROW_TOTAL', 'otherHandling.feeUnpaid')).toMatchObject({
      status: 'failed',
      left: '0',
      right: '1',
    });
    expect(results.filter((r) => r.id === 'T3_ROW_TOTAL')).toHaveLength(25);
  });

  it('rejects negative counts, fractional counts and a negative fee, but not a fractional fee', () => {
    const values = {
      ...consistentReport(),
      't2.licensing.decisions': '-1',
      't2.penalty.decisions': '2.5',
    };
    const results = evaluateRules(values);
    expect(find(results, 'NON_NEGATIVE', 't2.licensing.decisions').status).toBe('failed');
    expect(find(results, 'NON_NEGATIVE', 't2.penalty.decisions').status).toBe('failed');
    expect(find(results, 'NON_NEGATIVE', 't2.fees.amount')).toMatchObject({
      status: 'ok',
      left: '28.488564',
    });
    const negativeFee = evaluateRules({ ...consistentReport(), 't2.fees.amount': '-0.000001' });
    expect(find(negativeFee, 'NON_NEGATIVE', 't2.fees.amount').status).toBe('failed');
  });

  it('compares across years only when the previous year is given', () => {
    const current = consistentReport();
    const alone = evaluateRules(current);
    expect(
      alone
        .filter((r) => r.id === 'XY_CARRY' || r.id === 'XY_IN_FORCE')
        .every((r) => r.status === 'not_assessable'),
    ).toBe(true);

    const previous = {
      ...consistentReport(),
      't3.carriedForward.naturalPerson': '2',
      't3.carriedForward.total': '3',
      't2.normativeDocs.inForce': '20',
    };
    const results = evaluateRules(current, { previousYear: previous });
    expect(find(results, 'XY_CARRY', 'naturalPerson')).toMatchObject({
      status: 'ok',
      left: '2',
      right: '2',
    });
    const total = find(results, 'XY_CARRY', 'total');
    expect(total).toMatchObject({
      status: 'failed',
      left: '3',
      right: '2',
      keys: ['t3.carriedOver.total'],
    });
    expect(total.previousYearKeys).toEqual(['t3.carriedForward.total']);
    expect(find(results, 'XY_IN_FORCE', 'normativeDocs')).toMatchObject({
      status: 'ok',
      left: '24',
      right: '24',
      severity: 'warning',
    });
    const stock = evaluateRules(current, {
      previousYear: { ...previous, 't2.normativeDocs.inForce': '30' },
    });
    expect(find(stock, 'XY_IN_FORCE', 'normativeDocs')).toMatchObject({
      status: 'failed',
      left: '24',
      right: '34',
    });
  });

  it('adds decimals exactly', () => {
    const values: FigureValues = { ...consistentReport(), 't2.fees.amount': '0.1' };
    expect(find(evaluateRules(values), 'NON_NEGATIVE', 't2.fees.amount').left).toBe('0.1');
    const nonCanonical = { ...consistentReport(), 't4.review.total': '003' };
    expect(find(evaluateRules(nonCanonical), 'T4_GROUP_TOTAL', 'review')).toMatchObject({
      status: 'ok',
      left: '3',
    });
  });

  it('names the key of a value that is not a decimal', () => {
    const values = { ...consistentReport(), 't3.total.research': '1,2' };
    expect(() => evaluateRules(values)).toThrow(RuleInputError);
    expect(() => evaluateRules(values)).toThrow(/t3\.total\.research/);
  });
});

describe('TEXT_TABLE', () => {
  const values = consistentReport();
  const check = (figure: NarrativeFigure) =>
    evaluateRules(values, { narrativeFigures: [figure] }).filter((r) => r.id === 'TEXT_TABLE');

  it('accepts a received count that equals new applications, or new plus carried over', () => {
    expect(
      check(narrativeFigure('本年度共收到政府信息公开申请10件。', '10件', '10'))[0],
    ).toMatchObject({ status: 'ok' });
    expect(check(narrativeFigure('全年受理政府信息公开申请12件。', '12件', '12'))[0]).toMatchObject(
      { status: 'ok' },
    );
  });

  it('warns when the narrative count differs from its cell', () => {
    const [result] = check(
      narrativeFigure('本年度共收到政府信息公开申请9件，均已办结。', '9件', '9'),
    );
    expect(result).toMatchObject({ status: 'failed', severity: 'warning', left: '9', right: '10' });
    expect(result.keys).toEqual(expect.arrayContaining(['t3.newReceived.total', result.scope]));
    const [review] = check(narrativeFigure('因政府信息公开申请引起行政复议4件。', '4件', '4'));
    expect(review).toMatchObject({ status: 'failed', left: '4', right: '3' });
  });

  it('leaves alone clauses it cannot map to exactly one cell', () => {
    // Two counts in one clause, a breakdown by result, another unit, a count outside disclosure.
    expect(check(narrativeFigure('收到申请10件和咨询5件。', '10件', '10'))).toEqual([]);
    expect(
      check(narrativeFigure('政府信息公开行政复议3件，其中结果维持2件。', '2件', '2')),
    ).toEqual([]);
    expect(check(narrativeFigure('全年公开政府信息申请指南10条。', '10条', '10', '条'))).toEqual(
      [],
    );
    expect(check(narrativeFigure('共接收工单100件，办结99件。', '99件', '99'))).toEqual([]);
  });

  it('is not assessable when the cell is empty', () => {
    const figure = narrativeFigure('转下一年度办理的申请有1件。', '1件', '1');
    const results = evaluateRules(
      { ...values, 't3.carriedForward.total': null },
      { narrativeFigures: [figure] },
    );
    expect(results.find((r) => r.id === 'TEXT_TABLE')?.status).toBe('not_assessable');
  });
});

describe('rule catalogue and findings', () => {
  it('defines each rule once with both descriptions', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'T3_BALANCE',
      'T3_OUTCOMES',
      'T3_ROW_TOTAL',
      'T4_GROUP_TOTAL',
      'NON_NEGATIVE',
      'XY_CARRY',
      'XY_IN_FORCE',
      'TEXT_TABLE',
    ]);
    for (const rule of RULES) {
      expect(rule.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.descriptionEn).toMatch(/[a-z]/);
    }
    expect(RULES.filter((r) => r.severity === 'warning').map((r) => r.id)).toEqual([
      'XY_IN_FORCE',
      'TEXT_TABLE',
    ]);
  });

  it('lists the cells of failed rules for marking', () => {
    const values = { ...consistentReport(), 't4.review.total': '0' };
    const results = evaluateRules(values);
    expect(failedRuleKeys(results)).toEqual([
      't4.review.corrected',
      't4.review.other',
      't4.review.pending',
      't4.review.total',
      't4.review.upheld',
    ]);
    expect(
      failuresByKey(results)
        .get('t4.review.total')
        ?.map((r) => r.id),
    ).toEqual(['T4_GROUP_TOTAL']);
    expect(failedRuleKeys(evaluateRules(consistentReport()))).toEqual([]);
  });
});
