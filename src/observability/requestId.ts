// Request ids tie a client's error report, the server's log lines and a proxy's access log
// together. An id from upstream (a proxy or the client) is kept when it is a sane token;
// anything else (too long, spaces, control characters that could forge log lines) is
// replaced by a fresh UUID.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9._~:@+=-]{1,128}$/;

export function isSaneRequestId(text: string): boolean {
  return SANE_REQUEST_ID.test(text);
}

/** The incoming header value (Node gives a string, or an array for repeated headers). */
export function resolveRequestId(incoming: string | readonly string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof candidate === 'string' && isSaneRequestId(candidate) ? candidate : randomUUID();
}
