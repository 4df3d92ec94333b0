// The AgencyRegistered append the bench loaders write for each agency: the same event, with the
// same derived id, that the application writes on an agency's first import.
import { SCHEMA_VERSIONS } from '../../events/report/eventCatalog';
import { agencyIdFor, agencyStreamId, uuidV5 } from '../../events/report/ids';
import type { ActorRef } from '../../events/report/reportState';
import type { StreamAppend } from '../../events/store/types';

export function agencyRegistration(agency: string, actor: ActorRef, reason: string): StreamAppend {
  const agencyId = agencyIdFor(agency);
  return {
    streamId: agencyStreamId(agencyId),
    events: [
      {
        eventId: uuidV5(`agency-registered:${agencyId}`),
        type: 'AgencyRegistered',
        schemaVersion: SCHEMA_VERSIONS.AgencyRegistered,
        data: { agencyId, name: agency },
        metadata: { actor, reason },
      },
    ],
    expectedRevision: 'any',
  };
}
