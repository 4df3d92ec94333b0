// Agencies read model from the agency streams: AgencyRegistered creates the document, the
// sample and removal facts set its flags. Every other agency event is also an audit entry
// (agencyChangeEntries.ts).
import type { AgencyRegisteredData } from '../../events/report/eventCatalog';
import { normaliseAgencyName } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import type { AgencyReadDocument } from '../../models/agencyReadModel';
import { agencyStreamEntries } from './agencyChangeEntries';
import type { ProjectionContext } from './projectionContext';
import { writeChangeEntries } from './writeChangeEntries';

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

/** The flags an agency event sets on its read model document, or null for none. */
export function agencyFlagsOf(
  event: RecordedEvent,
): { agencyId: string; flags: Pick<AgencyReadDocument, 'sample' | 'removed'> } | null {
  const agencyId = (event.data as { agencyId?: string }).agencyId;
  if (!agencyId) return null;
  if (event.type === 'AgencyMarkedSample') return { agencyId, flags: { sample: true } };
  if (event.type === 'AgencyRemoved') return { agencyId, flags: { removed: true } };
  return null;
}

/**
 * The audit entries of `events` (agency events of any agencies): each agency's stream is read
 * up to the last of them, since an entry says what the event changed from.
 */
async function writeAgencyEntries(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  const lastRevision = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'AgencyRegistered') continue;
    lastRevision.set(
      event.streamId,
      Math.max(lastRevision.get(event.streamId) ?? 0, event.revision),
    );
  }
  const wanted = new Set(events.map((event) => event.eventId));
  for (const [streamId, toRevision] of lastRevision) {
    const stream = await context.store.readStream(streamId, { toRevision });
    // The batch's own events go along: a stream read may not see a commit whose writer died
    // before writing its lookups (as projectEvents does for reports).
    const known = new Set(stream.map((event) => event.eventId));
    const missing = events.filter(
      (event) => event.streamId === streamId && !known.has(event.eventId),
    );
    const all = [...stream, ...missing].sort((a, b) => a.revision - b.revision);
    const entries = agencyStreamEntries(all).filter((entry) => wanted.has(entry.eventId));
    await writeChangeEntries(context.models.changes, entries);
  }
}

export async function projectAgencyEvents(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) {
    const flagged = agencyFlagsOf(event);
    if (flagged) {
      // Setting a flag is idempotent, so a repeated or concurrent projection writes the same.
      await context.models.agencies.collection.updateOne({ _id: flagged.agencyId } as never, {
        $set: flagged.flags,
      });
      continue;
    }
    const document = agencyDocumentOf(event);
    if (!document) continue;
    // $set, not a replace: a replayed registration must keep the flags set after it.
    const { _id, ...fields } = document;
    await context.models.agencies.collection
      .updateOne({ _id } as never, { $set: fields }, { upsert: true })
      .catch((error: { code?: number }) => {
        // Two processes upserting the same agency at once: the other one wrote it.
        if (error.code !== 11000) throw error;
      });
  }
  await writeAgencyEntries(context, events);
}
