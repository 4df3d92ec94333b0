// events_appended_total counts the events THIS process appends, so the sum over all server
// processes is the number of events written. (Counting in the log followers instead would
// count every event once per process.) The store is decorated in place: every write path
// (GraphQL mutations, the projections' catch-up never writes) goes through appendToStream.
import type { EventStore } from '../../events/store/types';
import type { LedgerMetrics } from '../observability/metrics';

const counted = new WeakSet<EventStore>();

/** Idempotent per store: a second server on the same ledger does not count events twice. */
export function countAppendedEvents(store: EventStore, metrics: LedgerMetrics): void {
  if (counted.has(store)) return;
  counted.add(store);
  const append = store.appendToStream.bind(store);
  store.appendToStream = async (streamId, events, options) => {
    const result = await append(streamId, events, options);
    if (!result.alreadyAppended) {
      for (const event of result.events) metrics.eventsAppended.inc({ type: event.type });
    }
    return result;
  };
}
