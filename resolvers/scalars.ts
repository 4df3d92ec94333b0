// Custom scalars, described in Chinese and English like everything else in the schema.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Exact decimal as a string. Format is checked where the value is used, to name the field. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    '精确十进制数，以字符串表示（如 "12"、"28.488564"）/ An exact decimal number serialised as a string, never a binary float.',
  serialize(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw new GraphQLError('a Decimal is given as a string like "12" or "28.4885"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  parseLiteral(ast): string {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return ast.value;
    throw new GraphQLError('a Decimal is given as a string like "12" or "28.4885"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

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
