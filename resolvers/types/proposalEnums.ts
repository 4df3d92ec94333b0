import { registerEnumType } from 'type-graphql';
import { bi } from './describe';

export enum ProposalStatusEnum {
  OPEN = 'open',
  STALE = 'stale',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}
registerEnumType(ProposalStatusEnum, {
  name: 'ProposalStatus',
  description: bi('修改建议的状态', 'Where a proposal stands'),
  valuesConfig: {
    OPEN: { description: bi('待审核', 'Waiting for review') },
    STALE: {
      description: bi(
        '待审核，但所改单元格在基准修订之后又被修改过：须由提出人变基后才能批准',
        'Waiting, but a cell it changes was changed after its base revision: its author must rebase it before it can be approved',
      ),
    },
    APPROVED: { description: bi('已批准并应用', 'Approved and applied') },
    REJECTED: { description: bi('已驳回', 'Rejected') },
  },
});

export enum ReviewDecisionEnum {
  APPROVE = 'approve',
  REJECT = 'reject',
}
registerEnumType(ReviewDecisionEnum, {
  name: 'ReviewDecision',
  description: bi('审核结论', 'A reviewer’s decision'),
  valuesConfig: {
    APPROVE: {
      description: bi(
        '批准：修改作为普通修改写入报告',
        'Approve: the changes are applied as an ordinary edit',
      ),
    },
    REJECT: { description: bi('驳回：报告不变', 'Reject: the report stays as it is') },
  },
});

export enum RuleEffectEnum {
  BREAKS = 'breaks',
  FIXES = 'fixes',
  CHANGES = 'changes',
}
registerEnumType(RuleEffectEnum, {
  name: 'RuleEffect',
  description: bi('修改建议对一条勾稽规则的影响', 'What a proposal would do to one rule check'),
  valuesConfig: {
    BREAKS: { description: bi('现在不失败，应用后会失败', 'Does not fail now; would fail') },
    FIXES: { description: bi('现在失败，应用后不再失败', 'Fails now; would not fail') },
    CHANGES: {
      description: bi('在相符与无法判断之间变化', 'Moves between passing and not assessable'),
    },
  },
});

export enum ProposalNoteKindEnum {
  COMMENT = 'comment',
  REBASE = 'rebase',
  APPROVE = 'approve',
  REJECT = 'reject',
  APPLY_FAILED = 'applyFailed',
}
registerEnumType(ProposalNoteKindEnum, {
  name: 'ProposalNoteKind',
  description: bi('讨论记录的种类', 'What a discussion entry records'),
  valuesConfig: {
    COMMENT: { description: bi('评论', 'A comment') },
    REBASE: { description: bi('提出人变基', 'The author rebased the proposal') },
    APPROVE: { description: bi('批准', 'A reviewer approved') },
    REJECT: { description: bi('驳回', 'A reviewer rejected') },
    APPLY_FAILED: {
      description: bi(
        '批准后报告已变化，未能应用；建议重新待审',
        'The report moved after the approval; the proposal is open again',
      ),
    },
  },
});
