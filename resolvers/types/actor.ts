import { Field, ID, ObjectType } from 'type-graphql';
import { bi } from './describe';

@ObjectType({
  description: bi('做出变更的人（来自其令牌）', 'Who made a change (taken from their token)'),
})
export class Actor {
  @Field(() => ID, { description: bi('操作者 ID', 'Actor id, e.g. token:<id>') })
  id!: string;

  @Field(() => String, { description: bi('操作者名称', 'Display name of the actor') })
  name!: string;
}
