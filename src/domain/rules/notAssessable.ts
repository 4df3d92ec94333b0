// One result for a cross-year or narrative rule that has nothing to compare against.
import type { Rule, RuleResult } from './types';

export function notAssessable(
  rule: Rule,
  scope: string,
  keys: string[],
  reason: string,
): RuleResult {
  return {
    id: rule.id,
    scope,
    status: 'not_assessable',
    severity: rule.severity,
    keys,
    left: null,
    right: null,
    message: `${rule.id} ${scope}: not assessable, ${reason}`,
  };
}
