// The failed consistency rules a figure takes part in, explained.
import type { RuleResult } from '../api/types';
import { ruleDescription } from '../layout/ruleDescriptions';
import { formatValue } from './formatFigure';

export function FigureRules({ rules }: { rules: RuleResult[] }) {
  if (rules.length === 0) return null;
  return (
    <section class="panel-section" aria-labelledby="panel-rules">
      <h3 id="panel-rules">未通过的勾稽关系</h3>
      <ul class="rule-list">
        {rules.map((rule) => (
          <li key={`${rule.id}-${rule.scope ?? ''}`}>
            <strong>{rule.id}</strong> {ruleDescription(rule.id)}
            {rule.message && <div class="rule-message">{rule.message}</div>}
            {(rule.left !== null || rule.right !== null) && (
              <div class="rule-sides">
                左边 {formatValue(rule.left)} ≠ 右边 {formatValue(rule.right)}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
