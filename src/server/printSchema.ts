// `npm run schema:print`: writes the SDL of the schema to schema.graphql (committed; a test
// fails when it drifts from the code). With `--check` (CI) it writes nothing and exits 1 when
// the file differs from what the code generates.
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
      const relative = path.relative(process.cwd(), SCHEMA_FILE);
      if (process.argv.includes('--check')) {
        const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
        if (committed !== sdl) {
          process.stderr.write(`${relative} is out of date: run npm run schema:print\n`);
          process.exit(1);
        }
        process.stdout.write(`${relative} is up to date\n`);
        return;
      }
      writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`wrote ${relative}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
