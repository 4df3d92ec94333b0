// Inserts audit entries, an event's many entries as one pack (packedChangeEntries.ts); entries
// already there (same _id) are left as they are.
import type { AuditEntryDocument, ChangeEntryModel } from '../../models/changeEntryModel';
import { packChangeEntries } from './packedChangeEntries';

const DUPLICATE_KEY = 11000;

function onlyDuplicates(error: unknown): boolean {
  const candidate = error as {
    code?: number;
    writeErrors?: Array<{ code?: number; err?: { code?: number } }>;
  };
  if (candidate.code === DUPLICATE_KEY && !candidate.writeErrors) return true;
  return (
    Array.isArray(candidate.writeErrors) &&
    candidate.writeErrors.length > 0 &&
    candidate.writeErrors.every((e) => (e.code ?? e.err?.code) === DUPLICATE_KEY)
  );
}

export async function writeChangeEntries(
  model: ChangeEntryModel,
  entries: readonly AuditEntryDocument[],
): Promise<void> {
  const documents = packChangeEntries(entries);
  // 1000 entries, or 100 packs (~30 KB each), per insert: well under the 48 MB message limit.
  const perInsert = documents.length < entries.length ? 100 : 1000;
  for (let start = 0; start < documents.length; start += perInsert) {
    const batch = documents.slice(start, start + perInsert);
    try {
      await model.collection.insertMany(batch as unknown as Array<Record<string, unknown>>, {
        ordered: false,
        // An entry whose previousEntryId is unknown must not get a stored null ("first entry").
        ignoreUndefined: true,
      });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }
}
