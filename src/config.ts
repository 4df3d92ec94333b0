// Configuration from environment variables. Every variable is listed in the README with its
// default; a bad value stops start-up with a message naming the variable.
import path from 'node:path';
import { LOG_LEVELS } from './observability/logger';

export interface Config {
  port: number;
  host: string;
  /** When set, used as is; otherwise an embedded MongoDB or FerretDB is started on dataDir. */
  mongodbUri: string | undefined;
  databaseName: string;
  dataDir: string;
  corsOrigins: string[];
  introspection: boolean;
  requireTokenForReads: boolean;
  maxPageSize: number;
  bodyLimitBytes: number;
  logLevel: string;
  /** Keep a report snapshot every this many revisions (time travel, command loading). */
  snapshotEvery: number;
  /** /readyz fails when the projections are more than this many events behind the log head. */
  readyMaxProjectionLag: number;
  /** How old /readyz lets its cached ledger verification get (0: verify on every probe). */
  integrityCheckIntervalMs: number;
  /** How long a shutdown waits for requests and subscriptions before cutting them. */
  shutdownGraceMs: number;
  /** How often the subscription feed polls the event log while someone subscribes. */
  subscriptionPollIntervalMs: number;
  /** Load the sample reports into an empty ledger at start (default: on the embedded database). */
  sampleData: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const normalised = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalised)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalised)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseName = env.NIANBAO_DB_NAME?.trim() || 'nianbao';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(databaseName)) {
    throw new ConfigError('NIANBAO_DB_NAME', 'use 1–63 letters, digits, "_" or "-"');
  }
  const corsOrigins = list(env, 'CORS_ORIGINS');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `"${origin}" is not an origin like https://example.org`,
      );
    }
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    mongodbUri: env.MONGODB_URI?.trim() || undefined,
    databaseName,
    dataDir: path.resolve(env.NIANBAO_DATA_DIR?.trim() || path.join(process.cwd(), 'data')),
    corsOrigins,
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', true),
    requireTokenForReads: boolean(env, 'REQUIRE_TOKEN_FOR_READS', false),
    maxPageSize: integer(env, 'MAX_PAGE_SIZE', 100, 1, 1000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    logLevel,
    snapshotEvery: integer(env, 'SNAPSHOT_EVERY', 100, 2, 100_000),
    readyMaxProjectionLag: integer(env, 'READY_MAX_PROJECTION_LAG', 100, 0, 1_000_000_000),
    integrityCheckIntervalMs:
      integer(env, 'INTEGRITY_CHECK_INTERVAL_SECONDS', 300, 0, 604_800) * 1000,
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 3600) * 1000,
    subscriptionPollIntervalMs: integer(env, 'SUBSCRIPTION_POLL_INTERVAL_MS', 200, 10, 60_000),
    sampleData: boolean(env, 'NIANBAO_SAMPLE_DATA', !env.MONGODB_URI?.trim()),
  };
}
