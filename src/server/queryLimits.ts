// Abuse limits checked before execution: aliases, depth, page sizes and cost
// (graphql-query-complexity with the per-field costs declared on the schema). The HTTP server
// applies them in queryCostPlugin.ts, the WebSocket server in its onSubscribe.
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { pageSizeViolation } from './pageSizeLimit';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxComplexity: number;
  /** The page cap of `first` (MAX_PAGE_SIZE). */
  maxPageSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 50,
  maxComplexity: 20_000,
  maxPageSize: 100,
};

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

/** Depth of the deepest field path; fragments are followed (cycles are invalid GraphQL anyway). */
export function queryDepth(document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  let max = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      max = Math.max(max, depthOf(definition.selectionSet, new Set()));
  }
  return max;
}

export function aliasCount(document: DocumentNode): number {
  let count = 0;
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && selection.alias) count++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    ) {
      visit(definition.selectionSet);
    }
  }
  return count;
}

function rejected(message: string, code: string, extra: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400 } } });
}

/** The input path graphql-js names in a coercion message: `at "input.x"`, else the variable. */
function coercedFieldOf(message: string): string | undefined {
  return /\bat "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1];
}

export interface LimitedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface MeasuredOperation {
  /** The first limit the operation exceeds, as the error to send; null when within limits. */
  violation: GraphQLError | null;
  /** The operation's cost; null when it was refused before its cost was known. */
  cost: number | null;
}

/** Checks every limit and computes the cost (what a rate limit charges). */
export function measureOperation(
  operation: LimitedOperation,
  limits: QueryLimits,
): MeasuredOperation {
  const { schema, document } = operation;
  const aliases = aliasCount(document);
  if (aliases > limits.maxAliases) {
    return {
      violation: rejected(
        `the query uses ${aliases} aliases; at most ${limits.maxAliases}`,
        'TOO_MANY_ALIASES',
        { aliases, maximum: limits.maxAliases },
      ),
      cost: null,
    };
  }
  const depth = queryDepth(document);
  if (depth > limits.maxDepth) {
    return {
      violation: rejected(
        `the query is ${depth} levels deep; at most ${limits.maxDepth}`,
        'QUERY_TOO_DEEP',
        { depth, maximum: limits.maxDepth },
      ),
      cost: null,
    };
  }
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      ...(operation.operationName ? { operationName: operation.operationName } : {}),
      variables: operation.variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // The cost is computed before Apollo coerces the variables, so a variable of the wrong type
    // surfaces here first; graphql-js's message names the variable and the field path.
    if (error instanceof GraphQLError) {
      return {
        violation: rejected(error.message, 'BAD_USER_INPUT', {
          field: coercedFieldOf(error.message),
        }),
        cost: null,
      };
    }
    throw error;
  }
  // After the cost, whose variable coercion reports a `first` of the wrong type; before the
  // cost limit, so that a page too large is refused as such however large it is.
  const pageSize = pageSizeViolation(
    schema,
    document,
    operation.variables ?? {},
    limits.maxPageSize,
  );
  if (pageSize) return { violation: pageSize, cost: null };
  if (complexity > limits.maxComplexity) {
    return {
      violation: rejected(
        `the query costs ${complexity}; at most ${limits.maxComplexity}: ask for fewer items`,
        'QUERY_TOO_COMPLEX',
        { complexity, maximum: limits.maxComplexity },
      ),
      cost: complexity,
    };
  }
  return { violation: null, cost: complexity };
}

/** The first limit the operation exceeds, as the error to send; null when within limits. */
export function queryLimitViolation(
  operation: LimitedOperation,
  limits: QueryLimits,
): GraphQLError | null {
  return measureOperation(operation, limits).violation;
}
