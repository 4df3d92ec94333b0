// Projects a report's appended events into its read models, once: audit entries and snapshots
// first (idempotent), then an insert-only revision document (what makes the revision visible to
// readers), then the list summary. A crash in between leaves the read model behind (the
// follower catches it up from the stream) but never ahead of its entries, and never lets it go
// back: nothing on this path rewrites a document another process may be writing too.
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
import { insertRevision, revisionDocumentOf } from './reportRevisions';
import { compactReportDocument, findReportDocuments, withLaterRevisions } from './storedReport';
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

async function insertStoredDocument(
  context: ProjectionContext,
  document: ReportReadDocument,
): Promise<void> {
  try {
    await context.models.reports.collection.insertOne(compactReportDocument(document) as never);
  } catch (error) {
    // Another projector stored one first; revision documents carry it forward from there.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

export interface Projected {
  /** The read model after the events. */
  document: ReportReadDocument;
  /** The audit entries the events wrote (with previousEntryId). */
  entries: ChangeEntryDocument[];
}

/**
 * Projects `events` (the stream's next revisions after `before`) once: folds them in memory,
 * writes their audit entries and snapshots, then the insert-only revision document that makes
 * them visible to readers (so its presence implies the entries are there), then the list
 * summary. The full document is written here only for a new report; later revisions reach it
 * through the background rewrite (compactReadModels.ts).
 */
export async function projectAppended(
  context: ProjectionContext,
  before: ReportReadDocument | null,
  events: readonly RecordedEvent[],
): Promise<Projected | null> {
  const start: MaybeReportState = before ? stateOf(before) : null;
  const { state, entries, snapshots } = foldWithOutputs(start, events, context.snapshotEvery);
  if (state === null) return null;
  await writeChangeEntries(context.models.changes, entries);
  await writeSnapshots(context, snapshots);
  const document = readDocumentOf(state);
  if (before === null) {
    await insertStoredDocument(context, document);
    // A full document stored by another projector at a lower revision is carried forward by
    // these (an import followed by appends a crashed writer left unprojected).
    const later = events.filter((event) => event.revision > 0);
    if (later.length > 0)
      await insertRevision(context.models, revisionDocumentOf(state.reportId, later));
  } else {
    await insertRevision(context.models, revisionDocumentOf(state.reportId, events));
  }
  await writeSummary(context, state);
  context.cache?.set(document);
  return { document, entries };
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

/** The current read model: this process's latest one, else the stored one and its revisions. */
export async function currentDocument(
  context: ProjectionContext,
  reportId: string,
): Promise<ReportReadDocument | null> {
  const cached = context.cache?.get(reportId);
  const [document] = cached
    ? await withLaterRevisions(context.models, [cached])
    : await findReportDocuments(context.models, [reportId]);
  if (document) context.cache?.set(document);
  return document ?? null;
}

/** The stream's events after `document` (all of it for null). */
export async function streamTail(
  context: ProjectionContext,
  reportId: string,
  document: ReportReadDocument | null,
  fromLog: readonly RecordedEvent[] = [],
): Promise<RecordedEvent[]> {
  const fromRevision = document ? document.revision + 1 : 0;
  return withKnownTail(
    context,
    await context.store.readStream(reportStreamId(reportId), { fromRevision }),
    fromLog,
    fromRevision,
  );
}

/**
 * Catches the read model of `reportId` up with its stream and returns it (null: no such stream).
 * `known` are events the caller just appended (saves a read when they follow the read model);
 * `fromLog` are events a log follower read, whose commits may lack their lookups (see
 * withKnownTail): they are always checked against a stream read. Writes only what the stream
 * holds and the read model lacks (an append whose writer died before projecting it).
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
  const document = options.base ? options.base.document : await currentDocument(context, reportId);
  const fromRevision = document ? document.revision + 1 : 0;
  const fromLog = options.fromLog ?? [];
  // The usual case for a follower: the writer projected these already.
  if (
    document &&
    fromLog.length > 0 &&
    fromLog.every((event) => event.revision <= document.revision)
  )
    return document;
  const known = options.known ?? [];
  const events =
    known.length > 0 && known[0].revision === fromRevision
      ? known
      : await streamTail(context, reportId, document, options.fromLog ?? known);
  if (events.length === 0) return document;
  const projected = await projectAppended(context, document, events);
  return projected ? projected.document : document;
}

/** The state folded from scratch (used by tests and tools; the read model is the fast path). */
export async function foldReportFromLog(
  context: ProjectionContext,
  reportId: string,
): Promise<ReportState | null> {
  return fold(null, await context.store.readStream(reportStreamId(reportId)));
}
