// Projects a batch of the global log far behind the head (a start after a crash, a bulk load)
// the way the rebuild does: each touched report's current read model is read once for the
// batch, the batch's events are folded onto it in memory (foldWithOutputs), and each kind of
// document is written once per batch in bulk. The per-event path (projectEvents) costs a stream
// read, a full-document read and five writes per report, about 10 reports/s on FerretDB.
//
// The order of writes per report is the one projectAppended keeps (audit entries and snapshots,
// then the full document or insert-only revision document that makes a revision visible, then
// the list summary), so a crash in between leaves a read model behind, never ahead of its
// entries, and nothing here replaces a document another process may be writing: stored
// documents only move forwards. A report whose read model is not exactly where the batch
// starts (its events before the batch are missing from it) goes the per-event way.
import { AGENCY_STREAM_PREFIX, reportIdOfStream } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import type { ReportReadDocument } from '../../models/reportReadModel';
import type { ReportRevisionDocument } from '../../models/reportRevisionModel';
import type { SnapshotDocument } from '../../models/snapshotModel';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import type { ReportState } from '../../events/report/reportState';
import { projectAgencyEvents } from './projectAgency';
import { projectProposalEvents } from './projectProposal';
import type { ProjectionContext } from './projectionContext';
import { foldWithOutputs, projectReport, writeSummary } from './projectReport';
import { readDocumentOf, stateOf, summaryOf } from './readModelDocument';
import { revisionDocumentOf } from './reportRevisions';
import { compactReportDocument, findReportDocuments, withLaterRevisions } from './storedReport';
import { writeChangeEntries } from './writeChangeEntries';

const DUPLICATE_KEY = 11000;
/** Ids per `$in` when reading read models (FerretDB answers `$in` of strings from `_id`). */
const IDS_PER_QUERY = 100;
/** Full documents (~68 KB each) per insertMany, well under the 48 MB message limit. */
const DOCUMENTS_PER_INSERT = 100;

export interface BatchProjection {
  /** Every report the batch has events of. */
  reportIds: string[];
  /**
   * Reports whose stored full document may be behind the revision readers see after the batch
   * (every report that had one before it, or whose new one another projector stored first):
   * the full-document rewrite's work.
   */
  behind: string[];
}

/** The _ids an unordered insertMany did not store because they were there already. */
function duplicateIndexes(error: unknown): Set<number> | null {
  const candidate = error as {
    code?: number;
    writeErrors?: Array<{ code?: number; index?: number; err?: { code?: number; index?: number } }>;
  };
  const errors = Array.isArray(candidate.writeErrors) ? candidate.writeErrors : null;
  if (!errors || errors.length === 0) return null;
  const indexes = new Set<number>();
  for (const writeError of errors) {
    if ((writeError.code ?? writeError.err?.code) !== DUPLICATE_KEY) return null;
    const index = writeError.index ?? writeError.err?.index;
    if (typeof index !== 'number') return null;
    indexes.add(index);
  }
  return indexes;
}

/**
 * Inserts `documents` (unordered); returns the ones that were not stored because a document
 * with their `_id` exists (written by another projector). Any other failure throws.
 */
async function insertNew<T extends { _id: string }>(
  collection: { insertMany(documents: never[], options: object): Promise<unknown> },
  documents: readonly T[],
  perInsert: number,
): Promise<T[]> {
  const existing: T[] = [];
  for (let start = 0; start < documents.length; start += perInsert) {
    const chunk = documents.slice(start, start + perInsert);
    try {
      await collection.insertMany(chunk as never[], { ordered: false });
    } catch (error) {
      const duplicates = duplicateIndexes(error);
      if (duplicates === null) {
        if ((error as { code?: number }).code === DUPLICATE_KEY && chunk.length === 1) {
          existing.push(chunk[0]);
          continue;
        }
        throw error;
      }
      for (const index of duplicates) existing.push(chunk[index]);
    }
  }
  return existing;
}

/** The current read models of `ids` (this process's cached ones brought forward first). */
async function currentDocuments(
  context: ProjectionContext,
  ids: readonly string[],
): Promise<Map<string, ReportReadDocument>> {
  const cached: ReportReadDocument[] = [];
  const uncached: string[] = [];
  for (const id of ids) {
    const document = context.cache?.get(id);
    if (document) cached.push(document);
    else uncached.push(id);
  }
  const found: ReportReadDocument[] = [];
  for (let start = 0; start < cached.length; start += IDS_PER_QUERY) {
    found.push(
      ...(await withLaterRevisions(context.models, cached.slice(start, start + IDS_PER_QUERY))),
    );
  }
  for (let start = 0; start < uncached.length; start += IDS_PER_QUERY) {
    found.push(
      ...(await findReportDocuments(context.models, uncached.slice(start, start + IDS_PER_QUERY))),
    );
  }
  return new Map(found.map((document) => [document._id, document]));
}

async function repairLookups(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  if (context.store.repairLookupsOf) {
    await context.store.repairLookupsOf(events);
    return;
  }
  for (const event of events) await context.store.repairLookupsAt(event.position);
}

/** The summaries of `states`, each only replacing an older one (as writeSummary). */
async function writeSummaries(
  context: ProjectionContext,
  fresh: readonly ReportState[],
  existing: readonly ReportState[],
): Promise<void> {
  // New reports have no summary yet, unless another projector wrote one meanwhile.
  const taken = await insertNew(
    context.models.summaries.collection,
    fresh.map(summaryOf),
    DOCUMENTS_PER_INSERT,
  );
  const byId = new Map(fresh.map((state) => [state.reportId, state]));
  for (const summary of taken) await writeSummary(context, byId.get(summary._id) as ReportState);
  for (const state of existing) await writeSummary(context, state);
}

/**
 * Projects `events` (a batch of the log, in position order) into every read model; returns the
 * reports it touched and those whose full documents the batch left behind.
 */
export async function projectLogBatch(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<BatchProjection> {
  const agencyEvents = events.filter((event) => event.streamId.startsWith(AGENCY_STREAM_PREFIX));
  if (agencyEvents.length > 0) await projectAgencyEvents(context, agencyEvents);
  await projectProposalEvents(context, events);
  const byReport = new Map<string, RecordedEvent[]>();
  const reportEvents: RecordedEvent[] = [];
  for (const event of events) {
    const reportId = reportIdOfStream(event.streamId);
    if (reportId === null) continue;
    const list = byReport.get(reportId) ?? [];
    list.push(event);
    byReport.set(reportId, list);
    reportEvents.push(event);
  }
  if (byReport.size === 0) return { reportIds: [], behind: [] };
  // Stream reads (history, appends) must see these commits too, as projectReport ensures.
  await repairLookups(context, reportEvents);
  const documents = await currentDocuments(context, [...byReport.keys()]);

  const entries: ChangeEntryDocument[] = [];
  const snapshots: SnapshotDocument[] = [];
  const newDocuments: ReportReadDocument[] = [];
  const revisions: ReportRevisionDocument[] = [];
  const freshStates: ReportState[] = [];
  const laterStates: ReportState[] = [];
  const behind = new Set<string>();
  const perEvent: string[] = [];
  for (const [reportId, list] of byReport) {
    const document = documents.get(reportId) ?? null;
    const fromRevision = document ? document.revision + 1 : 0;
    const tail = list
      .filter((event) => event.revision >= fromRevision)
      .sort((a, b) => a.revision - b.revision);
    // Its writer's background rewrite of the full document may not have run (stopped process).
    if (document !== null) behind.add(reportId);
    // The usual case for a follower: the writer projected these already.
    if (tail.length === 0) continue;
    if (tail.some((event, index) => event.revision !== fromRevision + index)) {
      perEvent.push(reportId);
      continue;
    }
    const folded = foldWithOutputs(
      document ? stateOf(document) : null,
      tail,
      context.snapshotEvery,
    );
    if (folded.state === null) continue;
    entries.push(...folded.entries);
    snapshots.push(...folded.snapshots);
    if (document === null) {
      newDocuments.push(readDocumentOf(folded.state));
      freshStates.push(folded.state);
      // As projectAppended: carries forward a full document another projector stored first.
      const later = tail.filter((event) => event.revision > 0);
      if (later.length > 0) revisions.push(revisionDocumentOf(reportId, later));
    } else {
      revisions.push(revisionDocumentOf(reportId, tail));
      laterStates.push(folded.state);
    }
  }

  // No order between entries and snapshots, nor between new full documents and revision
  // documents (different reports); only between those steps. FerretDB overlaps some of it.
  await Promise.all([
    writeChangeEntries(context.models.changes, entries),
    insertNew(context.models.snapshots.collection, snapshots, DOCUMENTS_PER_INSERT),
  ]);
  const [storedFirst] = await Promise.all([
    insertNew(
      context.models.reports.collection,
      newDocuments.map(compactReportDocument),
      DOCUMENTS_PER_INSERT,
    ),
    insertNew(context.models.revisions.collection, revisions, DOCUMENTS_PER_INSERT),
  ]);
  // Another projector's full document may be at a lower revision: the rewrite brings it up.
  for (const document of storedFirst) behind.add(document._id);
  await writeSummaries(context, freshStates, laterStates);
  for (const state of [...freshStates, ...laterStates]) context.cache?.set(readDocumentOf(state));

  for (const reportId of perEvent) {
    await projectReport(context, reportId, { fromLog: byReport.get(reportId) });
    behind.add(reportId);
  }
  return { reportIds: [...byReport.keys()], behind: [...behind] };
}
