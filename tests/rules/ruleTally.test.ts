// A report's rules counted in two parts, as lists count them (its own rules once per revision,
// the cross-year rules from the few figures they read of both years), add up to the rules
// evaluated at once with last year's figures.
import { evaluateRules } from '../../src/domain/rules';
import {
  crossYearFiguresOf,
  crossYearRuleResults,
  figureValuesOfCrossYear,
  isCrossYearRule,
} from '../../src/domain/rules/crossYearRules';
import { addRuleTallies, outcomeOfTally, tallyRules } from '../../src/domain/rules/ruleTally';
import type { FigureValues } from '../../src/domain/rules/types';
import { FIGURES } from '../../src/domain/format/figureCatalog';

function valuesOf(value: (index: number) => string | null): FigureValues {
  return Object.fromEntries(FIGURES.map((figure, index) => [figure.key, value(index)]));
}

const YEARS: Array<[string, FigureValues, FigureValues | undefined]> = [
  ['zeros after zeros', valuesOf(() => '0'), valuesOf(() => '0')],
  ['mixed after other mixed', valuesOf((i) => String(i % 7)), valuesOf((i) => String(i % 5))],
  ['mixed without last year', valuesOf((i) => String(i % 3)), undefined],
  ['blank after zeros', valuesOf(() => null), valuesOf(() => '0')],
];

describe('rule tallies of lists', () => {
  for (const [name, values, previousYear] of YEARS) {
    it(`given ${name}, when the own rules and the cross-year rules are counted apart and added, then the counts equal those of every rule evaluated at once`, () => {
      const whole = tallyRules(evaluateRules(values, previousYear ? { previousYear } : {}));
      const own = tallyRules(evaluateRules(values).filter((rule) => !isCrossYearRule(rule.id)));
      const stored = (figures: FigureValues) =>
        figureValuesOfCrossYear(crossYearFiguresOf(figures));
      const crossYear = tallyRules(
        crossYearRuleResults(stored(values), previousYear ? stored(previousYear) : undefined),
      );
      expect(addRuleTallies(own, crossYear)).toEqual(whole);
      expect(outcomeOfTally(addRuleTallies(own, crossYear))).toBe(outcomeOfTally(whole));
    });
  }

  it('given no rule could be judged, when the outcome is taken, then it is not_assessable, never passed', () => {
    const tally = tallyRules(evaluateRules(valuesOf(() => null)));
    expect(tally.assessed).toBe(0);
    expect(outcomeOfTally(tally)).toBe('not_assessable');
  });
});
