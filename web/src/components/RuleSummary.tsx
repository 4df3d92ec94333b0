// The failed consistency rules of the report as shown, each explained in Chinese, with a link
// to the first cell it involves, and how many rules could not be judged, and why: last year's
// report is missing (cross-year rules), or cells are blank. No judged rule at all reads 不适用.
import type { RuleResult } from '../api/types';
import { isFailed } from '../api/types';
import { notAssessableBecause, ruleDescription } from '../layout/ruleDescriptions';
import { formatValue } from './formatFigure';

export interface RuleSummaryProps {
  rules: RuleResult[];
  onOpen: (key: string) => void;
}

export function RuleSummary({ rules, onOpen }: RuleSummaryProps) {
  const failed = rules.filter(isFailed);
  // A report with no rule that could be judged (the 2019 template, blank tables) never reads
  // as passing: 不适用.
  const assessed = rules.filter((rule) => rule.status.toLowerCase() !== 'not_assessable');
  const verdict =
    failed.length > 0
      ? `${failed.length} 项未通过`
      : assessed.length === 0
        ? '不适用（没有可判断的规则）'
        : '全部通过';
  const reasons = rules.map(notAssessableBecause);
  const needPreviousYear = reasons.filter((reason) => reason === 'previousYear').length;
  const blank = reasons.filter((reason) => reason === 'blank').length;
  const unjudged = [
    needPreviousYear > 0 ? `${needPreviousYear} 项需要上一年度报告，账本中没有` : null,
    blank > 0 ? `${blank} 项因空白无法判断` : null,
  ].filter((part): part is string => part !== null);
  return (
    <section class="rule-summary" aria-labelledby="rule-summary-title">
      <h2 id="rule-summary-title">
        勾稽关系检查：{verdict}
        {unjudged.length > 0 && <span class="muted">（{unjudged.join('；')}）</span>}
      </h2>
      {failed.length > 0 && (
        <ul class="rule-list">
          {failed.map((rule) => (
            <li key={`${rule.id}-${rule.scope ?? ''}`} class="rule-failed">
              <strong>{rule.id}</strong>
              {rule.scope && <span class="muted">（{rule.scope}）</span>} {ruleDescription(rule.id)}
              {(rule.messageZh ?? rule.message) && (
                <div class="rule-message">{rule.messageZh ?? rule.message}</div>
              )}
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
