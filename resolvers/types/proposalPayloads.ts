import { Field, ID, ObjectType } from 'type-graphql';
import { bi } from './describe';
import { Proposal } from './proposal';

@ObjectType({ description: bi('修改建议操作的结果', 'Result of a proposal mutation') })
export class ProposalPayload {
  @Field(() => Proposal, {
    description: bi('操作后的修改建议', 'The proposal after the call (read-your-writes)'),
  })
  proposal!: Proposal;

  @Field(() => Boolean, {
    description: bi(
      '此 clientMutationId 已执行过：未写入任何内容，返回修改建议的现状',
      'This clientMutationId was already applied: nothing new was written; the proposal as it is now',
    ),
  })
  replayed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi('请求中的客户端变更 ID', 'The clientMutationId sent'),
  })
  clientMutationId!: string | null;
}

@ObjectType({ description: bi('机构审核要求', 'An agency’s review policy') })
export class AgencyReviewPolicyPayload {
  @Field(() => ID, { description: bi('机构 ID', 'Agency id') })
  agencyId!: string;

  @Field(() => String, { description: bi('机构名称', 'Agency name') })
  agencyName!: string;

  @Field(() => Boolean, {
    description: bi('是否要求审核', 'Whether editors’ figure edits need review'),
  })
  reviewRequired!: boolean;
}
