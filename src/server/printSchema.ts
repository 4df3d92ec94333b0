// `npm run schema:print`: writes the SDL of the schema to schema.graphql (committed; a test
// fails when it drifts from the code).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildLedgerSchema } from './buildSchema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

/** The SDL, types sorted by name so the file changes only where the schema does. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildLedgerSchema()))}\n`;
}

if (require.main === module) {
  schemaSdl()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
