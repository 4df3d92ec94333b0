import { Field, ID, ObjectType } from 'type-graphql';
import type { FigureReviewData } from '../../events/report/eventCatalog';
import { Actor } from './actor';
import { bi } from './describe';

@ObjectType({
  description: bi(
    '经审核生效的修改：修改建议、提出人与批准人',
    'A change that came through review: the proposal, who proposed it and who approved it',
  ),
})
export class FigureReview {
  @Field(() => ID, { description: bi('修改建议 ID', 'Id of the proposal') })
  proposalId!: string;

  @Field(() => Actor, { description: bi('提出人', 'Who proposed the change') })
  proposedBy!: Actor;

  @Field(() => Actor, {
    description: bi('批准人（即此变更的操作者）', 'Who approved it (the actor of this change)'),
  })
  approvedBy!: Actor;
}

export function figureReviewOf(review: FigureReviewData | undefined): FigureReview | null {
  if (!review) return null;
  return {
    proposalId: review.proposalId,
    proposedBy: { id: review.proposedBy.id, name: review.proposedBy.name },
    approvedBy: { id: review.approvedBy.id, name: review.approvedBy.name },
  };
}
