// What /readyz answers: can this process serve correct data now?
// - database: answers a ping (bounded by a timeout, so a hung server fails the probe);
// - projections: the read models' checkpoint is within `maxProjectionLag` events of the log
//   head (reads would otherwise show stale data);
// - integrity: the last verification of the hash chains found no tampering. A full
//   verification reads the whole log, so it is never run per probe: its result is cached and
//   refreshed in the background once older than `integrityIntervalMs` (0: every probe waits
//   for a fresh one, for tests). Until the first one finishes integrity is "pending", which
//   does not fail the probe (a long log must not keep a fresh process out of service). The
//   start's verification covers only the log after the verified-up-to checkpoint (scope
//   "tail", see src/projections/verifiedCheckpoint.ts); every refresh after it is full.
// The projection-lag gauge of /metrics is set here too.
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { VerificationResult } from '../../events/store/types';
import type { LedgerMetrics } from '../observability/metrics';
import { readCheckpoint } from '../projections/checkpoints';
import { checkpointVerifiedHead, verifyLogTail } from '../projections/verifiedCheckpoint';
import type { ProjectionContext } from '../projections/projectionContext';

export interface ReadinessSources {
  db: Db;
  projection: ProjectionContext;
}

export interface ReadinessOptions {
  maxProjectionLag: number;
  integrityIntervalMs: number;
  /** Longest a database check may take before the probe fails. Default 2000 ms. */
  timeoutMs?: number;
  metrics?: LedgerMetrics;
  logger?: Logger;
  now?: () => number;
}

export interface IntegrityStatus {
  status: 'pending' | 'ok' | 'failed' | 'error';
  checkedAt: string | null;
  /** full: the whole log; tail: the log after `verifiedFrom`, verified before (at start). */
  scope?: 'full' | 'tail';
  verifiedFrom?: number;
  eventsChecked?: number;
  failures?: VerificationResult['failures'];
  unaccountedPositions?: VerificationResult['unaccountedPositions'];
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Why not ready, one line each. */
  reasons: string[];
  database: { ok: boolean; error?: string; server?: DatabaseServerInfo };
  projections: { ok: boolean; checkpoint?: number; head?: number; lag?: number; maxLag: number };
  integrity: IntegrityStatus;
}

/** Which server answers: MongoDB or FerretDB, and its version (from `buildInfo`). */
export interface DatabaseServerInfo {
  kind: 'mongodb' | 'ferretdb';
  version: string;
}

/** FerretDB answers `buildInfo` with the MongoDB version it emulates plus `ferretdbVersion`. */
export async function databaseServerInfo(db: Db): Promise<DatabaseServerInfo> {
  const info = await db.admin().command({ buildInfo: 1 });
  const ferretdbVersion = info.ferretdbVersion as string | undefined;
  return ferretdbVersion
    ? { kind: 'ferretdb', version: ferretdbVersion }
    : { kind: 'mongodb', version: String(info.version) };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ReadinessMonitor {
  private integrity: IntegrityStatus = { status: 'pending', checkedAt: null };
  private verifiedAt: number | null = null;
  private verifying: Promise<IntegrityStatus> | null = null;
  private verifyingScope: 'full' | 'tail' = 'full';
  private server: DatabaseServerInfo | null = null;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(
    private readonly sources: ReadinessSources,
    private readonly options: ReadinessOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  async check(): Promise<ReadinessReport> {
    const reasons: string[] = [];
    const database: ReadinessReport['database'] = { ok: true };
    try {
      await withTimeout(this.sources.db.command({ ping: 1 }), this.timeoutMs, 'the database ping');
      this.server ??= await withTimeout(
        databaseServerInfo(this.sources.db),
        this.timeoutMs,
        'the database buildInfo',
      );
      database.server = this.server;
    } catch (error) {
      database.ok = false;
      database.error = message(error);
      reasons.push(`database unreachable: ${database.error}`);
    }
    const projections: ReadinessReport['projections'] = {
      ok: false,
      maxLag: this.options.maxProjectionLag,
    };
    if (database.ok) {
      try {
        Object.assign(projections, await this.projectionLag());
        projections.ok = (projections.lag ?? 0) <= this.options.maxProjectionLag;
        if (!projections.ok) {
          reasons.push(
            `projections ${projections.lag} events behind the log (at most ${this.options.maxProjectionLag})`,
          );
        }
      } catch (error) {
        reasons.push(`projection checkpoint unreadable: ${message(error)}`);
      }
    }
    const integrity =
      this.options.integrityIntervalMs === 0
        ? await this.refreshIntegrity()
        : this.cachedIntegrity();
    if (integrity.status === 'failed') {
      const first = integrity.failures?.[0];
      const gaps = integrity.unaccountedPositions?.length ?? 0;
      reasons.push(
        first
          ? `ledger integrity: ${integrity.failures?.length} stream(s) fail verification, first ${first.streamId} revision ${first.revision}: ${first.problem}`
          : `ledger integrity: ${gaps} range(s) of log positions are missing`,
      );
    }
    return {
      ready: reasons.length === 0,
      reasons,
      database,
      projections,
      integrity,
    };
  }

  /** Sets the projection-lag gauge (also called before each /metrics scrape). */
  async projectionLag(): Promise<{ checkpoint: number; head: number; lag: number }> {
    const [checkpoint, head] = await withTimeout(
      Promise.all([
        readCheckpoint(this.sources.projection),
        this.sources.projection.store.headPosition(),
      ]),
      this.timeoutMs,
      'reading the projection checkpoint',
    );
    const lag = Math.max(0, head - checkpoint);
    this.options.metrics?.projectionLag.set(lag);
    return { checkpoint, head, lag };
  }

  /**
   * Runs a verification (one at a time) and caches its result: full, or with `tail` (the
   * start's) only the log after the verified-up-to checkpoint (full when there is none).
   */
  refreshIntegrity(scope: 'full' | 'tail' = 'full'): Promise<IntegrityStatus> {
    // A full one asked while the start's tail verification runs follows it: a tail result
    // says nothing about the log below the checkpoint.
    if (this.verifying && !(scope === 'full' && this.verifyingScope === 'tail'))
      return this.verifying;
    const before = this.verifying ?? Promise.resolve(this.integrity);
    const run: Promise<IntegrityStatus> = before
      .then(() => this.verify(scope))
      .finally(() => {
        if (this.verifying === run) this.verifying = null;
      });
    this.verifying = run;
    this.verifyingScope = scope;
    return this.verifying;
  }

  /** The cached result; starts a background refresh when it is missing or too old. */
  private cachedIntegrity(): IntegrityStatus {
    const stale =
      this.verifiedAt === null || this.now() - this.verifiedAt >= this.options.integrityIntervalMs;
    // One under way (the start's, say) is the refresh; its result is what comes next.
    if (stale && !this.verifying) void this.refreshIntegrity();
    return this.integrity;
  }

  private async verify(scope: 'full' | 'tail'): Promise<IntegrityStatus> {
    const started = this.now();
    try {
      const { store, models } = this.sources.projection;
      const tail = scope === 'tail' ? await verifyLogTail(store, models) : null;
      const head = tail ? 0 : await store.headPosition();
      const result = tail ?? (await store.verifyAll());
      if (!tail && result.ok) await checkpointVerifiedHead(store, models, head);
      this.integrity = {
        status: result.ok ? 'ok' : 'failed',
        checkedAt: new Date(started).toISOString(),
        scope: tail ? 'tail' : 'full',
        ...(tail ? { verifiedFrom: tail.fromPosition } : {}),
        eventsChecked: result.eventsChecked,
        ...(result.ok
          ? {}
          : {
              failures: result.failures,
              unaccountedPositions: result.unaccountedPositions ?? [],
            }),
      };
      if (!result.ok) {
        this.options.logger?.error(
          { failures: result.failures, unaccountedPositions: result.unaccountedPositions },
          'ledger verification found tampering',
        );
      }
    } catch (error) {
      // Keep the last verdict: a failed read proves nothing about the ledger. The database
      // check reports the outage itself.
      this.integrity = { ...this.integrity, error: message(error) };
      if (this.integrity.status === 'pending') this.integrity.status = 'error';
      this.options.logger?.warn({ err: error }, 'ledger verification could not run');
    }
    this.verifiedAt = started;
    return this.integrity;
  }
}
