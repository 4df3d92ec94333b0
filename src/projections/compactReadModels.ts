// Rewrites a report's full read-model document (and its list summary) at the revision readers
// see, off the command path: an edit only inserts a small revision document, and the ~68 KB
// full document is rewritten here once per burst of edits instead of once per edit.
// On FerretDB 1.24 a conditional replace is no guard (several writers can match), so a slow
// rewriter may put an older document back. Readers never see that (they follow the
// insert-only revision documents from whatever is stored), and each rewrite re-reads what it
// wrote and goes again while the stored document is behind, so the last rewriter leaves it at
// the head: stored documents equal a rebuild once writes stop.
import type { ReportReadDocument } from '../../models/reportReadModel';
import type { ReportSummaryDocument } from '../../models/reportSummaryModel';
import type { ProjectionContext } from './projectionContext';
import { BASES_CHECKPOINT, saveCheckpoint } from './checkpoints';
import { writeSummary } from './projectReport';
import { stateOf } from './readModelDocument';
import { compactReportDocument, findStoredDocuments, withLaterRevisions } from './storedReport';

const MAX_ROUNDS = 8;

async function storedRevision(
  context: ProjectionContext,
  reportId: string,
): Promise<ReportReadDocument | null> {
  const [stored] = await findStoredDocuments(context.models, [reportId]);
  return stored ?? null;
}

async function rewriteSummary(
  context: ProjectionContext,
  current: ReportReadDocument,
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const summary = await context.models.summaries.collection.findOne(
      { _id: current._id } as never,
      { projection: { revision: 1 } },
    );
    const revision = (summary as Pick<ReportSummaryDocument, 'revision'> | null)?.revision ?? -1;
    if (revision >= current.revision) return;
    await writeSummary(context, stateOf(current));
  }
}

/** Brings the stored full document and summary of `reportId` up to the revision readers see. */
export async function compactReport(context: ProjectionContext, reportId: string): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = await storedRevision(context, reportId);
    if (!stored) return;
    const [current] = await withLaterRevisions(context.models, [stored]);
    if (current.revision <= stored.revision) {
      await rewriteSummary(context, current);
      return;
    }
    context.cache?.set(current);
    await context.models.reports.collection.replaceOne(
      { _id: reportId, revision: stored.revision } as never,
      compactReportDocument(current) as never,
    );
  }
}

/**
 * Reports whose full documents are behind, rewritten after a quiet spell (or after `maxDelayMs`
 * of continuous edits), one rewrite per report however many edits it had in between.
 */
export class ReadModelCompactor {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstDirtyAt: number | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Log position up to which the dirty set is complete. */
  private position = 0;

  constructor(
    private readonly context: ProjectionContext,
    private readonly options: {
      idleMs?: number;
      maxDelayMs?: number;
      /** Called after each rewrite round with the reports it covered (tests). */
      onCompacted?: (reportIds: readonly string[]) => Promise<void> | void;
    } = {},
  ) {}

  /** `position`: every event at or below it has had its report marked. */
  markDirty(reportIds: Iterable<string>, position: number): void {
    if (this.stopped) return;
    this.position = Math.max(this.position, position);
    for (const id of reportIds) this.dirty.add(id);
    if (this.dirty.size === 0) return;
    this.schedule();
  }

  private schedule(): void {
    this.firstDirtyAt ??= Date.now();
    const overdue = Date.now() - this.firstDirtyAt >= (this.options.maxDelayMs ?? 2000);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.flush().catch(() => undefined);
      },
      overdue ? 0 : (this.options.idleMs ?? 300),
    );
  }

  /** Rewrites every dirty report now (runs after any rewrite already under way). */
  flush(): Promise<void> {
    const run = this.running.then(async () => {
      const ids = [...this.dirty];
      const upTo = this.position;
      this.dirty.clear();
      this.firstDirtyAt = null;
      for (const id of ids) await compactReport(this.context, id);
      if (upTo > 0) await saveCheckpoint(this.context, upTo, BASES_CHECKPOINT);
      await this.options.onCompacted?.(ids);
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
