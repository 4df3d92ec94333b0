// Unit: what keeps cached answers apart: document, operation, variables and the caller's
// permissions.
import type { Principal } from '../../src/auth/principal';
import { canonicalJson, responseCacheKey } from '../../src/readSide/responseCacheKey';

const anonymous: Principal = { kind: 'anonymous' };
const editor = (tokenId: string, agencyKeys: string[]): Principal => ({
  kind: 'token',
  tokenId,
  name: tokenId,
  role: 'editor',
  agencyKeys,
});
const base = { queryHash: 'h1', operationName: 'FullReport', principal: anonymous };

describe('response cache key', () => {
  it('given the same variables in another key order, when keyed, then they share a key', () => {
    expect(responseCacheKey({ ...base, variables: { id: 'a', first: 2 } })).toBe(
      responseCacheKey({ ...base, variables: { first: 2, id: 'a' } }),
    );
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"c":2,"d":1}]}',
    );
  });

  it('given different variables, operation or document, when keyed, then the keys differ', () => {
    const key = responseCacheKey({ ...base, variables: { id: 'a' } });
    expect(responseCacheKey({ ...base, variables: { id: 'b' } })).not.toBe(key);
    expect(responseCacheKey({ ...base, variables: { id: 'a', extra: 1 } })).not.toBe(key);
    expect(responseCacheKey({ ...base, operationName: 'Other', variables: { id: 'a' } })).not.toBe(
      key,
    );
    expect(responseCacheKey({ ...base, queryHash: 'h2', variables: { id: 'a' } })).not.toBe(key);
  });

  it('given callers with different permissions, when keyed, then the keys differ; the same permissions share', () => {
    const variables = { id: 'a' };
    const keyOf = (principal: Principal) => responseCacheKey({ ...base, variables, principal });
    const keys = new Set([
      keyOf(anonymous),
      keyOf({ kind: 'local', name: 'cli' }),
      keyOf(editor('t1', ['甲局'])),
      keyOf(editor('t2', ['乙局'])),
      keyOf({ kind: 'token', tokenId: 't3', name: 't3', role: 'admin', agencyKeys: ['甲局'] }),
    ]);
    expect(keys.size).toBe(5);
    expect(keyOf(editor('t1', ['甲局', '乙局']))).toBe(keyOf(editor('t9', ['乙局', '甲局'])));
  });
});
