// Connects to the database and builds everything a server or CLI command needs: the event
// store (mongodb driver), read models (mongoose, same URI and database) and the services.
import { MongoClient, type Db } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { createEventStore, type MongoEventStore } from '../../events/store/mongoEventStore';
import { createReadModels, ensureReadModelIndexes, type ReadModels } from '../../models/readModels';
import { importDocument } from '../domain/importer/importDocument';
import { ReportDocumentCache } from '../projections/documentCache';
import { DEFAULT_SNAPSHOT_EVERY, type ProjectionContext } from '../projections/projectionContext';
import { registerReadModelCache } from '../readSide/readModelCache';
import type { DocumentParser } from './documentParser';
import { LedgerServices } from './ledgerServices';
import { ProposalService } from './proposals/proposalService';

export interface OpenLedgerOptions {
  uri: string;
  databaseName: string;
  /** Emit driver 'commandStarted' events on both clients (query counting in tests and bench). */
  monitorCommands?: boolean;
  parseDocument?: DocumentParser;
  snapshotEvery?: number;
  maxDocumentLength?: number;
}

export interface Ledger {
  client: MongoClient;
  db: Db;
  connection: Connection;
  store: MongoEventStore;
  models: ReadModels;
  projection: ProjectionContext;
  services: LedgerServices;
  close(): Promise<void>;
}

export async function openLedger(options: OpenLedgerOptions): Promise<Ledger> {
  const client = await MongoClient.connect(options.uri, {
    monitorCommands: options.monitorCommands ?? false,
  });
  const db = client.db(options.databaseName);
  const connection = mongoose.createConnection(options.uri, {
    dbName: options.databaseName,
    monitorCommands: options.monitorCommands ?? false,
    autoIndex: false,
    autoCreate: false,
  });
  try {
    await connection.asPromise();
    const store = await createEventStore(db);
    const models = createReadModels(connection);
    await ensureReadModelIndexes(models);
    const projection: ProjectionContext = {
      store,
      models,
      snapshotEvery: options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY,
      cache: new ReportDocumentCache(),
    };
    if (projection.cache) registerReadModelCache(models, projection.cache);
    const services = new LedgerServices(projection, {
      parseDocument: options.parseDocument ?? importDocument,
      ...(options.maxDocumentLength ? { maxDocumentLength: options.maxDocumentLength } : {}),
    });
    const proposals = new ProposalService(projection, services);
    services.reimportProposer = async (principal, input, meta) =>
      (await proposals.proposeChanges(principal, input, meta)).proposal;
    return {
      client,
      db,
      connection,
      store,
      models,
      projection,
      services,
      async close() {
        await connection.close();
        await client.close();
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    throw error;
  }
}
