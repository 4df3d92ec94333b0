// The rate limit's settings, from environment variables (listed in README's Configuration
// table). Read here rather than in src/config.ts so that the limit and its settings stay in
// one place; a bad value is a ConfigError naming the variable, like every other setting.
// The defaults are generous on purpose: the bench's full report read costs about 1100, so
// they allow some 900 such reads a second from one client, more than one process serves, and
// a 10-second burst of them; the test suites and the bench never meet them. An operator who
// needs a real limit lowers them.
import { ConfigError } from '../config';

export interface RateLimitConfig {
  /** Cost points a client may spend at once; 0 turns rate limiting off. */
  bucketSize: number;
  /** Cost points given back to each client per second. */
  refillPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  bucketSize: 10_000_000,
  refillPerSecond: 1_000_000,
};

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > 1_000_000_000)
    throw new ConfigError(name, `must be between ${min} and 1000000000, got ${value}`);
  return value;
}

export function loadRateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    bucketSize: wholeNumber(env, 'RATE_LIMIT_BUCKET_SIZE', DEFAULT_RATE_LIMIT.bucketSize, 0),
    refillPerSecond: wholeNumber(
      env,
      'RATE_LIMIT_REFILL_PER_SECOND',
      DEFAULT_RATE_LIMIT.refillPerSecond,
      1,
    ),
  };
}
