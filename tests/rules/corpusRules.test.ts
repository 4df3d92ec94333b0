// The rules over the corpus answer keys: they must report exactly the inconsistencies the
// published reports contain (INDEX notes, each key's sourceInconsistencies) and nothing else.
import { extractNarrative } from '../../src/domain/narrative/extractNarrative';
import { evaluateRules } from '../../src/domain/rules/evaluateRules';
import type { RuleResult } from '../../src/domain/rules/types';
import { corpusAvailable, loadAnswerKeys, narrativeLines, type AnswerKey } from './support/corpus';

const available = corpusAvailable();
const describeCorpus = available ? describe : describe.skip;
const keys: AnswerKey[] = available ? loadAnswerKeys() : [];

function previousYearOf(key: AnswerKey): AnswerKey | undefined {
  return keys.find((other) => other.agency === key.agency && other.year === key.year - 1);
}

function evaluate(key: AnswerKey): RuleResult[] {
  return evaluateRules(key.figures, {
    previousYear: previousYearOf(key)?.figures,
    narrativeFigures: extractNarrative(narrativeLines(key)).figures,
  });
}

const RULE_ENTRY = /^([A-Z0-9_]+)(?: \(warning\))?:? ?([A-Za-z0-9.]+)?:/;

/** "T4_GROUP_TOTAL review: …" → T4_GROUP_TOTAL review; non-rule notes are ignored. */
function expectedFindings(key: AnswerKey) {
  const tableFindings: string[] = [];
  const textFindings: Array<string | undefined> = [];
  for (const entry of key.sourceInconsistencies) {
    const match = RULE_ENTRY.exec(entry);
    if (!match) continue;
    if (match[1] === 'TEXT_TABLE') textFindings.push(match[2]);
    else tableFindings.push(`${match[1]} ${match[2]}`);
  }
  return { tableFindings: tableFindings.sort(), textFindings };
}

describeCorpus('rules over the corpus answer keys', () => {
  it.each(keys.map((key) => [key.name, key] as const))(
    '%s: failures are exactly the published inconsistencies',
    (_name, key) => {
      const failed = evaluate(key).filter((result) => result.status === 'failed');
      const { tableFindings, textFindings } = expectedFindings(key);
      const tableFailures = failed
        .filter((result) => result.id !== 'TEXT_TABLE')
        .map((result) => `${result.id} ${result.scope}`)
        .sort();
      expect(tableFailures).toEqual(tableFindings);
      const textFailures = failed.filter((result) => result.id === 'TEXT_TABLE');
      expect(textFailures).toHaveLength(textFindings.length);
      for (const tableKey of textFindings.filter((k): k is string => k !== undefined)) {
        expect(textFailures.some((result) => result.keys.includes(tableKey))).toBe(true);
      }
    },
  );

  it('洪泽 2023: 表四 totals of 0 fail T4_GROUP_TOTAL for review and suitAfterReview', () => {
    const results = evaluate(keys.find((key) => key.name === '2023_hongze-qu') as AnswerKey);
    const t4 = results.filter((result) => result.id === 'T4_GROUP_TOTAL');
    expect(t4.map((r) => [r.scope, r.status, r.left, r.right])).toEqual([
      ['review', 'failed', '0', '11'],
      ['suitDirect', 'ok', '0', '0'],
      ['suitAfterReview', 'failed', '0', '5'],
    ]);
    expect(t4[0].keys).toEqual(expect.arrayContaining(['t4.review.total', 't4.review.upheld']));
    // （六）其他处理 has no sub-rows in this report: outcomes cannot be checked, not failed.
    const outcomes = results.filter((result) => result.id === 'T3_OUTCOMES');
    expect(new Set(outcomes.map((r) => r.status))).toEqual(new Set(['not_assessable']));
  });

  it('上海市科委 2024: the empty 结转 total cell read literally is not assessable, not failed', () => {
    const key = keys.find((k) => k.name === '2024_shanghai-kewei') as AnswerKey;
    const literal = { ...key.figures, 't3.carriedForward.total': null };
    const results = evaluateRules(literal);
    const balanceTotal = results.find((r) => r.id === 'T3_BALANCE' && r.scope === 'total');
    expect(balanceTotal?.status).toBe('not_assessable');
    const rowTotal = results.find((r) => r.id === 'T3_ROW_TOTAL' && r.scope === 'carriedForward');
    expect(rowTotal?.status).toBe('not_assessable');
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
  });

  it('沭阳 2023: blank 法人 columns leave only 自然人 and 总计 assessable', () => {
    const results = evaluate(keys.find((k) => k.name === '2023_shuyang-xian-fagaiju') as AnswerKey);
    const balance = results.filter((r) => r.id === 'T3_BALANCE');
    expect(balance.filter((r) => r.status === 'ok').map((r) => r.scope)).toEqual([
      'naturalPerson',
      'total',
    ]);
    const rowTotals = results.filter((r) => r.id === 'T3_ROW_TOTAL');
    expect(rowTotals.every((r) => r.status === 'not_assessable')).toBe(true);
  });

  it("平潭 2021–2025: carry-forward always equals next year's carry-over (XY_CARRY)", () => {
    const series = keys
      .filter((k) => k.agency === '平潭综合实验区')
      .sort((a, b) => a.year - b.year);
    expect(series.map((k) => k.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const carry = series.map((key) =>
      evaluate(key)
        .filter((r) => r.id === 'XY_CARRY')
        .map((r) => r.status),
    );
    expect(carry[0]).toEqual(Array(7).fill('not_assessable'));
    for (const statuses of carry.slice(1)) expect(statuses).toEqual(Array(7).fill('ok'));
    // 2021 carried 1 application forward (自然人), and 2022 carried exactly that one over.
    const into2022 = evaluate(series[1]).find((r) => r.id === 'XY_CARRY' && r.scope === 'total');
    expect([into2022?.left, into2022?.right]).toEqual(['1', '1']);
    expect(into2022?.previousYearKeys).toEqual(['t3.carriedForward.total']);
  });

  it('平潭 2023: 现行有效规范性文件 470 does not follow from 698 + 77 - 132 (XY_IN_FORCE warning)', () => {
    const key = keys.find((k) => k.name === '2023_pingtan-zonghe-shiyanqu') as AnswerKey;
    const result = evaluate(key).find((r) => r.id === 'XY_IN_FORCE' && r.scope === 'normativeDocs');
    expect(result).toMatchObject({
      status: 'failed',
      severity: 'warning',
      left: '470',
      right: '643',
    });
  });

  it('平潭 2023 and 洪泽 2024: the narrative counts that disagree with the table are found', () => {
    const pingtan = evaluate(
      keys.find((k) => k.name === '2023_pingtan-zonghe-shiyanqu') as AnswerKey,
    );
    const inForce = pingtan.find((r) => r.id === 'TEXT_TABLE' && r.status === 'failed');
    expect(inForce).toMatchObject({ left: '393', right: '470', severity: 'warning' });
    const hongze = evaluate(keys.find((k) => k.name === '2024_hongze-qu') as AnswerKey);
    const received = hongze.find((r) => r.id === 'TEXT_TABLE' && r.status === 'failed');
    expect(received).toMatchObject({ left: '17', right: '95' });
    expect(received?.keys).toContain('t3.newReceived.total');
  });

  it('淮安 2024: every narrative count of applications and cases agrees with its cell', () => {
    const results = evaluate(keys.find((k) => k.name === '2024_huaian-shi') as AnswerKey);
    const text = results.filter((r) => r.id === 'TEXT_TABLE');
    expect(text.map((r) => [r.status, r.left])).toEqual([
      ['ok', '3119'],
      ['ok', '3050'],
      ['ok', '34'],
      ['ok', '103'],
      ['ok', '351'],
      ['ok', '46'],
    ]);
  });

  it('keeps the fee exact', () => {
    const seed = evaluateRules(
      keys.find((k) => k.name === '2024_pingluo-xian-shenpiju_seed')!.figures,
    );
    expect(seed.find((r) => r.id === 'NON_NEGATIVE' && r.scope === 't2.fees.amount')?.left).toBe(
      '28.488564',
    );
  });
});
