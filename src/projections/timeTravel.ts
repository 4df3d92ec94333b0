// A report as of a revision or an instant: nearest snapshot at or before it, then the tail.
import { fold } from '../../events/report/evolve';
import { reportStreamId } from '../../events/report/ids';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import type { SnapshotDocument } from '../../models/snapshotModel';
import type { ProjectionContext } from './projectionContext';

export interface AsOf {
  atRevision?: number;
  asOf?: Date;
}

export async function reportStateAt(
  context: ProjectionContext,
  reportId: string,
  at: AsOf,
): Promise<ReportState | null> {
  const filter: Record<string, unknown> = { reportId };
  if (at.atRevision !== undefined) filter.revision = { $lte: at.atRevision };
  if (at.asOf !== undefined) filter.recordedAt = { $lte: at.asOf };
  const snapshot = await context.models.snapshots
    .findOne(filter)
    .sort({ revision: -1 })
    .lean<SnapshotDocument>()
    .exec();
  const start: MaybeReportState = snapshot ? snapshot.state : null;
  const events = await context.store.readStream(reportStreamId(reportId), {
    fromRevision: snapshot ? snapshot.revision + 1 : 0,
    ...(at.atRevision !== undefined ? { toRevision: at.atRevision } : {}),
    ...(at.asOf !== undefined ? { recordedUntil: at.asOf } : {}),
  });
  return fold(start, events);
}
