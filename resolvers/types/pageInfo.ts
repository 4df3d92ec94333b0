import { Field, ObjectType } from 'type-graphql';
import { bi } from './describe';

@ObjectType({ description: bi('分页信息（Relay）', 'Pagination state of a connection (Relay)') })
export class PageInfo {
  @Field(() => Boolean, { description: bi('是否还有下一页', 'Whether more items follow') })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: bi(
      '是否有上一页（只向前分页时恒为 false）',
      'Whether items precede (always false: forward pagination only)',
    ),
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: bi('第一项的游标', 'Cursor of the first item'),
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: bi(
      '最后一项的游标，作为下一页的 after',
      'Cursor of the last item; pass as `after` for the next page',
    ),
  })
  endCursor!: string | null;
}

export function pageInfoOf(cursors: string[], hasNextPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: false,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
  };
}
