// Unit (no database): every rule result says what it found in Chinese and English, and a rule
// that could not be judged says why; the viewer counts the two reasons apart.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { evaluateRules } from '../../src/domain/rules';
import { notAssessableBecause } from '../../web/src/layout/ruleDescriptions';

const CJK = /[\u4e00-\u9fff]/;

function allZero(): Record<string, string | null> {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, '0']));
}

describe('rule messages (unit)', () => {
  it('given a full report, then every result has a Chinese message and an English one', () => {
    const results = evaluateRules(allZero(), { previousYear: allZero() });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect({ id: result.id, scope: result.scope, zh: CJK.test(result.messageZh ?? '') }).toEqual({
        id: result.id,
        scope: result.scope,
        zh: true,
      });
      expect(result.message).not.toMatch(CJK);
    }
  });

  it('given no previous year, then cross-year rules are not assessable for that reason', () => {
    const results = evaluateRules(allZero());
    const crossYear = results.filter((result) => result.id.startsWith('XY_'));
    expect(crossYear.length).toBeGreaterThan(0);
    for (const result of crossYear) {
      expect(result).toMatchObject({
        status: 'not_assessable',
        notAssessableReason: 'no_previous_year_report',
      });
    }
  });

  it('given a previous year with a blank cell, then the cross-year rule is not assessable for the blank', () => {
    const previousYear = { ...allZero(), 't3.carriedForward.naturalPerson': null };
    const carry = evaluateRules(allZero(), { previousYear }).find(
      (result) => result.id === 'XY_CARRY' && result.scope === 'naturalPerson',
    );
    expect(carry).toMatchObject({ status: 'not_assessable', notAssessableReason: 'empty_cells' });
    expect(carry?.messageZh).toContain('t3.carriedForward.naturalPerson');
  });

  it('given a blank cell, then the rules reading it are not assessable for the blank; judged rules have no reason', () => {
    const results = evaluateRules(
      { ...allZero(), 't3.total.total': null },
      {
        previousYear: allZero(),
      },
    );
    for (const result of results) {
      expect({ id: result.id, reason: result.notAssessableReason }).toEqual({
        id: result.id,
        reason: result.status === 'not_assessable' ? 'empty_cells' : undefined,
      });
    }
    expect(results.some((result) => result.status === 'not_assessable')).toBe(true);
  });
});

describe('viewer: why a rule was not judged (unit)', () => {
  it('given the API reason, then the viewer uses it', () => {
    expect(
      notAssessableBecause({
        id: 'XY_CARRY',
        status: 'NOT_ASSESSABLE',
        notAssessableReason: 'EMPTY_CELLS',
      }),
    ).toBe('blank');
    expect(
      notAssessableBecause({
        id: 'XY_CARRY',
        status: 'NOT_ASSESSABLE',
        notAssessableReason: 'NO_PREVIOUS_YEAR_REPORT',
      }),
    ).toBe('previousYear');
  });

  it('given no reason in the response, then a cross-year rule counts as missing last year, others as blank', () => {
    expect(notAssessableBecause({ id: 'XY_IN_FORCE', status: 'NOT_ASSESSABLE' })).toBe(
      'previousYear',
    );
    expect(notAssessableBecause({ id: 'T3_BALANCE', status: 'NOT_ASSESSABLE' })).toBe('blank');
    expect(notAssessableBecause({ id: 'XY_CARRY', status: 'OK' })).toBeNull();
  });
});
