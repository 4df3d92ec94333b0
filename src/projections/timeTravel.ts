// A report as of a revision or an instant: nearest snapshot at or before it, then the tail.
import { fold } from '../../events/report/evolve';
import { reportStreamId } from '../../events/report/ids';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import { snapshotIdOf, type SnapshotDocument } from '../../models/snapshotModel';
import type { ProjectionContext } from './projectionContext';

export interface AsOf {
  atRevision?: number;
  asOf?: Date;
}

/** How many snapshot ids are tried by `_id` before falling back to a query. */
const MAX_SNAPSHOT_PROBES = 32;

/**
 * The latest snapshot at or before `at`. Snapshots sit at known revisions (multiples of
 * snapshotEvery), so they are found by `_id` — the one lookup FerretDB's SQLite backend answers
 * from an index; a filter on reportId/revision would scan every snapshot of every report. When
 * no probe hits (snapshotEvery was changed, or an instant far back in a long stream), the
 * indexed query answers on MongoDB and stays correct everywhere.
 */
async function nearestSnapshot(
  context: ProjectionContext,
  reportId: string,
  at: AsOf,
): Promise<SnapshotDocument | null> {
  const snapshots = context.models.snapshots;
  const every = context.snapshotEvery;
  const top = at.atRevision ?? (await context.store.streamRevision(reportStreamId(reportId)));
  if (typeof top !== 'number') return null;
  let probes = 0;
  for (let revision = Math.floor(top / every) * every; revision > 0; revision -= every) {
    if (++probes > MAX_SNAPSHOT_PROBES) break;
    const id = snapshotIdOf(reportId, revision);
    if (at.asOf === undefined) {
      const snapshot = await snapshots.findOne({ _id: id }).lean<SnapshotDocument>().exec();
      if (snapshot) return snapshot;
      continue;
    }
    // For an instant, probe only the time first: most later snapshots do not qualify.
    const probe = await snapshots
      .findOne({ _id: id }, { recordedAt: 1 })
      .lean<Pick<SnapshotDocument, '_id' | 'recordedAt'>>()
      .exec();
    if (probe && probe.recordedAt <= at.asOf) {
      return snapshots.findOne({ _id: id }).lean<SnapshotDocument>().exec();
    }
  }
  if (probes <= MAX_SNAPSHOT_PROBES) return null;
  const filter: Record<string, unknown> = { reportId };
  if (at.atRevision !== undefined) filter.revision = { $lte: at.atRevision };
  if (at.asOf !== undefined) filter.recordedAt = { $lte: at.asOf };
  return snapshots.findOne(filter).sort({ revision: -1 }).lean<SnapshotDocument>().exec();
}

export async function reportStateAt(
  context: ProjectionContext,
  reportId: string,
  at: AsOf,
): Promise<ReportState | null> {
  const snapshot = await nearestSnapshot(context, reportId, at);
  const start: MaybeReportState = snapshot ? snapshot.state : null;
  const events = await context.store.readStream(reportStreamId(reportId), {
    fromRevision: snapshot ? snapshot.revision + 1 : 0,
    ...(at.atRevision !== undefined ? { toRevision: at.atRevision } : {}),
    ...(at.asOf !== undefined ? { recordedUntil: at.asOf } : {}),
  });
  return fold(start, events);
}
