// Marking the sample agency, and removing sample data: events on the agency stream like every
// change, decided from the stream itself and idempotent by event id (a repeated call, or two
// processes at once, store each fact once).
import { agencyStatusOf } from '../../events/report/agencyStatus';
import { SCHEMA_VERSIONS } from '../../events/report/eventCatalog';
import { agencyStreamId, uuidV5 } from '../../events/report/ids';
import type { ActorRef } from '../../events/report/reportState';
import {
  WrongExpectedRevision,
  type EventStore,
  type RecordedEvent,
} from '../../events/store/types';

async function appendAgencyFact(
  store: EventStore,
  agencyId: string,
  type: 'AgencyMarkedSample' | 'AgencyRemoved',
  actor: ActorRef,
  reason: string,
): Promise<RecordedEvent[]> {
  const streamId = agencyStreamId(agencyId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const events = await store.readStream(streamId);
    const status = agencyStatusOf(events);
    if (!status.registered) return [];
    if (type === 'AgencyMarkedSample' ? status.sample : status.removed) return [];
    try {
      const result = await store.appendToStream(
        streamId,
        [
          {
            eventId: uuidV5(`${type}:${agencyId}`),
            type,
            schemaVersion: SCHEMA_VERSIONS[type],
            data: { agencyId },
            metadata: { actor, reason },
          },
        ],
        { expectedRevision: events.length - 1 },
      );
      return result.alreadyAppended ? [] : result.events;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
  }
  throw new Error(`the agency stream ${streamId} kept changing while ${type} was appended`);
}

export function markSampleAgency(
  store: EventStore,
  agencyId: string,
  actor: ActorRef,
): Promise<RecordedEvent[]> {
  return appendAgencyFact(
    store,
    agencyId,
    'AgencyMarkedSample',
    actor,
    '示例数据（虚构机构，仅供演示） / sample data (fictitious agency, for demonstration)',
  );
}

export function removeAgency(
  store: EventStore,
  agencyId: string,
  actor: ActorRef,
  reason: string,
): Promise<RecordedEvent[]> {
  return appendAgencyFact(store, agencyId, 'AgencyRemoved', actor, reason);
}
