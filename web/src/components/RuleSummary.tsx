// The failed consistency rules of the report as shown, each explained in Chinese, with a link
// to the first cell it involves.
import type { RuleResult } from '../api/types';
import { isFailed } from '../api/types';
import { ruleDescription } from '../layout/ruleDescriptions';
import { formatValue } from './formatFigure';

export interface RuleSummaryProps {
  rules: RuleResult[];
  onOpen: (key: string) => void;
}

export function RuleSummary({ rules, onOpen }: RuleSummaryProps) {
  const failed = rules.filter(isFailed);
  const notAssessable = rules.filter(
    (rule) => rule.status.toLowerCase() === 'not_assessable',
  ).length;
  return (
    <section class="rule-summary" aria-labelledby="rule-summary-title">
      <h2 id="rule-summary-title">
        勾稽关系检查：{failed.length === 0 ? '全部通过' : `${failed.length} 项未通过`}
        {notAssessable > 0 && <span class="muted">（{notAssessable} 项因空白无法判断）</span>}
      </h2>
      {failed.length > 0 && (
        <ul class="rule-list">
          {failed.map((rule) => (
            <li key={`${rule.id}-${rule.scope ?? ''}`} class="rule-failed">
              <strong>{rule.id}</strong>
              {rule.scope && <span class="muted">（{rule.scope}）</span>} {ruleDescription(rule.id)}
              {rule.message && <div class="rule-message">{rule.message}</div>}
              <div class="rule-sides">
                左边 {formatValue(rule.left)}，右边 {formatValue(rule.right)}
                {rule.keys.length > 0 && (
                  <>
                    {' · '}
                    <button type="button" class="link-button" onClick={() => onOpen(rule.keys[0])}>
                      查看相关单元格
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
