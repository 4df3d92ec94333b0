// What a bench result says about its database: the server's kind and version (FerretDB answers
// buildInfo with its own version and backend), and where it ran, without a connection string.
import type { Document } from 'mongodb';
import type { BenchResult } from './resultTable';

/** Anything that runs an admin command: a driver `Admin` or the `admin` database. */
export interface AdminCommands {
  command(command: Document): Promise<Document>;
}

export async function databaseInfo(
  admin: AdminCommands,
): Promise<{ kind: string; version: string | null }> {
  const info = await admin.command({ buildInfo: 1 });
  const ferret = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : null;
  const features = info.ferretdbFeatures as { backend?: string } | undefined;
  if (ferret)
    return { kind: `FerretDB (${features?.backend ?? 'sqlite'} backend)`, version: ferret };
  return { kind: 'MongoDB', version: typeof info.version === 'string' ? info.version : null };
}

/** The `database` of a result: MONGODB_URI is named, never printed (it may hold a password). */
export function resultDatabase(info: {
  kind: string;
  version: string | null;
}): BenchResult['database'] {
  return {
    ...info,
    uri: process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB (temporary data directory)',
  };
}
