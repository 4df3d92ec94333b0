// How an event's audit entries are stored: an event with many keyed entries (an import, ~200)
// as one pack, any other entry as a document of its own. Pure: the storage adapters call it on
// the way in (writeChangeEntries) and on the way out (changeEntryPage, findChangeEntry).
import type {
  AuditEntryDocument,
  ChangeEntryDocument,
  PackedChangeEntriesDocument,
  PackedChangeEntry,
  StoredChangeDocument,
} from '../../models/changeEntryModel';
import { changeEntryId } from './changeEntries';

/**
 * Keyed entries from which an event's entries are packed. Small edits stay one document per
 * entry (what most lookups by entry id find at once); an import or a bulk edit is packed.
 */
export const PACK_FROM_ENTRIES = 8;

/**
 * `_id` of the pack of event `eventId`'s entries. '!' sorts before every character an entry
 * key starts with ('t', 'n', 's', '*'), so the pack sorts just before the event's entry ids.
 */
export function packedEntriesId(eventId: string): string {
  return `${eventId}:!`;
}

/** The `_id`s under which the entry `entryId` (`${eventId}:${key}`) may be stored. */
export function storedIdsOfEntry(entryId: string): [string, string] {
  const separator = entryId.indexOf(':');
  const eventId = separator < 0 ? entryId : entryId.slice(0, separator);
  return [entryId, packedEntriesId(eventId)];
}

export function isPackedChangeEntries(
  document: StoredChangeDocument,
): document is PackedChangeEntriesDocument {
  return (document as Partial<PackedChangeEntriesDocument>).packed === true;
}

function packOf(entries: readonly ChangeEntryDocument[]): PackedChangeEntriesDocument {
  const { _id: _entryId, key: _key, from: _from, to: _to, ...event } = entries[0];
  delete (event as Partial<ChangeEntryDocument>).previousEntryId;
  return {
    ...event,
    _id: packedEntriesId(event.eventId),
    packed: true,
    keys: entries.map((entry) => entry.key as string),
    entries: entries.map((entry) => {
      const packed: PackedChangeEntry = {
        key: entry.key as string,
        from: entry.from,
        to: entry.to,
      };
      // Left out, not undefined, as on an entry of its own.
      return entry.previousEntryId === undefined
        ? packed
        : { ...packed, previousEntryId: entry.previousEntryId };
    }),
  };
}

/** The documents that store `entries` (in any order of events): packs and single entries. */
export function packChangeEntries(entries: readonly AuditEntryDocument[]): StoredChangeDocument[] {
  const keyedByEvent = new Map<string, ChangeEntryDocument[]>();
  for (const entry of entries) {
    if (entry.key === null || entry.reportId === null) continue;
    const list = keyedByEvent.get(entry.eventId) ?? [];
    list.push(entry as ChangeEntryDocument);
    keyedByEvent.set(entry.eventId, list);
  }
  const stored: StoredChangeDocument[] = [];
  const packed = new Set<string>();
  for (const entry of entries) {
    const group = entry.key === null ? undefined : keyedByEvent.get(entry.eventId);
    if (group === undefined || group.length < PACK_FROM_ENTRIES) {
      stored.push(entry);
    } else if (!packed.has(entry.eventId)) {
      packed.add(entry.eventId);
      stored.push(packOf(group));
    }
  }
  return stored;
}

/** The entries a stored document stands for, in the order of their `_id`s, descending. */
export function unpackChangeEntries(document: StoredChangeDocument): AuditEntryDocument[] {
  if (!isPackedChangeEntries(document)) return [document];
  const { _id: _packId, packed: _packed, keys: _keys, entries, ...event } = document;
  return entries
    .map((entry): ChangeEntryDocument => ({
      ...event,
      _id: changeEntryId(event.eventId, entry.key),
      key: entry.key,
      from: entry.from,
      to: entry.to,
      ...(entry.previousEntryId === undefined ? {} : { previousEntryId: entry.previousEntryId }),
    }))
    .sort((a, b) => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
}
