// Unit (no database): the token bucket of query cost behind the rate limit, on a fake clock.
import { TokenBuckets } from '../../src/server/tokenBucket';
import { loadRateLimitConfig } from '../../src/server/rateLimitConfig';
import { ConfigError } from '../../src/config';

function buckets(options: { capacity: number; refillPerSecond: number; maxKeys?: number }) {
  let now = 0;
  const limiter = new TokenBuckets({ ...options, now: () => now });
  return {
    limiter,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('token buckets (unit)', () => {
  it('given a full bucket, when costs are taken, then it refuses the one that does not fit and says when it will', () => {
    const { limiter } = buckets({ capacity: 10, refillPerSecond: 2 });
    expect(limiter.take('a', 6)).toMatchObject({ allowed: true, remaining: 4 });
    expect(limiter.take('a', 9)).toEqual({
      allowed: false,
      retryAfterSeconds: 3, // 5 points missing at 2 a second
      remaining: 4,
      capacity: 10,
      refillPerSecond: 2,
    });
  });

  it('given time passes, then the bucket refills up to its capacity only', () => {
    const { limiter, advance } = buckets({ capacity: 10, refillPerSecond: 2 });
    limiter.take('a', 10);
    advance(3000);
    expect(limiter.take('a', 6)).toMatchObject({ allowed: true, remaining: 0 });
    advance(3_600_000);
    expect(limiter.take('a', 1)).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('given two keys, then each has its own bucket', () => {
    const { limiter } = buckets({ capacity: 5, refillPerSecond: 1 });
    expect(limiter.take('a', 5).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
    expect(limiter.take('b', 5).allowed).toBe(true);
  });

  it('given an operation dearer than the whole bucket, then a full bucket lets it through (it would wait forever otherwise)', () => {
    const { limiter, advance } = buckets({ capacity: 5, refillPerSecond: 1 });
    expect(limiter.take('a', 50)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('a', 50)).toMatchObject({ allowed: false, retryAfterSeconds: 5 });
    advance(5000);
    expect(limiter.take('a', 50).allowed).toBe(true);
  });

  it('given more keys than it keeps, then the least recently seen is forgotten', () => {
    const { limiter } = buckets({ capacity: 5, refillPerSecond: 1, maxKeys: 2 });
    limiter.take('a', 5);
    limiter.take('b', 5);
    limiter.take('c', 5);
    expect(limiter.take('a', 5).allowed).toBe(true);
    expect(limiter.take('c', 1).allowed).toBe(false);
  });
});

describe('rate limit configuration (unit)', () => {
  it('given no variables, then the generous defaults', () => {
    expect(loadRateLimitConfig({})).toEqual({
      bucketSize: 10_000_000,
      refillPerSecond: 1_000_000,
    });
  });

  it('given variables, then they are used; 0 turns the limit off', () => {
    expect(
      loadRateLimitConfig({ RATE_LIMIT_BUCKET_SIZE: '0', RATE_LIMIT_REFILL_PER_SECOND: '7' }),
    ).toEqual({ bucketSize: 0, refillPerSecond: 7 });
  });

  it.each([
    ['RATE_LIMIT_BUCKET_SIZE', 'lots'],
    ['RATE_LIMIT_REFILL_PER_SECOND', '0'],
    ['RATE_LIMIT_REFILL_PER_SECOND', '-3'],
  ])('given %s=%s, then a ConfigError names the variable', (name, value) => {
    expect(() => loadRateLimitConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadRateLimitConfig({ [name]: value })).toThrow(name);
  });
});
