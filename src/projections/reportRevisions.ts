// The insert-only revision documents that follow a report's full read-model document (see
// models/reportRevisionModel.ts): writing one per projected append, and following them from a
// known revision, for many reports in one query.
import type { RecordedEvent } from '../../events/store/types';
import type { ReadModels } from '../../models/readModels';
import { revisionIdOf, type ReportRevisionDocument } from '../../models/reportRevisionModel';

const DUPLICATE_KEY = 11000;
/** Revision ids asked per report and query: an edit is usually one revision past a cached one. */
const WINDOW = 4;

export function revisionDocumentOf(
  reportId: string,
  events: readonly RecordedEvent[],
): ReportRevisionDocument {
  const first = events[0].revision;
  return {
    _id: revisionIdOf(reportId, first),
    reportId,
    firstRevision: first,
    lastRevision: events[events.length - 1].revision,
    eventsJson: JSON.stringify(events),
  };
}

/** Inserts; a document already there holds the same events (written by another projector). */
export async function insertRevision(
  models: ReadModels,
  document: ReportRevisionDocument,
): Promise<void> {
  try {
    await models.revisions.collection.insertOne(document as never);
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

function eventsOf(document: ReportRevisionDocument): RecordedEvent[] {
  return (JSON.parse(document.eventsJson) as RecordedEvent[]).map((event) => ({
    ...event,
    recordedAt: new Date(event.recordedAt),
  }));
}

/**
 * For each report, the events after `revision` that revision documents hold, in order, as far
 * as they chain without a gap (a gap is an append whose projection has not been written yet).
 * One `{_id: {$in}}` query per round; a report whose window filled up is asked again.
 */
export async function eventsAfter(
  models: ReadModels,
  from: ReadonlyMap<string, number>,
): Promise<Map<string, RecordedEvent[]>> {
  const result = new Map<string, RecordedEvent[]>();
  let next = new Map(from);
  while (next.size > 0) {
    const ids: string[] = [];
    for (const [reportId, revision] of next) {
      for (let offset = 1; offset <= WINDOW; offset++)
        ids.push(revisionIdOf(reportId, revision + offset));
    }
    const found = await models.revisions.collection.find({ _id: { $in: ids } } as never).toArray();
    const byId = new Map(
      (found as unknown as ReportRevisionDocument[]).map((document) => [document._id, document]),
    );
    const again = new Map<string, number>();
    for (const [reportId, revision] of next) {
      let at = revision;
      for (;;) {
        const document = byId.get(revisionIdOf(reportId, at + 1));
        if (!document) break;
        const events = result.get(reportId) ?? [];
        events.push(...eventsOf(document).filter((event) => event.revision > at));
        result.set(reportId, events);
        at = document.lastRevision;
      }
      // Stopped past the ids this round asked for: the chain may go on.
      if (at + 1 > revision + WINDOW) again.set(reportId, at);
    }
    next = again;
  }
  return result;
}
