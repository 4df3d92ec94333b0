// Projects a batch of log events (in position order) into every read model.
import { AGENCY_STREAM_PREFIX, reportIdOfStream } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import { projectAgencyEvents } from './projectAgency';
import type { ProjectionContext } from './projectionContext';
import { projectReport } from './projectReport';

export async function projectEvents(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<string[]> {
  const agencyEvents = events.filter((event) => event.streamId.startsWith(AGENCY_STREAM_PREFIX));
  if (agencyEvents.length > 0) await projectAgencyEvents(context, agencyEvents);
  const reportIds = [
    ...new Set(
      events
        .map((event) => reportIdOfStream(event.streamId))
        .filter((id): id is string => id !== null),
    ),
  ];
  // Each report catches up from its own read model revision, so a batch that repeats events
  // the read model already has costs one read and no write.
  for (const reportId of reportIds) await projectReport(context, reportId);
  return reportIds;
}
