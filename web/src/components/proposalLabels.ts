// Chinese (and English, as the issue words them) names of proposal statuses and note kinds.
import type { ProposalNote, ProposalRuleImpact, ProposalStatus } from '../api/proposals';

const STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  OPEN: '待审核',
  STALE: '已过时（须变基）',
  APPROVED: '已批准',
  REJECTED: '已驳回',
};

export function describeProposalStatus(status: ProposalStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const NOTE_LABELS: Readonly<Record<ProposalNote['kind'], string>> = {
  COMMENT: '评论',
  REBASE: '变基',
  APPROVE: '批准',
  REJECT: '驳回',
  APPLY_FAILED: '未能应用（报告已变化）',
};

export function describeNoteKind(kind: ProposalNote['kind']): string {
  return NOTE_LABELS[kind] ?? kind;
}

const EFFECT_LABELS: Readonly<Record<ProposalRuleImpact['effect'], string>> = {
  BREAKS: '会导致不符',
  FIXES: '会恢复相符',
  CHANGES: '在相符与无法判断之间变化',
};

export function describeRuleEffect(effect: ProposalRuleImpact['effect']): string {
  return EFFECT_LABELS[effect] ?? effect;
}

const RULE_STATUS_LABELS: Readonly<Record<string, string>> = {
  OK: '相符',
  FAILED: '不符',
  NOT_ASSESSABLE: '无法判断',
};

export function describeRuleStatus(status: string): string {
  return RULE_STATUS_LABELS[status.toUpperCase()] ?? status;
}

/** The accessible name of the mark on a cell with pending proposals. */
export const PENDING_PROPOSAL_LABEL = '有待审核的修改建议 / open proposal';
