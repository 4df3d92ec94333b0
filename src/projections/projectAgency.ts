// Agencies read model from AgencyRegistered events.
import type { AgencyRegisteredData } from '../../events/report/eventCatalog';
import { normaliseAgencyName } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import type { AgencyReadDocument } from '../../models/agencyReadModel';
import type { ProjectionContext } from './projectionContext';

export function agencyDocumentOf(event: RecordedEvent): AgencyReadDocument | null {
  if (event.type !== 'AgencyRegistered') return null;
  const data = event.data as AgencyRegisteredData;
  return {
    _id: data.agencyId,
    name: data.name,
    nameKey: normaliseAgencyName(data.name),
    registeredAt: new Date(event.recordedAt),
    position: event.position,
  };
}

export async function projectAgencyEvents(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) {
    const document = agencyDocumentOf(event);
    if (!document) continue;
    await context.models.agencies.collection
      .replaceOne({ _id: document._id } as never, document as never, { upsert: true })
      .catch((error: { code?: number }) => {
        // Two processes upserting the same agency at once: the other one wrote it.
        if (error.code !== 11000) throw error;
      });
  }
}
