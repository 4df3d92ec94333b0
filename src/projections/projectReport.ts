// Brings one report's read model up to its stream: read-model revision r -> fold events r+1.. ->
// write conditionally on r (another process may have done it already; then re-read and retry).
// Order: audit entries and snapshots first (idempotent), the read model last, so a crash in
// between leaves the read model behind (caught up later) but never ahead of its entries.
import { fold, evolve } from '../../events/report/evolve';
import { reportStreamId } from '../../events/report/ids';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import type { RecordedEvent } from '../../events/store/types';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { snapshotIdOf, type SnapshotDocument } from '../../models/snapshotModel';
import { changeEntriesOf } from './changeEntries';
import type { ProjectionContext } from './projectionContext';
import { readDocumentOf, stateOf, summaryOf } from './readModelDocument';
import { compactReportDocument, findReportDocument } from './storedReport';
import { writeChangeEntries } from './writeChangeEntries';

const DUPLICATE_KEY = 11000;

export interface ProjectionBase {
  /** The read model as last read (null: none yet). */
  document: ReportReadDocument | null;
}

/** Entries and snapshots of `events` folded onto `state`; returns the final state. */
export function foldWithOutputs(
  state: MaybeReportState,
  events: readonly RecordedEvent[],
  snapshotEvery: number,
): { state: MaybeReportState; entries: ChangeEntryDocument[]; snapshots: SnapshotDocument[] } {
  const entries: ChangeEntryDocument[] = [];
  const snapshots: SnapshotDocument[] = [];
  let current = state;
  for (const event of events) {
    const before = current;
    current = evolve(current, event);
    if (current === null) continue;
    entries.push(...changeEntriesOf(event, current, before));
    if (event.revision > 0 && event.revision % snapshotEvery === 0) {
      snapshots.push({
        _id: snapshotIdOf(current.reportId, event.revision),
        reportId: current.reportId,
        revision: event.revision,
        recordedAt: new Date(event.recordedAt),
        state: current,
      });
    }
  }
  return { state: current, entries, snapshots };
}

export async function writeSnapshots(
  context: ProjectionContext,
  snapshots: SnapshotDocument[],
): Promise<void> {
  for (const snapshot of snapshots) {
    await context.models.snapshots.collection
      .replaceOne({ _id: snapshot._id } as never, snapshot as never, { upsert: true })
      .catch((error: { code?: number }) => {
        if (error.code !== DUPLICATE_KEY) throw error;
      });
  }
}

/** The list summary follows the full document; only a newer revision replaces it. */
export async function writeSummary(context: ProjectionContext, state: ReportState): Promise<void> {
  const summary = summaryOf(state);
  await context.models.summaries.collection
    .replaceOne(
      { _id: summary._id, revision: { $lt: summary.revision } } as never,
      summary as never,
      { upsert: true },
    )
    .catch((error: { code?: number }) => {
      // A summary at this revision or later is there already.
      if (error.code !== DUPLICATE_KEY) throw error;
    });
}

async function summaryBehind(
  context: ProjectionContext,
  document: ReportReadDocument,
): Promise<boolean> {
  const summary = await context.models.summaries
    .findById(document._id, { revision: 1 })
    .lean()
    .exec();
  return !summary || summary.revision < document.revision;
}

async function readDocument(
  context: ProjectionContext,
  reportId: string,
): Promise<ReportReadDocument | null> {
  const document = await findReportDocument(context.models, reportId);
  if (document) context.cache?.set(document);
  return document;
}

/** Writes `next` if the stored read model is still at `previousRevision`; false when it moved. */
async function writeDocument(
  context: ProjectionContext,
  next: ReportReadDocument,
  previousRevision: number | null,
): Promise<boolean> {
  // The raw collection: mongoose casting of 200 figures costs more than the write itself.
  const collection = context.models.reports.collection;
  if (previousRevision === null) {
    try {
      await collection.insertOne(compactReportDocument(next) as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }
  const result = await collection.replaceOne(
    { _id: next._id, revision: previousRevision } as never,
    compactReportDocument(next) as never,
  );
  return result.matchedCount === 1;
}

/**
 * `read` (revisions from `fromRevision` on) extended by the `known` events that follow it.
 * readStream walks the stream's lookups, which are written just after the commit: a writer that
 * crashed in between leaves a commit that the global log (and so the follower) sees but the
 * stream walk does not. The follower passes the events it read, so they are not skipped, and
 * the missing lookups are written, so stream reads (history, time travel, appends) see them too.
 */
async function withKnownTail(
  context: ProjectionContext,
  read: RecordedEvent[],
  known: readonly RecordedEvent[],
  fromRevision: number,
): Promise<RecordedEvent[]> {
  let next = fromRevision + read.length;
  const events = [...read];
  for (const event of [...known].sort((a, b) => a.revision - b.revision)) {
    if (event.revision !== next) continue;
    await context.store.repairLookupsAt(event.position);
    events.push(event);
    next++;
  }
  return events;
}

/**
 * Catches the read model of `reportId` up with its stream and returns it (null: no such stream).
 * `known` are events the caller just appended (saves a read when they follow the read model);
 * `fromLog` are events a log follower read, whose commits may lack their lookups (see
 * withKnownTail): they are always checked against a stream read.
 */
export async function projectReport(
  context: ProjectionContext,
  reportId: string,
  options: {
    base?: ProjectionBase;
    known?: readonly RecordedEvent[];
    fromLog?: readonly RecordedEvent[];
  } = {},
): Promise<ReportReadDocument | null> {
  let document = options.base
    ? options.base.document
    : (context.cache?.get(reportId) ?? (await readDocument(context, reportId)));
  for (let attempt = 0; attempt < 20; attempt++) {
    const fromRevision = document ? document.revision + 1 : 0;
    const known = options.known ?? [];
    const events =
      known.length > 0 && known[0].revision === fromRevision
        ? known
        : await withKnownTail(
            context,
            await context.store.readStream(reportStreamId(reportId), { fromRevision }),
            options.fromLog ?? known,
            fromRevision,
          );
    if (events.length === 0) {
      // A crash between the full document and its summary leaves the summary behind.
      if (document && !options.base && (await summaryBehind(context, document))) {
        await writeSummary(context, stateOf(document));
      }
      return document;
    }
    const start: MaybeReportState = document ? stateOf(document) : null;
    const { state, entries, snapshots } = foldWithOutputs(start, events, context.snapshotEvery);
    if (state === null) return document;
    await writeChangeEntries(context.models.changes, entries);
    await writeSnapshots(context, snapshots);
    const next = readDocumentOf(state);
    if (await writeDocument(context, next, document ? document.revision : null)) {
      context.cache?.set(next);
      await writeSummary(context, state);
      return next;
    }
    // Someone else moved the read model: start again from what is stored now.
    document = await readDocument(context, reportId);
    if (document && document.revision >= state.revision) return document;
  }
  throw new Error(
    `projection of report ${reportId} kept losing races; it will be caught up by the follower`,
  );
}

/** The state folded from scratch (used by tests and tools; the read model is the fast path). */
export async function foldReportFromLog(
  context: ProjectionContext,
  reportId: string,
): Promise<ReportState | null> {
  return fold(null, await context.store.readStream(reportStreamId(reportId)));
}
