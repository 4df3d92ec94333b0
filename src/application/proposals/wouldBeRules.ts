// The rule results of the revision a proposal would make: the report's figures with the
// proposed values folded in, in memory, judged by the same pure rule engine as every revision.
// Nothing is written; the report is not touched.
import type { ProposedChangeData } from '../../../events/proposal/proposalEvents';
import type { ReportState } from '../../../events/report/reportState';
import type { FigureValues, RuleResult, RuleStatus } from '../../domain/rules';
import { rulesOf } from '../../projections/reportRules';

/** How one rule check would change if the proposal were applied. */
export interface RuleImpact {
  id: string;
  scope: string;
  severity: string;
  before: RuleStatus;
  after: RuleStatus;
  /** breaks: passes (or was not assessable) now and would fail; fixes: the other way round. */
  effect: 'breaks' | 'fixes' | 'changes';
  message: string;
  messageZh: string | null;
}

export interface WouldBeRules {
  /** Every rule result of the would-be revision. */
  rules: RuleResult[];
  /** Only the checks whose status would change. */
  impact: RuleImpact[];
}

export function wouldBeState(
  report: ReportState,
  changes: readonly Pick<ProposedChangeData, 'key' | 'proposed'>[],
): ReportState {
  const proposed = new Map(changes.map((change) => [change.key, change.proposed]));
  return {
    ...report,
    figures: report.figures.map((figure) =>
      proposed.has(figure.key)
        ? { ...figure, value: proposed.get(figure.key) ?? null, marker: null }
        : figure,
    ),
  };
}

function effectOf(before: RuleStatus, after: RuleStatus): RuleImpact['effect'] {
  if (after === 'failed') return 'breaks';
  if (before === 'failed') return 'fixes';
  return 'changes';
}

export function wouldBeRules(
  report: ReportState,
  changes: readonly Pick<ProposedChangeData, 'key' | 'proposed'>[],
  previousYear?: FigureValues,
): WouldBeRules {
  const now = rulesOf(report, previousYear);
  const rules = rulesOf(wouldBeState(report, changes), previousYear);
  const before = new Map(now.map((rule) => [`${rule.id}\u0000${rule.scope}`, rule.status]));
  const impact = rules
    .map((rule) => ({ rule, was: before.get(`${rule.id}\u0000${rule.scope}`) ?? 'not_assessable' }))
    .filter(({ rule, was }) => rule.status !== was)
    .map(({ rule, was }) => ({
      id: rule.id,
      scope: rule.scope,
      severity: rule.severity,
      before: was,
      after: rule.status,
      effect: effectOf(was, rule.status),
      message: rule.message,
      messageZh: rule.messageZh ?? null,
    }));
  return { rules, impact };
}
