// Token records this process looked up recently, so a burst of requests with one token costs
// one lookup, not one per request. Revocation still holds: revokeToken in this process drops the
// record at once, and a revocation by another process (the CLI) is seen within MAX_AGE_MS, when
// the record is looked up again. Expiry is checked on every use (the record carries expiresAt).
// Only tokens that exist are kept: a token created a moment ago is never refused from here.
import type { TokenDocument, TokenModel } from '../../models/tokenModel';

/** How long a looked-up record is trusted: the bound on seeing another process's revocation. */
export const TOKEN_CACHE_MAX_AGE_MS = 2000;
/** Records kept per token collection (least recently looked up dropped first). */
const CAPACITY = 1000;

interface Entry {
  record: TokenDocument;
  fetchedAt: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxAgeMs = TOKEN_CACHE_MAX_AGE_MS,
    /** Milliseconds, monotonic; injectable for tests. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The record stored under `hash`, if looked up less than maxAgeMs ago. */
  get(hash: string): TokenDocument | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (this.clock() - entry.fetchedAt >= this.maxAgeMs) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.record;
  }

  set(record: TokenDocument): void {
    this.entries.delete(record.hash);
    this.entries.set(record.hash, { record, fetchedAt: this.clock() });
    if (this.entries.size > CAPACITY) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Drops the record of token `id` (revoked in this process). */
  forget(id: string): void {
    for (const [hash, entry] of this.entries) {
      if (entry.record._id === id) this.entries.delete(hash);
    }
  }
}

const caches = new WeakMap<TokenModel, TokenCache>();

/** The cache of one token collection (one per ledger, so test ledgers never share one). */
export function tokenCacheOf(model: TokenModel): TokenCache {
  let cache = caches.get(model);
  if (!cache) {
    cache = new TokenCache();
    caches.set(model, cache);
  }
  return cache;
}

/** For tests: a cache with its own clock for `model`. */
export function useTokenCache(model: TokenModel, cache: TokenCache): void {
  caches.set(model, cache);
}
