// One rule for `first` on every connection field: a whole number from 1 to the page cap
// (MAX_PAGE_SIZE). It is checked before anything runs, like the other limits, so a page too
// large is BAD_USER_INPUT (HTTP 400) whether it is 101 or 100000, instead of 101 passing the
// cost check and failing in the resolver while 100000 failed the cost check. `first: 0` is
// refused too: an empty page cannot carry a cursor to go on from.
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import {
  MIN_PAGE_SIZE,
  PAGE_SIZE_ARGUMENT,
  isValidPageSize,
  pageSizeMessage,
} from '../../resolvers/pageArgs';

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.NULL) return null;
  // Any other literal is a type error that validation has already reported.
  return undefined;
}

/** The refusal for the first `first` out of range in the document; null when all are valid. */
export function pageSizeViolation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  maxPageSize: number,
): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let violation: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (violation) return;
        const definition = typeInfo.getFieldDef();
        if (!definition?.args.some((arg) => arg.name === PAGE_SIZE_ARGUMENT)) return;
        const argument = node.arguments?.find((arg) => arg.name.value === PAGE_SIZE_ARGUMENT);
        if (!argument) return;
        const first = valueOf(argument.value, variables);
        // Absent or null: the default page size. Not a number: a type error reported elsewhere.
        if (first === null || first === undefined || typeof first !== 'number') return;
        if (isValidPageSize(first, maxPageSize)) return;
        violation = new GraphQLError(`${pageSizeMessage(maxPageSize)}, got ${first}`, {
          nodes: [argument],
          extensions: {
            code: 'BAD_USER_INPUT',
            field: PAGE_SIZE_ARGUMENT,
            minimum: MIN_PAGE_SIZE,
            maximum: maxPageSize,
            http: { status: 400 },
          },
        });
      },
    }),
  );
  return violation;
}
