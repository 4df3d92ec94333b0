// The reports one answer was computed from, each at the revision it had (null: it did not
// exist). A cached answer stays true exactly as long as every one of these reports is still at
// that revision (still absent), because the answer's fields are derived from those read
// models alone (see src/server/cacheableOperation.ts for which fields qualify).

export interface ReportRead {
  reportId: string;
  /** The revision read; null when the report did not exist. */
  revision: number | null;
}

/** What the database says now about some reads. */
export interface ReportsNow {
  /** readKeyOf the reads whose report has a revision after the one read. */
  advanced: ReadonlySet<string>;
  /** Of the reports read as absent, those that exist now. */
  created: ReadonlySet<string>;
}

/** One read as a string: the same report at another revision is another read. */
export function readKeyOf(read: ReportRead): string {
  return `${read.reportId}@${read.revision ?? 'absent'}`;
}

/** The reads of one request, in the order first seen. */
export class ReportReadSet {
  private readonly reads = new Map<string, number | null>();
  /** The same report seen at two revisions: the answer mixes them and must not be kept. */
  private mixed = false;
  /** The answer also read something no report revision vouches for. */
  private unvouched = false;

  saw(reportId: string, revision: number | null): void {
    if (this.reads.has(reportId) && this.reads.get(reportId) !== revision) this.mixed = true;
    this.reads.set(reportId, revision);
  }

  sawOtherData(): void {
    this.unvouched = true;
  }

  /** The reads, or null when they cannot vouch for the answer (none, mixed, or other data). */
  consistentReads(): ReportRead[] | null {
    if (this.mixed || this.unvouched || this.reads.size === 0) return null;
    return [...this.reads].map(([reportId, revision]) => ({ reportId, revision }));
  }
}

/** Whether an answer computed from `reads` is still the answer, given what is true now. */
export function readsStillCurrent(reads: readonly ReportRead[], now: ReportsNow): boolean {
  return reads.every((read) =>
    read.revision === null ? !now.created.has(read.reportId) : !now.advanced.has(readKeyOf(read)),
  );
}
