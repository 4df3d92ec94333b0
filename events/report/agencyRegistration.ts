// The AgencyRegistered event that starts an agency's stream: written on the agency's first
// import (one at a time or in a batch) and by the bench loaders. Its id is derived from the
// agency id, so registering an agency twice stores it once.
import type { ExpectedRevision, NewEvent, StreamAppend } from '../store/types';
import { SCHEMA_VERSIONS } from './eventCatalog';
import { agencyStreamId, uuidV5 } from './ids';
import type { ActorRef } from './reportState';

export function agencyRegisteredEvent(
  agencyId: string,
  name: string,
  actor: ActorRef,
  reason: string,
): NewEvent {
  return {
    eventId: uuidV5(`agency-registered:${agencyId}`),
    type: 'AgencyRegistered',
    schemaVersion: SCHEMA_VERSIONS.AgencyRegistered,
    data: { agencyId, name },
    metadata: { actor, reason },
  };
}

/** The registration as an append of its own stream (for appendToStreams). */
export function agencyRegistrationAppend(
  agencyId: string,
  name: string,
  actor: ActorRef,
  reason: string,
  expectedRevision: ExpectedRevision = 'no_stream',
): StreamAppend {
  return {
    streamId: agencyStreamId(agencyId),
    events: [agencyRegisteredEvent(agencyId, name, actor, reason)],
    expectedRevision,
  };
}
