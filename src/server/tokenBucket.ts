// Token buckets of query cost, one per client key: a bucket holds up to `capacity` points and
// refills at `refillPerSecond`; an operation takes its cost. Written here rather than taken
// from a library because it is a dozen lines and needs nothing but a clock. Buckets live in
// this process only: with several server processes each one limits on its own.

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  /** Most client keys kept; beyond it the least recently seen is forgotten (gets a full bucket). */
  maxKeys?: number;
  now?: () => number;
}

export interface BucketState {
  /** Points left after this operation (or before it, when it was refused). */
  remaining: number;
  capacity: number;
  refillPerSecond: number;
}

export type TakeResult =
  ({ allowed: true } & BucketState) | ({ allowed: false; retryAfterSeconds: number } & BucketState);

interface Bucket {
  level: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.capacity > 0) || !(options.refillPerSecond > 0)) {
      throw new Error('a token bucket needs a capacity and a refill rate above 0');
    }
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Takes `cost` points from the key's bucket, or refuses and says how long until they are
   * there. An operation dearer than the whole bucket takes the whole bucket (it would
   * otherwise never be allowed).
   */
  take(key: string, cost: number): TakeResult {
    const { capacity, refillPerSecond } = this.options;
    const now = this.now();
    const level = this.levelOf(key, now);
    const price = Math.min(Math.max(cost, 0), capacity);
    if (price > level) {
      this.store(key, { level, at: now });
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((price - level) / refillPerSecond)),
        remaining: Math.floor(level),
        capacity,
        refillPerSecond,
      };
    }
    this.store(key, { level: level - price, at: now });
    return { allowed: true, remaining: Math.floor(level - price), capacity, refillPerSecond };
  }

  private levelOf(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.options.capacity;
    const refilled = bucket.level + ((now - bucket.at) / 1000) * this.options.refillPerSecond;
    return Math.min(this.options.capacity, refilled);
  }

  private store(key: string, bucket: Bucket): void {
    // Re-inserting keeps the Map in least-recently-seen order, so the oldest is first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}
