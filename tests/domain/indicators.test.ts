import { INDICATORS, indicatorDefinition } from '../../src/domain/indicators/indicatorCatalog';
import { formulaKeys, formulaText } from '../../src/domain/indicators/indicatorFormula';
import { evaluateFormula, type FigureLookup } from '../../src/domain/indicators/evaluateIndicator';
import { isFigureKey } from '../../src/domain/format/figureCatalog';
import type { DecimalString } from '../../src/domain/importer/types';

function lookup(values: Record<string, DecimalString | null>): FigureLookup {
  return (key) => values[key] ?? null;
}

describe('indicator catalogue (unit)', () => {
  it('given the catalogue, then it has the six named indicators, each over real figure keys and described in both languages', () => {
    for (const key of [
      'i.disclosureRate',
      'i.denialRate',
      'i.reviewCorrectionRate',
      'i.litigationCorrectionRate',
      'i.carryForwardRate',
      'i.newReceivedGrowth',
    ]) {
      expect(indicatorDefinition(key)).toBeDefined();
    }
    for (const indicator of INDICATORS) {
      const keys = formulaKeys(indicator.formula);
      for (const key of [...keys.current, ...keys.previousYear])
        expect(isFigureKey(key)).toBe(true);
      expect(indicator.descriptionZh.length).toBeGreaterThan(0);
      expect(indicator.descriptionEn.length).toBeGreaterThan(0);
      expect(formulaText(indicator.formula)).toContain('/');
    }
  });

  it('given granted, partially granted and the total, when 公开率 is evaluated, then it is their ratio', () => {
    const indicator = indicatorDefinition('i.disclosureRate');
    const granted = 30;
    const partly = 5;
    const total = 70;
    const value = evaluateFormula(indicator!.formula, {
      current: lookup({
        't3.granted.total': String(granted),
        't3.partiallyGranted.total': String(partly),
        't3.total.total': String(total),
      }),
    });
    expect(value).toEqual({ computable: true, value: (granted + partly) / total });
  });

  it('given a zero denominator, then the indicator is not computable (never 0)', () => {
    const value = evaluateFormula(indicatorDefinition('i.reviewCorrectionRate')!.formula, {
      current: lookup({
        't4.review.corrected': '0',
        't4.review.upheld': '0',
        't4.review.other': '0',
      }),
    });
    expect(value).toMatchObject({ computable: false, reason: 'division_by_zero' });
  });

  it('given a blank operand, then it is not computable and names the key', () => {
    const value = evaluateFormula(indicatorDefinition('i.disclosureRate')!.formula, {
      current: lookup({ 't3.granted.total': '3', 't3.total.total': '10' }),
    });
    expect(value).toEqual({
      computable: false,
      reason: 'blank_operand',
      keys: ['t3.partiallyGranted.total'],
    });
  });

  it('given no previous year, then growth is not computable; given one, it is the relative change', () => {
    const formula = indicatorDefinition('i.newReceivedGrowth')!.formula;
    const current = lookup({ 't3.newReceived.total': '75' });
    expect(evaluateFormula(formula, { current })).toMatchObject({
      computable: false,
      reason: 'no_previous_year',
    });
    const previous = 70;
    expect(
      evaluateFormula(formula, {
        current,
        previousYear: lookup({ 't3.newReceived.total': String(previous) }),
      }),
    ).toEqual({ computable: true, value: (75 - previous) / previous });
  });
});
