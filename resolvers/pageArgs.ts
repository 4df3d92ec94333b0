// The `first` and `after` arguments every connection field takes, declared once so that their
// names, types, descriptions and the one rule for `first` stay the same across the schema.
// The rule is enforced before execution (src/server/pageSizeLimit.ts) and again where a page
// is read (cursor.ts pageSize), for callers that do not go through the HTTP server.
import { Arg, Int } from 'type-graphql';
import { bi } from './types/describe';

type ArgDecorator = ReturnType<typeof Arg>;

export const PAGE_SIZE_ARGUMENT = 'first';
export const MIN_PAGE_SIZE = 1;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSizeMessage(maxPageSize: number): string {
  return `first must be a whole number from ${MIN_PAGE_SIZE} to ${maxPageSize}`;
}

export function isValidPageSize(first: unknown, maxPageSize: number): boolean {
  return (
    typeof first === 'number' &&
    Number.isInteger(first) &&
    first >= MIN_PAGE_SIZE &&
    first <= maxPageSize
  );
}

export function PageFirstArg(): ArgDecorator {
  return Arg(PAGE_SIZE_ARGUMENT, () => Int, {
    nullable: true,
    description: bi(
      '每页数量：1 到 MAX_PAGE_SIZE（默认上限 100），缺省 20；超出范围则 BAD_USER_INPUT',
      'Page size: 1 to MAX_PAGE_SIZE (100 unless configured), default 20; BAD_USER_INPUT outside',
    ),
  });
}

export function PageAfterArg(): ArgDecorator {
  return Arg('after', () => String, {
    nullable: true,
    description: bi('从此游标之后开始', 'Start after this cursor'),
  });
}
