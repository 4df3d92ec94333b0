// The audit entries of agency events: an administrator's region decision (from → to the
// agency's region code), sample data marked, an agency removed, a review policy set (from → to
// whether edits need approval). What was before is a fact of the agency's stream up to the
// event, so the entries are folded over that stream in order: the rebuild folds the whole log
// once, the live projection reads the (short) agency stream up to the event.
import type {
  AgencyRegionSetData,
  AgencyRegisteredData,
  AgencyReviewPolicySetData,
} from '../../events/report/eventCatalog';
import type { RecordedEvent } from '../../events/store/types';
import type { AgencyChangeEntryDocument, AgencyChangeKind } from '../../models/changeEntryModel';
import { chinaDivisions } from '../domain/regions/chinaDivisions';
import { resolveAgencyRegion } from '../domain/regions/resolveAgencyRegion';
import { changeEntryId } from './changeEntries';

const KIND_OF_TYPE: Readonly<Record<string, AgencyChangeKind>> = {
  AgencyRegionSet: 'region',
  AgencyMarkedSample: 'sample',
  AgencyRemoved: 'remove',
  AgencyReviewPolicySet: 'reviewPolicy',
};

interface AgencyHistory {
  name: string;
  /** From the name alone (null: ambiguous or unknown). */
  nameRegionCode: string | null;
  /** The last region decision's code (null: back to the name's). */
  setRegionCode: string | null;
  reviewRequired: boolean;
}

/** Follows agency events in log order and gives each its audit entry. */
export class AgencyAuditTrail {
  private readonly agencies = new Map<string, AgencyHistory>();

  /** The event's entry, or none (a registration, another stream, an unknown agency). */
  entriesOf(event: RecordedEvent): AgencyChangeEntryDocument[] {
    if (event.type === 'AgencyRegistered') {
      const { agencyId, name } = event.data as AgencyRegisteredData;
      if (!this.agencies.has(agencyId)) {
        const resolution = resolveAgencyRegion(name, chinaDivisions());
        this.agencies.set(agencyId, {
          name,
          nameRegionCode: resolution.status === 'resolved' ? resolution.code : null,
          setRegionCode: null,
          reviewRequired: false,
        });
      }
      return [];
    }
    const kind = KIND_OF_TYPE[event.type];
    const agencyId = (event.data as { agencyId?: string }).agencyId;
    const agency = agencyId ? this.agencies.get(agencyId) : undefined;
    if (!kind || !agencyId || !agency) return [];
    let from: string | null = null;
    let to: string | null = null;
    if (event.type === 'AgencyRegionSet') {
      // As the corpus index decides it (CorpusIndex.regionOf): the last decision's code, or the
      // name's when the decision gave none.
      from = agency.setRegionCode ?? agency.nameRegionCode;
      agency.setRegionCode = (event.data as AgencyRegionSetData).regionCode;
      to = agency.setRegionCode ?? agency.nameRegionCode;
    } else if (event.type === 'AgencyReviewPolicySet') {
      from = String(agency.reviewRequired);
      agency.reviewRequired = (event.data as AgencyReviewPolicySetData).reviewRequired;
      to = String(agency.reviewRequired);
    }
    return [
      {
        _id: changeEntryId(event.eventId, null),
        eventId: event.eventId,
        eventType: event.type,
        position: event.position,
        reportId: null,
        agencyId,
        agency: agency.name,
        year: null,
        revision: event.revision,
        key: null,
        kind,
        from,
        to,
        actor: { id: event.metadata.actor.id, name: event.metadata.actor.name },
        reason: event.metadata.reason ?? null,
        recordedAt: new Date(event.recordedAt),
        revertedEventId: null,
      },
    ];
  }
}

/** The entries of `events`, all of one agency stream read from its start (revision 0). */
export function agencyStreamEntries(events: readonly RecordedEvent[]): AgencyChangeEntryDocument[] {
  const trail = new AgencyAuditTrail();
  return events.flatMap((event) => trail.entriesOf(event));
}
