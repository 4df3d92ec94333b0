// The events a command appends, from what the decider decided: metadata names the actor, the
// reason and (when given) the clientMutationId and request id.
import { SCHEMA_VERSIONS, type DecidedReportEvent } from '../../events/report/eventCatalog';
import { mutationEventId } from '../../events/report/ids';
import type { EventMetadata, NewEvent } from '../../events/store/types';
import type { PreparedCommand, RequestMeta } from './commandTypes';

export function newEventsOf(
  decided: readonly DecidedReportEvent[],
  prepared: PreparedCommand,
  meta: RequestMeta,
): NewEvent[] {
  const metadata: EventMetadata = {
    actor: prepared.actor,
    reason: prepared.reason,
    ...(prepared.clientMutationId ? { correlationId: prepared.clientMutationId } : {}),
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
  };
  // With a clientMutationId the ids are derived from it, so a retry repeats them and the store
  // refuses a second copy. Without one the store chooses the ids: an id it generated cannot
  // repeat a stored one, so on FerretDB it skips the event-id lookup a caller-chosen id needs
  // (one command fewer per edit); a retry after a lost race decides new events anyway.
  return decided.map((event, index) => ({
    ...(prepared.clientMutationId
      ? { eventId: mutationEventId(prepared.actor.id, prepared.clientMutationId, index) }
      : {}),
    type: event.type,
    schemaVersion: SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata,
  }));
}
