// What an agency stream says about the agency's place in lists: is it sample data, was it
// removed. Pure fold over the stream, so commands decide from the log, not from a read model.
import type { RecordedEvent } from '../store/types';

export interface AgencyStatus {
  registered: boolean;
  sample: boolean;
  removed: boolean;
}

export const UNKNOWN_AGENCY: AgencyStatus = { registered: false, sample: false, removed: false };

export function evolveAgencyStatus(
  status: AgencyStatus,
  event: Pick<RecordedEvent, 'type'>,
): AgencyStatus {
  switch (event.type) {
    case 'AgencyRegistered':
      return { ...status, registered: true };
    case 'AgencyMarkedSample':
      return { ...status, sample: true };
    case 'AgencyRemoved':
      return { ...status, removed: true };
    default:
      return status;
  }
}

export function agencyStatusOf(events: ReadonlyArray<Pick<RecordedEvent, 'type'>>): AgencyStatus {
  return events.reduce(evolveAgencyStatus, UNKNOWN_AGENCY);
}
