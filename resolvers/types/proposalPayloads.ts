import { Field, ID, ObjectType } from 'type-graphql';
import { bi } from './describe';
import { Proposal } from './proposal';

@ObjectType({ description: bi('修改建议操作的结果', 'Result of a proposal mutation') })
export class ProposalPayload {
  @Field(() => Proposal, {
    description: bi('操作后的修改建议', 'The proposal after the call (read-your-writes)'),
  })
  proposal!: Proposal;
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
