// After a clash on a stream revision or an event id with a commit the lookups do not show (its
// writer is between its insert and its lookups, or crashed there): find it by a scan and write
// its lookups, so the next attempt sees it. The only scans on the append path, and only then.
import type { StoreParts } from './storeParts';
import { bareLookups } from './streamLookups';
import type { PreparedAppend } from './validateAppend';

export async function repairLookups(parts: StoreParts, append: PreparedAppend): Promise<void> {
  const ids = append.events.map((event) => event.eventId);
  const [sameStream, sameIds] = await Promise.all([
    parts.commits.find({ streamId: append.streamId }, { sort: { firstRevision: 1 } }).toArray(),
    parts.commits.find({ eventIds: { $in: ids } }).toArray(),
  ]);
  await parts.streams.write(bareLookups([...sameStream, ...sameIds]));
}
