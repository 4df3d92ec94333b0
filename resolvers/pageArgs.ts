// The `first` and `after` arguments every connection field takes, declared once so that their
// names, types and descriptions stay the same across the schema.
import { Arg, Int } from 'type-graphql';
import { bi } from './types/describe';

type ArgDecorator = ReturnType<typeof Arg>;

export function PageFirstArg(): ArgDecorator {
  return Arg('first', () => Int, {
    nullable: true,
    description: bi('每页数量（最多 100）', 'Page size (at most 100)'),
  });
}

export function PageAfterArg(): ArgDecorator {
  return Arg('after', () => String, {
    nullable: true,
    description: bi('从此游标之后开始', 'Start after this cursor'),
  });
}
