// `cli sample remove`: every sample agency gets an AgencyRemoved event, so it and its reports
// leave every list. Nothing is deleted: the streams and their history stay in the log.
import type { Ledger } from '../application/createLedger';
import { actorOf, type Principal } from '../auth/principal';
import { projectEvents } from '../projections/projectEvents';
import { SAMPLE_AGENCY_ID } from './sampleAgency';
import { removeAgency } from './sampleAgencyEvents';

export interface RemovedSampleAgency {
  agencyId: string;
  name: string;
  reports: number;
}

export interface RemoveSampleDataResult {
  removed: RemovedSampleAgency[];
  /** Sample agencies removed before (nothing new written for them). */
  alreadyRemoved: number;
}

export async function removeSampleData(
  ledger: Ledger,
  principal: Principal,
  reason = '移除示例数据 / sample data removed',
): Promise<RemoveSampleDataResult> {
  // Ledgers loaded before sample agencies were marked hold the sample agency unmarked.
  const candidates = await ledger.models.agencies
    .find({ $or: [{ sample: true }, { _id: SAMPLE_AGENCY_ID }] })
    .lean()
    .exec();
  const result: RemoveSampleDataResult = { removed: [], alreadyRemoved: 0 };
  for (const agency of candidates) {
    const events = await removeAgency(ledger.store, agency._id, actorOf(principal), reason);
    if (events.length === 0) {
      result.alreadyRemoved++;
      continue;
    }
    await projectEvents(ledger.projection, events);
    const reports = await ledger.models.summaries.countDocuments({ agencyId: agency._id }).exec();
    result.removed.push({ agencyId: agency._id, name: agency.name, reports });
  }
  return result;
}
