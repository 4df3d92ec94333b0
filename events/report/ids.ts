// Deterministic identifiers. A report's id depends only on (agency name, year), so importing the
// same report twice finds the same stream; an event's id depends only on (actor, clientMutationId,
// index), so a replayed mutation produces the ids already stored and the store writes nothing.
import { createHash } from 'node:crypto';

/** The RFC 4122 URL namespace, used as the root of our name-based UUIDs. */
const LEDGER_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** Name-based UUID (version 5, SHA-1) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = LEDGER_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Agency names are compared after trimming and collapsing inner whitespace. */
export function normaliseAgencyName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function agencyIdFor(agencyName: string): string {
  return uuidV5(`agency:${normaliseAgencyName(agencyName)}`);
}

export function reportIdFor(agencyName: string, year: number): string {
  return uuidV5(`report:${normaliseAgencyName(agencyName)}:${year}`);
}

export const REPORT_STREAM_PREFIX = 'report-';
export const AGENCY_STREAM_PREFIX = 'agency-';

export function reportStreamId(reportId: string): string {
  return `${REPORT_STREAM_PREFIX}${reportId}`;
}

export function agencyStreamId(agencyId: string): string {
  return `${AGENCY_STREAM_PREFIX}${agencyId}`;
}

/** The report id of a report stream, or null for any other stream. */
export function reportIdOfStream(streamId: string): string | null {
  return streamId.startsWith(REPORT_STREAM_PREFIX)
    ? streamId.slice(REPORT_STREAM_PREFIX.length)
    : null;
}

/** Event id for the `index`-th event written by one mutation of one actor. */
export function mutationEventId(actorId: string, clientMutationId: string, index: number): string {
  return uuidV5(`mutation:${actorId}:${clientMutationId}:${index}`);
}
