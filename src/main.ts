// `npm start`: serves the API on MONGODB_URI, or on an embedded FerretDB with a persistent data
// directory under the project (data/ferretdb, git-ignored) so data survives restarts.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { resolveDatabase, stopOnExit } from './database/mongoUri';
import { createHttpServer } from './server/createHttpServer';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase({
    dataDir: config.dataDir,
    env: config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : {},
  });
  const server = await createHttpServer(config);
  const { url } = await server.listen();
  stopOnExit(database, () => server.stop());
  process.stdout.write(`Nianbao Ledger listening on ${url}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
