import { Field, ID, InterfaceType } from 'type-graphql';
import { bi } from './describe';

@InterfaceType('Node', {
  description: bi(
    '可按全局 ID 取回的对象（Relay）',
    'An object that can be fetched by its global id (Relay)',
  ),
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: bi('不透明的全局 ID', 'Opaque global id') })
  id!: string;
}
