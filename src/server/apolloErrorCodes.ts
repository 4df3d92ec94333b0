// Apollo Server raises a few request-level errors without `extensions.code`; left alone they
// would reach clients as INTERNAL_SERVER_ERROR and be logged as faults. Each gets a code of
// its own here, so INTERNAL_SERVER_ERROR means a real fault.
import { GraphQLError } from 'graphql';

/** Messages of @apollo/server 5 (src/requestPipeline.ts) that come without a code. */
const CODES_BY_MESSAGE: ReadonlyMap<string, string> = new Map([
  // APQ: the query sent does not hash to the sha256Hash sent with it.
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED'],
]);

function httpStatusOf(error: GraphQLError): number | undefined {
  const http: unknown = error.extensions.http;
  if (typeof http !== 'object' || http === null || !('status' in http)) return undefined;
  return typeof http.status === 'number' ? http.status : undefined;
}

/**
 * The code for an error Apollo raised without one; undefined for anything else (which is then
 * a fault). A code-less GraphQLError of Apollo's own (no original error) with a 4xx status is a
 * refusal of the request: BAD_REQUEST unless it has a code of its own above.
 */
export function codeOfUncodedApolloError(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  if (error.originalError) return undefined;
  const known = CODES_BY_MESSAGE.get(error.message);
  if (known) return known;
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500 ? 'BAD_REQUEST' : undefined;
}
