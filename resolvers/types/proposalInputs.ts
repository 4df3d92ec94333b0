import { Field, ID, InputType, Int } from 'type-graphql';
import { bi } from './describe';
import { ClientMutationIdField, FigureValueInput } from './inputs';
import { ProposalStatusEnum, ReviewDecisionEnum } from './proposalEnums';

@InputType({ description: bi('提出修改建议', 'Propose figure changes for review') })
export class ProposeChangesInput {
  @Field(() => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
  reportId!: string;

  @Field(() => Int, {
    description: bi(
      '建议所依据的报告修订号（通常为当前修订号）',
      'Report revision the proposal is based on (usually the current one)',
    ),
  })
  baseRevision!: number;

  @Field(() => [FigureValueInput], { description: bi('建议的修改', 'The proposed changes') })
  changes!: FigureValueInput[];

  @Field(() => String, { description: bi('修改理由（必填）', 'Why (required)') })
  reason!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('审核修改建议', 'Review a proposal') })
export class ReviewProposalInput {
  @Field(() => ID, { description: bi('修改建议 ID', 'Proposal id') })
  proposalId!: string;

  @Field(() => ReviewDecisionEnum, { description: bi('批准或驳回', 'Approve or reject') })
  decision!: ReviewDecisionEnum;

  @Field(() => String, { nullable: true, description: bi('审核意见', 'Comment') })
  comment?: string | null;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({ description: bi('评论修改建议', 'Comment on a proposal') })
export class CommentOnProposalInput {
  @Field(() => ID, { description: bi('修改建议 ID', 'Proposal id') })
  proposalId!: string;

  @Field(() => String, { description: bi('评论内容', 'The comment') })
  text!: string;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({
  description: bi(
    '把修改建议移到报告当前修订（仅提出人）',
    'Move a proposal onto the report’s current revision (its author only)',
  ),
})
export class RebaseProposalInput {
  @Field(() => ID, { description: bi('修改建议 ID', 'Proposal id') })
  proposalId!: string;

  @Field(() => [FigureValueInput], {
    nullable: true,
    description: bi(
      '新的建议值；缺省则保留原建议值',
      'New proposed values; omitted keeps the proposed values',
    ),
  })
  changes?: FigureValueInput[] | null;

  @Field(() => String, { nullable: true, description: bi('说明', 'Why, if worth saying') })
  reason?: string | null;

  @ClientMutationIdField()
  clientMutationId?: string | null;
}

@InputType({
  description: bi('设置机构是否要求审核', 'Set whether an agency requires review'),
})
export class SetAgencyReviewPolicyInput {
  @Field(() => String, { description: bi('机构 ID 或名称', 'Agency id or name') })
  agency!: string;

  @Field(() => Boolean, {
    description: bi(
      '为真时，编辑对该机构报告数字的修改须经修改建议与审核',
      'When true, editors change this agency’s figures through proposals and review only',
    ),
  })
  reviewRequired!: boolean;

  @Field(() => String, { description: bi('理由（必填）', 'Why (required)') })
  reason!: string;
}

@InputType({ description: bi('修改建议的筛选条件', 'Which proposals to list') })
export class ProposalFilter {
  @Field(() => ID, { nullable: true, description: bi('报告的全局 ID', 'Global id of a report') })
  reportId?: string | null;

  @Field(() => ProposalStatusEnum, { nullable: true, description: bi('状态', 'Status') })
  status?: ProposalStatusEnum | null;

  @Field(() => String, { nullable: true, description: bi('机构 ID 或名称', 'Agency id or name') })
  agency?: string | null;
}
