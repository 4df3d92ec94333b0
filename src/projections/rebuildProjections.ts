// Drops every derived read model and rebuilds it from the log, folding in memory and writing
// in bulk (a per-event round trip would make a rebuild as slow as the original history).
import { reportIdOfStream, AGENCY_STREAM_PREFIX } from '../../events/report/ids';
import type { MaybeReportState } from '../../events/report/reportState';
import { createLogFollower } from '../../events/store/logFollower';
import { DERIVED_MODELS, ensureReadModelIndexes } from '../../models/readModels';
import { BASES_CHECKPOINT, PROJECTIONS_CHECKPOINT, saveCheckpoint } from './checkpoints';
import { agencyDocumentOf, agencyFlagsOf } from './projectAgency';
import type { ProjectionContext } from './projectionContext';
import { foldWithOutputs, writeSnapshots } from './projectReport';
import { readDocumentOf, summaryOf } from './readModelDocument';
import { compactReportDocument } from './storedReport';
import { writeChangeEntries } from './writeChangeEntries';

export interface RebuildResult {
  events: number;
  reports: number;
  agencies: number;
  checkpoint: number;
}

export async function rebuildProjections(
  context: ProjectionContext,
  options: { progress?: (events: number) => void } = {},
): Promise<RebuildResult> {
  for (const name of [...DERIVED_MODELS, 'revisions'] as const) {
    await context.models[name].collection.drop().catch(() => undefined);
  }
  await context.models.checkpoints.collection.deleteMany({
    _id: { $in: [PROJECTIONS_CHECKPOINT, BASES_CHECKPOINT] },
  } as never);
  await ensureReadModelIndexes(context.models);
  context.cache?.clear();

  const head = await context.store.headPosition();
  const follower = createLogFollower(context.store, { fromPosition: 0, batchSize: 1000 });
  const states = new Map<string, MaybeReportState>();
  const agencies = new Set<string>();
  let count = 0;
  while (follower.checkpoint < head) {
    const before = follower.checkpoint;
    const events = await follower.next();
    if (events.length === 0 && follower.checkpoint === before) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    count += events.length;
    const byReport = new Map<string, typeof events>();
    for (const event of events) {
      if (event.streamId.startsWith(AGENCY_STREAM_PREFIX)) {
        const document = agencyDocumentOf(event);
        if (document && !agencies.has(document._id)) {
          agencies.add(document._id);
          await context.models.agencies.collection.insertOne(document as never);
        }
        const flagged = agencyFlagsOf(event);
        if (flagged) {
          await context.models.agencies.collection.updateOne({ _id: flagged.agencyId } as never, {
            $set: flagged.flags,
          });
        }
        continue;
      }
      const reportId = reportIdOfStream(event.streamId);
      if (reportId === null) continue;
      const list = byReport.get(reportId) ?? [];
      list.push(event);
      byReport.set(reportId, list);
    }
    const entries = [];
    for (const [reportId, reportEvents] of byReport) {
      const folded = foldWithOutputs(
        states.get(reportId) ?? null,
        reportEvents,
        context.snapshotEvery,
      );
      states.set(reportId, folded.state);
      entries.push(...folded.entries);
      await writeSnapshots(context, folded.snapshots);
    }
    await writeChangeEntries(context.models.changes, entries);
    options.progress?.(count);
  }
  const finalStates = [...states.values()].filter((state) => state !== null);
  for (let start = 0; start < finalStates.length; start += 100) {
    const batch = finalStates.slice(start, start + 100);
    await context.models.reports.collection.insertMany(
      batch.map((state) => compactReportDocument(readDocumentOf(state))) as never[],
      {
        ordered: true,
      },
    );
    await context.models.summaries.collection.insertMany(batch.map(summaryOf) as never[], {
      ordered: true,
    });
  }
  const documents = finalStates;
  await saveCheckpoint(context, follower.checkpoint);
  await saveCheckpoint(context, follower.checkpoint, BASES_CHECKPOINT);
  return {
    events: count,
    reports: documents.length,
    agencies: agencies.size,
    checkpoint: follower.checkpoint,
  };
}
