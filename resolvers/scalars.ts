// Custom scalars, described in Chinese and English like everything else in the schema.
import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  print,
  type ASTNode,
  type ASTVisitor,
  type GraphQLInputType,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * Input paths of Decimal literals written as numbers (`value: 12`), found by decimalLiteralRule
 * on the enclosing field before graphql-js asks the scalar about the literal itself, so the
 * scalar's error can name the field (the scalar alone sees only the literal).
 */
const numericLiteralPaths = new WeakMap<ValueNode, string>();

const SEND_AS_STRING =
  'a Decimal is sent as a string such as "12" or "28.4885", never as a JSON number or a number literal (a number is a binary float: 0.1 + 0.2 arrives as 0.30000000000000004)';

function isNumberLiteral(node: ValueNode): boolean {
  return node.kind === Kind.INT || node.kind === Kind.FLOAT;
}

/** Exact decimal as a string. Format is checked where the value is used, to name the field. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    '精确十进制数，以字符串表示（如 "12"、"28.488564"）；输入也必须是字符串，JSON 数字与数字字面量（包括整数 12）一律返回 BAD_USER_INPUT / An exact decimal number serialised as a string, never a binary float. Input is a string too: a JSON number or a number literal (even a whole number such as 12) is BAD_USER_INPUT.',
  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue(value: unknown): string {
    if (typeof value === 'string') return value;
    // graphql-js prefixes the variable path: `Variable "$input" got invalid value 12 at
    // "input.changes[0].value"; …`. A whole number is refused too, so that one rule holds for
    // every key (counts and the fee alike) and a client finds out on its first count.
    throw new GraphQLError(
      typeof value === 'number'
        ? `send ${JSON.stringify(String(value))}: ${SEND_AS_STRING}`
        : SEND_AS_STRING,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  },
  parseLiteral(ast): string {
    if (ast.kind === Kind.STRING) return ast.value;
    const field = numericLiteralPaths.get(ast);
    const literal = print(ast);
    const named = field ? `${field}: ` : '';
    throw new GraphQLError(
      isNumberLiteral(ast)
        ? `${named}write the literal ${literal} as the string "${literal}": ${SEND_AS_STRING}`
        : `${named}${SEND_AS_STRING}`,
      {
        nodes: ast,
        extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
      },
    );
  },
});

function isDecimal(type: GraphQLInputType | undefined | null): boolean {
  return type !== undefined && type !== null && getNamedType(type) === DecimalScalar;
}

/** `input.changes[0].value` for a value node, from the visitor's ancestors and keys. */
function inputPath(
  path: ReadonlyArray<string | number>,
  ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>,
  node: ASTNode,
): string {
  let text = '';
  const chain = [...ancestors, node];
  for (let index = 0; index < chain.length; index++) {
    const item = chain[index];
    if (Array.isArray(item)) {
      const holder = chain[index - 1] as ASTNode | undefined;
      if (holder?.kind === Kind.LIST && typeof path[index] === 'number') text += `[${path[index]}]`;
      continue;
    }
    const astNode = item as ASTNode;
    if (astNode.kind === Kind.ARGUMENT) text = astNode.name.value;
    else if (astNode.kind === Kind.OBJECT_FIELD) text += `${text ? '.' : ''}${astNode.name.value}`;
  }
  return text;
}

/**
 * Validation rule (registered with Apollo): remembers the input path of every Decimal written as
 * a number literal, so the Decimal scalar's BAD_USER_INPUT names the field. It reports nothing
 * itself; the scalar refuses the literal.
 */
export function decimalLiteralRule(context: ValidationContext): ASTVisitor {
  const remember = (
    value: ValueNode,
    type: GraphQLInputType | null | undefined,
    path: ReadonlyArray<string | number>,
    ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>,
    node: ASTNode,
  ): void => {
    if (isNumberLiteral(value) && isDecimal(type)) {
      numericLiteralPaths.set(value, inputPath([...path], ancestors, node));
    } else if (value.kind === Kind.LIST && type) {
      const list = getNullableType(type);
      if (!isListType(list) || !isDecimal(list.ofType as GraphQLInputType)) return;
      const base = inputPath([...path], ancestors, node);
      value.values.forEach((item, index) => {
        if (isNumberLiteral(item)) numericLiteralPaths.set(item, `${base}[${index}]`);
      });
    }
  };
  return {
    Argument(node, _key, _parent, path, ancestors) {
      remember(node.value, context.getArgument()?.type, path, ancestors, node);
    },
    ObjectField(node, _key, _parent, path, ancestors) {
      remember(node.value, context.getInputType(), path, ancestors, node);
    },
  };
}

function parseDate(value: unknown): Date {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)
  ) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError('a DateTime is an ISO 8601 string like "2025-01-31T08:00:00Z"', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    '时间点，ISO 8601 格式（UTC）/ An instant as an ISO 8601 string (UTC), e.g. 2025-01-31T08:00:00.000Z.',
  serialize(value: unknown): string {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent this value');
    return date.toISOString();
  },
  parseValue: parseDate,
  parseLiteral(ast): Date {
    if (ast.kind !== Kind.STRING) parseDate(null);
    return parseDate((ast as { value: string }).value);
  },
});
