// The one failure the store acts on: a duplicate key. An insert against a unique key is the only
// primitive that holds on both MongoDB 7 and FerretDB 1.24 (whose updates are not atomic), so
// every claim the store makes (a position, a stream revision, an event id) is such an insert.
import { MongoBulkWriteError, MongoServerError } from 'mongodb';

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * How many documents of an ordered insertMany were stored before it stopped, when it stopped on a
 * duplicate key; null for any other failure (its outcome is unknown and must be rethrown).
 */
export function storedBeforeDuplicate(error: unknown): number | null {
  if (!(error instanceof MongoBulkWriteError)) return isDuplicateKey(error) ? 0 : null;
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  const first = writeErrors[0];
  if (!first || first.code !== DUPLICATE_KEY) return null;
  return first.index;
}

export const ignoreDuplicate = (error: unknown): void => {
  if (!isDuplicateKey(error)) throw error;
};
