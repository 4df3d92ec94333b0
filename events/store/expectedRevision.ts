// KurrentDB's expected-revision semantics: a number (the revision of the stream's last event),
// 'no_stream', 'stream_exists' or 'any'.
import type { ExpectedRevision, StreamRevision } from './types';

export function expectationMet(expected: ExpectedRevision, actual: StreamRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}
