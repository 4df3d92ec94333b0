// `npm start`: serves the API on MONGODB_URI, or on an embedded FerretDB with a persistent data
// directory under the project (data/ferretdb, git-ignored) so data survives restarts.
// Order: connect -> indexes -> catch up projections a crash may have left behind -> serve ->
// follow the log (writes made by other processes sharing the database).
import 'reflect-metadata';
import { openLedger } from './application/createLedger';
import { ConfigError, loadConfig } from './config';
import { resolveDatabase, stopOnExit } from './database/mongoUri';
import { catchUpProjections, startProjectionFollower } from './projections/projectionFollower';
import { createHttpServer } from './server/createHttpServer';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase({
    dataDir: config.dataDir,
    env: config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : {},
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: config.databaseName,
    snapshotEvery: config.snapshotEvery,
  });
  const caughtUp = await catchUpProjections(ledger.projection);
  if (caughtUp.events > 0) {
    process.stdout.write(
      `projections caught up: ${caughtUp.events} events to position ${caughtUp.checkpoint}\n`,
    );
  }
  const server = await createHttpServer(config, ledger);
  const { url } = await server.listen();
  const follower = await startProjectionFollower(ledger.projection, {
    fromPosition: caughtUp.checkpoint,
  });
  follower.done.catch((error: unknown) => {
    server.logger.error({ err: error }, 'projection follower stopped');
  });
  stopOnExit(database, async () => {
    await follower.stop();
    await server.stop();
    await ledger.close();
  });
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
