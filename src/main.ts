// `npm start`: serves the API on MONGODB_URI, or on an embedded FerretDB with a persistent data
// directory under the project (data/ferretdb, git-ignored) so data survives restarts.
// Order: config (a bad variable stops here, naming it) -> connect -> indexes -> catch up
// projections a crash may have left behind -> sample data into an empty ledger -> serve ->
// follow the log (writes made by other processes sharing the database).
// Shutdown on SIGTERM/SIGINT: stop accepting connections, close subscriptions, drain HTTP
// requests, stop the log followers, close the database connections, stop the embedded FerretDB.
import 'reflect-metadata';
import { openLedger } from './application/createLedger';
import { ConfigError, loadConfig } from './config';
import { resolveDatabase, stopOnExit } from './database/mongoUri';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { catchUpProjections, startProjectionFollower } from './projections/projectionFollower';
import { loadSampleData } from './sampleData/loadSampleData';
import { createHttpServer } from './server/createHttpServer';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await resolveDatabase({
    dataDir: config.dataDir,
    env: config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : {},
    progress: (line) => logger.info(line),
  });
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: config.databaseName,
    snapshotEvery: config.snapshotEvery,
  });
  const caughtUp = await catchUpProjections(ledger.projection);
  if (caughtUp.events > 0) {
    logger.info(
      { events: caughtUp.events, checkpoint: caughtUp.checkpoint },
      'projections caught up',
    );
  }
  if (config.sampleData) {
    const sample = await loadSampleData(ledger);
    if (sample.loaded) {
      logger.info(
        { reports: sample.reports },
        'empty ledger: loaded the sample reports (NIANBAO_SAMPLE_DATA=false to start empty)',
      );
    }
  }
  const server = await createHttpServer(config, ledger, { logger, metrics: createMetrics() });
  const { url } = await server.listen();
  const follower = await startProjectionFollower(ledger.projection, {
    fromPosition: caughtUp.checkpoint,
  });
  follower.done.catch((error: unknown) => {
    logger.error({ err: error }, 'projection follower stopped');
  });
  // The first ledger verification starts now, in the background (readiness reports it).
  void server.readiness.refreshIntegrity();
  stopOnExit(database, async () => {
    logger.info('shutting down: draining requests and subscriptions');
    try {
      await server.stop();
      await follower.stop();
      await ledger.close();
      logger.info('shut down');
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      throw error;
    }
  });
  logger.info({ url }, 'listening');
  // Plain line for scripts that wait for the server (bench, tests): "listening on <url>".
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
