// `npm start`: serves the API on MONGODB_URI, or on an embedded MongoDB 7 / FerretDB with a
// persistent data directory under the project (data/, git-ignored) so data survives restarts.
// Order: config (a bad variable stops here, naming it) -> connect -> indexes -> catch up
// projections a crash may have left behind -> sample data into an empty ledger -> the viewer
// (built on the first start) -> serve -> follow the log (writes made by other processes
// sharing the database). A start that fails stops what it started, in reverse order.
// Shutdown on SIGTERM/SIGINT: stop accepting connections, close subscriptions, drain HTTP
// requests, stop the log followers, close the database connections, stop the embedded FerretDB.
import 'reflect-metadata';
import { openLedger } from './application/createLedger';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import type { RunningDatabase } from './database/ferretdbServer';
import { resolveDatabase, stopOnExit } from './database/mongoUri';
import { StartedResources } from './startedResources';
import { corpusIndexOf } from './corpus/corpusIndexHandle';
import { createLogger } from './observability/logger';
import { createMetrics } from './observability/metrics';
import { catchUpProjections, startProjectionFollower } from './projections/projectionFollower';
import { loadSampleData } from './sampleData/loadSampleData';
import { createHttpServer } from './server/createHttpServer';
import { databaseServerInfo } from './server/readiness';
import { ensureViewerBuilt } from './viewer/viewerBuild';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await resolveDatabase({
    dataDir: config.dataDir,
    env: config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : process.env,
    progress: (line) => logger.info(line),
  });
  // From here on this process may own an embedded server: a start that fails stops it (and
  // removes its announcement) instead of leaving it orphaned for the next start to misuse.
  const stack = new StartedResources();
  stack.push('database', () => database.stop());
  try {
    await serve(config, logger, database, stack);
  } catch (error) {
    logger.error({ err: error }, 'start-up failed: stopping what was started');
    await stack.stopAll((name, stopError) =>
      logger.error({ err: stopError }, `stopping ${name} after the failed start failed`),
    );
    throw error;
  }
}

async function serve(
  config: Config,
  logger: Logger,
  database: RunningDatabase,
  stack: StartedResources,
): Promise<void> {
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: config.databaseName,
    snapshotEvery: config.snapshotEvery,
  });
  stack.push('ledger', () => ledger.close());
  const server = await databaseServerInfo(ledger.db);
  logger.info(
    { database: { ...server, embedded: database.kind !== 'external' } },
    `database: ${server.kind === 'mongodb' ? 'MongoDB' : 'FerretDB'} ${server.version}`,
  );
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
        'empty ledger: loaded the sample reports (NIANBAO_SAMPLE_DATA=false to start empty; `npm run -s cli -- sample remove` removes them)',
      );
    }
  }
  const viewer = await ensureViewerBuilt({ progress: (line) => logger.info(line) });
  if (viewer.unavailable) logger.warn(`the viewer is not served: ${viewer.unavailable}`);
  if (viewer.warning) logger.warn(viewer.warning);
  const httpServer = await createHttpServer(config, ledger, {
    logger,
    metrics: createMetrics(),
    webDirectory: viewer.outDir,
  });
  stack.push('http server', () => httpServer.stop());
  const { url } = await httpServer.listen();
  const follower = await startProjectionFollower(ledger.projection, {
    fromPosition: caughtUp.checkpoint,
  });
  follower.done.catch((error: unknown) => {
    logger.error({ err: error }, 'projection follower stopped');
  });
  // The first ledger verification starts now, in the background (readiness reports it): the
  // log after the verified-up-to checkpoint; later refreshes verify all of it.
  void httpServer.readiness.refreshIntegrity('tail');
  // The corpus index (cross-report queries) loads its snapshot and follows the log now, so the
  // first corpus query does not pay for it.
  corpusIndexOf(ledger.store, ledger.db)
    .current()
    .catch((error: unknown) => logger.warn({ err: error }, 'corpus index: first load failed'));
  stopOnExit(database, async () => {
    logger.info('shutting down: draining requests and subscriptions');
    try {
      await httpServer.stop();
      await follower.stop();
      await ledger.close();
      logger.info('shut down');
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      throw error;
    }
  });
  const origin = url.replace(/\/graphql$/, '');
  logger.info({ url, viewer: viewer.unavailable ? null : `${origin}/` }, 'listening');
  // Plain lines for people and for scripts that wait for the server (bench, tests):
  // "listening on <url>".
  process.stdout.write(`Nianbao Ledger listening on ${url}\n`);
  if (!viewer.unavailable) process.stdout.write(`Viewer: ${origin}/\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
