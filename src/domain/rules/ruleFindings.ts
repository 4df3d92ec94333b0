// Views of rule results for a UI: which cells sit in a failed rule.
import type { RuleResult } from './types';

/** Keys (table and narrative) of this report involved in at least one failed rule, sorted. */
export function failedRuleKeys(results: readonly RuleResult[]): string[] {
  const keys = new Set<string>();
  for (const result of results) {
    if (result.status === 'failed') result.keys.forEach((key) => keys.add(key));
  }
  return [...keys].sort();
}

/** Failed results per key, for showing why a cell is marked. */
export function failuresByKey(results: readonly RuleResult[]): Map<string, RuleResult[]> {
  const byKey = new Map<string, RuleResult[]>();
  for (const result of results) {
    if (result.status !== 'failed') continue;
    for (const key of result.keys) byKey.set(key, [...(byKey.get(key) ?? []), result]);
  }
  return byKey;
}
