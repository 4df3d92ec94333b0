// Projects a batch of log events (in position order) into every read model.
import { AGENCY_STREAM_PREFIX, reportIdOfStream } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import { projectAgencyEvents } from './projectAgency';
import { projectProposalEvents } from './projectProposal';
import type { ProjectionContext } from './projectionContext';
import { projectReport } from './projectReport';

export async function projectEvents(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<string[]> {
  const agencyEvents = events.filter((event) => event.streamId.startsWith(AGENCY_STREAM_PREFIX));
  if (agencyEvents.length > 0) await projectAgencyEvents(context, agencyEvents);
  await projectProposalEvents(context, events);
  const eventsByReport = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const reportId = reportIdOfStream(event.streamId);
    if (reportId === null) continue;
    const reportEvents = eventsByReport.get(reportId) ?? [];
    reportEvents.push(event);
    eventsByReport.set(reportId, reportEvents);
  }
  // Each report catches up from its own read model revision, so a batch that repeats events
  // the read model already has costs one read and no write. The batch's own events go along:
  // the stream walk may not see a commit whose writer crashed before writing its lookups.
  for (const [reportId, known] of eventsByReport) {
    await projectReport(context, reportId, { fromLog: known });
  }
  return [...eventsByReport.keys()];
}
