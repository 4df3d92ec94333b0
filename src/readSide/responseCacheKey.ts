// What identifies a cached GraphQL answer: the document, the operation in it, the variables
// and who asks. Two callers share an answer only when they hold the same permissions (role and
// agencies of a token; anonymous; the local administrator), never merely because both have one.
import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal';

export interface ResponseCacheKeyInput {
  /** Apollo's sha256 of the query text. */
  queryHash: string;
  operationName: string | null | undefined;
  variables: Readonly<Record<string, unknown>> | undefined;
  principal: Principal;
}

/** The permissions of a caller, as the key sees them. */
export function viewerScopeOf(principal: Principal): string {
  switch (principal.kind) {
    case 'token':
      return `token:${principal.role}:${JSON.stringify([...principal.agencyKeys].sort())}`;
    case 'local':
      return 'local';
    default:
      return 'anonymous';
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same variables. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function responseCacheKey(input: ResponseCacheKeyInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.queryHash,
        input.operationName ?? null,
        canonicalJson(input.variables ?? {}),
        viewerScopeOf(input.principal),
      ]),
    )
    .digest('base64url');
}
