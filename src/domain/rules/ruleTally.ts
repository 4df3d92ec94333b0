// A report's rule checks counted, and their outcome as a whole. Lists show the outcome for many
// reports at once, so it is kept as counts (stored per report) that add up, instead of the
// rule results themselves: a report's own counts plus those of its cross-year rules.
import type { RuleResult } from './types';

/** What a report's consistency checks come to: never PASSED when no rule could be judged. */
export type ReportRuleOutcome = 'passed' | 'failed' | 'not_assessable';

export interface RuleTally {
  failed: number;
  /** Judged either way: agreeing or failed. */
  assessed: number;
  notAssessable: number;
}

export const EMPTY_RULE_TALLY: RuleTally = { failed: 0, assessed: 0, notAssessable: 0 };

export function tallyRules(results: readonly RuleResult[]): RuleTally {
  const tally = { ...EMPTY_RULE_TALLY };
  for (const result of results) {
    if (result.status === 'not_assessable') tally.notAssessable++;
    else tally.assessed++;
    if (result.status === 'failed') tally.failed++;
  }
  return tally;
}

export function addRuleTallies(a: RuleTally, b: RuleTally): RuleTally {
  return {
    failed: a.failed + b.failed,
    assessed: a.assessed + b.assessed,
    notAssessable: a.notAssessable + b.notAssessable,
  };
}

export function outcomeOfTally(tally: RuleTally): ReportRuleOutcome {
  if (tally.failed > 0) return 'failed';
  return tally.assessed > 0 ? 'passed' : 'not_assessable';
}
