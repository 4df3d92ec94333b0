// All read models of one mongoose connection, and their indexes.
import type { Connection } from 'mongoose';
import { agencyReadModel, type AgencyReadModel } from './agencyReadModel';
import { changeEntryModel, type ChangeEntryModel } from './changeEntryModel';
import { checkpointModel, type CheckpointModel } from './checkpointModel';
import { mutationRecordModel, type MutationRecordModel } from './mutationRecordModel';
import { proposalReadModel, type ProposalReadModel } from './proposalReadModel';
import { reportReadModel, type ReportReadModel } from './reportReadModel';
import { reportRevisionModel, type ReportRevisionModel } from './reportRevisionModel';
import { reportSummaryModel, type ReportSummaryModel } from './reportSummaryModel';
import { snapshotModel, type SnapshotModel } from './snapshotModel';
import { tokenModel, type TokenModel } from './tokenModel';

export interface ReadModels {
  reports: ReportReadModel;
  /** Revisions after each full report document (see reportRevisionModel.ts). */
  revisions: ReportRevisionModel;
  summaries: ReportSummaryModel;
  agencies: AgencyReadModel;
  changes: ChangeEntryModel;
  snapshots: SnapshotModel;
  checkpoints: CheckpointModel;
  tokens: TokenModel;
  mutations: MutationRecordModel;
  /** Proposals and their review (src/projections/projectProposal.ts). */
  proposals: ProposalReadModel;
}

export function createReadModels(connection: Connection): ReadModels {
  return {
    reports: reportReadModel(connection),
    revisions: reportRevisionModel(connection),
    summaries: reportSummaryModel(connection),
    agencies: agencyReadModel(connection),
    changes: changeEntryModel(connection),
    snapshots: snapshotModel(connection),
    checkpoints: checkpointModel(connection),
    tokens: tokenModel(connection),
    mutations: mutationRecordModel(connection),
    proposals: proposalReadModel(connection),
  };
}

type IndexArgs = Parameters<ReadModels['reports']['collection']['createIndex']>;

/** FerretDB answers `buildInfo` with its own version. */
async function onFerretdb(models: ReadModels): Promise<boolean> {
  const info = await models.reports.db.db
    ?.admin()
    .command({ buildInfo: 1 })
    .catch(() => null);
  return typeof info?.ferretdbVersion === 'string';
}

/**
 * Idempotent: safe at every start. On FerretDB 1.24 (SQLite) no secondary index is ever used to
 * read, yet each costs every write (an audit entry carries six): only the unique ones, which it
 * enforces, are created there. MongoDB gets them all.
 */
export async function ensureReadModelIndexes(models: ReadModels): Promise<void> {
  const uniqueOnly = await onFerretdb(models);
  for (const model of Object.values(models) as Array<ReadModels[keyof ReadModels]>) {
    await model.createCollection().catch(() => undefined);
    if (!uniqueOnly) {
      await model.createIndexes();
      continue;
    }
    for (const [fields, options] of model.schema.indexes()) {
      if (options.unique)
        await model.collection.createIndex(fields as IndexArgs[0], options as IndexArgs[1]);
    }
  }
}

/**
 * Models rebuilt from the log (tokens, checkpoints of other followers and mutation records are
 * not). `revisions` is rebuilt too (emptied: a rebuilt full document is at its stream's head)
 * but is not listed: it is how the full documents are stored, not a read model of its own, and
 * what it holds depends on when the background rewrite of full documents last ran.
 */
export const DERIVED_MODELS: ReadonlyArray<keyof ReadModels> = [
  'reports',
  'summaries',
  'agencies',
  'changes',
  'snapshots',
  'proposals',
];
