// What approving a proposal would do to the 勾稽 rules, as the API computes it in memory: the
// checks whose outcome would change, and how many checks would fail in all.
import type { ProposalDetail } from '../api/proposals';
import { ruleDescription } from '../layout/ruleDescriptions';
import { describeRuleEffect, describeRuleStatus } from './proposalLabels';

export function ProposalRules({ proposal }: { proposal: ProposalDetail }) {
  const failing = proposal.rules.filter((rule) => rule.status.toUpperCase() === 'FAILED');
  return (
    <section class="panel-section" aria-labelledby="proposal-rules">
      <h2 id="proposal-rules">应用后的勾稽关系 / would-be rule results</h2>
      <p data-testid="would-be-failed">
        应用此建议后，共 {proposal.rules.length} 项检查中有 {failing.length} 项不符。
      </p>
      {proposal.ruleImpact.length === 0 ? (
        <p>没有检查的结果会因此改变。</p>
      ) : (
        <ul class="rule-list">
          {proposal.ruleImpact.map((impact) => (
            <li
              key={`${impact.id}-${impact.scope}`}
              class={`rule-effect rule-effect-${impact.effect.toLowerCase()}`}
              data-effect={impact.effect}
            >
              <strong>{describeRuleEffect(impact.effect)}</strong> {impact.id}（{impact.scope}）：
              {describeRuleStatus(impact.before)} → {describeRuleStatus(impact.after)}
              <div class="rule-message">{impact.messageZh ?? impact.message}</div>
              <div class="muted">{ruleDescription(impact.id)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
