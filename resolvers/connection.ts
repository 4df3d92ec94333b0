// One page of a forward-only Relay connection, from rows fetched with limit(size + 1): the extra
// row, when there is one, only tells that a next page exists.
import { pageInfoOf, type PageInfo } from './types/pageInfo';

export interface ConnectionPage<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: PageInfo;
}

export function connectionOf<Row, Node>(
  rows: Row[],
  size: number,
  cursorOf: (row: Row) => string,
  nodeOf: (row: Row) => Node,
): ConnectionPage<Node> {
  const edges = rows.slice(0, size).map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: pageInfoOf(
      edges.map((edge) => edge.cursor),
      rows.length > size,
    ),
  };
}
