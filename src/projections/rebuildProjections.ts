// Drops every derived read model and rebuilds it from the log, folding in memory and writing
// in bulk (a per-event round trip would make a rebuild as slow as the original history).
import { proposalIdOfStream } from '../../events/proposal/proposalIds';
import { reportIdOfStream, AGENCY_STREAM_PREFIX } from '../../events/report/ids';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import { createLogFollower } from '../../events/store/logFollower';
import { DERIVED_MODELS, ensureReadModelIndexes } from '../../models/readModels';
import { RecordedChainVerifier } from '../../events/store/recordedChainVerifier';
import { BASES_CHECKPOINT, PROJECTIONS_CHECKPOINT, saveCheckpoint } from './checkpoints';
import { saveVerifiedCheckpoint, storedPredecessorHash } from './verifiedCheckpoint';
import { AgencyAuditTrail } from './agencyChangeEntries';
import { agencyDocumentOf, agencyFlagsOf } from './projectAgency';
import type { ProjectionContext } from './projectionContext';
import type { AgencyReadDocument } from '../../models/agencyReadModel';
import type { AuditEntryDocument, ChangeEntryDocument } from '../../models/changeEntryModel';
import type { SnapshotDocument } from '../../models/snapshotModel';
import { projectProposal } from './projectProposal';
import { foldWithOutputs } from './projectReport';
import { readDocumentOf, summaryOf } from './readModelDocument';
import { compactReportDocument } from './storedReport';
import { writeChangeEntries } from './writeChangeEntries';

export interface RebuildResult {
  events: number;
  reports: number;
  agencies: number;
  checkpoint: number;
}

/** Inserts into collections the rebuild emptied: nothing is there to replace. */
async function insertAll(
  collection: { insertMany(documents: never[], options: object): Promise<unknown> },
  documents: readonly unknown[],
): Promise<void> {
  if (documents.length > 0) await collection.insertMany(documents as never[], { ordered: true });
}

type AgencyFlags = NonNullable<ReturnType<typeof agencyFlagsOf>>;

/** What one batch of the log adds to the read models other than the per-report documents. */
interface BatchWrites {
  agencyDocuments: AgencyReadDocument[];
  /** In log order; each agency's registration comes before its flags. */
  agencyFlags: AgencyFlags[];
  entries: AuditEntryDocument[];
  snapshots: SnapshotDocument[];
}

async function writeAgencies(context: ProjectionContext, batch: BatchWrites): Promise<void> {
  await insertAll(context.models.agencies.collection, batch.agencyDocuments);
  for (const flagged of batch.agencyFlags) {
    await context.models.agencies.collection.updateOne({ _id: flagged.agencyId } as never, {
      $set: flagged.flags,
    });
  }
}

/**
 * The collections of one batch have no order between them (only an agency's flags follow its
 * registration), so they are written at once: the server works on each in its own connection
 * instead of the rebuild waiting for one collection before it starts the next.
 */
async function writeBatch(context: ProjectionContext, batch: BatchWrites): Promise<void> {
  await Promise.all([
    writeAgencies(context, batch),
    writeChangeEntries(context.models.changes, batch.entries),
    insertAll(context.models.snapshots.collection, batch.snapshots),
  ]);
}

/** Full documents per insertMany: ~70 KB each, so a batch is a few MB, well below 48 MB. */
const REPORTS_PER_INSERT = 25;
/** insertMany calls of full documents and summaries in flight at once. */
const REPORT_WRITES_IN_FLIGHT = 2;

/** The final full documents and summaries, in batches, a few at once. */
async function writeReports(
  context: ProjectionContext,
  states: readonly ReportState[],
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < states.length) {
      const batch = states.slice(next, next + REPORTS_PER_INSERT);
      next += REPORTS_PER_INSERT;
      await Promise.all([
        insertAll(
          context.models.reports.collection,
          batch.map((state) => compactReportDocument(readDocumentOf(state))),
        ),
        insertAll(context.models.summaries.collection, batch.map(summaryOf)),
      ]);
    }
  };
  await Promise.all(Array.from({ length: REPORT_WRITES_IN_FLIGHT }, worker));
}

export async function rebuildProjections(
  context: ProjectionContext,
  options: { progress?: (events: number) => void } = {},
): Promise<RebuildResult> {
  for (const name of [...DERIVED_MODELS, 'revisions'] as const) {
    await context.models[name].collection.drop().catch(() => undefined);
  }
  await context.models.checkpoints.collection.deleteMany({
    _id: { $in: [PROJECTIONS_CHECKPOINT, BASES_CHECKPOINT] },
  } as never);
  await ensureReadModelIndexes(context.models);
  context.cache?.clear();

  const head = await context.store.headPosition();
  const follower = createLogFollower(context.store, { fromPosition: 0, batchSize: 1000 });
  // A rebuild reads the whole log anyway: it verifies it on the way, so the next start checks
  // only what comes after (a 1M-event log took the start over ten minutes to verify again).
  const verifier = new RecordedChainVerifier(0, storedPredecessorHash(context.store));
  const states = new Map<string, MaybeReportState>();
  const agencies = new Set<string>();
  const agencyTrail = new AgencyAuditTrail();
  const proposals = new Set<string>();
  let count = 0;
  // One batch's writes run while the next batch is read and folded: the rebuild then takes
  // about as long as the slower of the two, not their sum.
  let writing: Promise<void> = Promise.resolve();
  while (follower.checkpoint < head) {
    const before = follower.checkpoint;
    const events = await follower.next();
    if (events.length === 0 && follower.checkpoint === before) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    count += events.length;
    await verifier.check(events);
    const agencyDocuments: AgencyReadDocument[] = [];
    const agencyFlags: AgencyFlags[] = [];
    const agencyEntries: AuditEntryDocument[] = [];
    const byReport = new Map<string, typeof events>();
    for (const event of events) {
      if (event.streamId.startsWith(AGENCY_STREAM_PREFIX)) {
        const document = agencyDocumentOf(event);
        if (document && !agencies.has(document._id)) {
          agencies.add(document._id);
          agencyDocuments.push(document);
        }
        const flagged = agencyFlagsOf(event);
        if (flagged) agencyFlags.push(flagged);
        agencyEntries.push(...agencyTrail.entriesOf(event));
        continue;
      }
      const proposalId = proposalIdOfStream(event.streamId);
      if (proposalId !== null) proposals.add(proposalId);
      const reportId = reportIdOfStream(event.streamId);
      if (reportId === null) continue;
      const list = byReport.get(reportId) ?? [];
      list.push(event);
      byReport.set(reportId, list);
    }
    const entries: ChangeEntryDocument[] = [];
    const snapshots: SnapshotDocument[] = [];
    for (const [reportId, reportEvents] of byReport) {
      const folded = foldWithOutputs(
        states.get(reportId) ?? null,
        reportEvents,
        context.snapshotEvery,
      );
      states.set(reportId, folded.state);
      entries.push(...folded.entries);
      snapshots.push(...folded.snapshots);
    }
    await writing;
    writing = writeBatch(context, {
      agencyDocuments,
      agencyFlags,
      entries: [...entries, ...agencyEntries],
      snapshots,
    });
    // Surfaced by the next `await writing`; never left unhandled meanwhile.
    writing.catch(() => undefined);
    options.progress?.(count);
  }
  await writing;
  // A proposal document is its whole (short) stream folded.
  for (const proposalId of proposals) await projectProposal(context, proposalId);
  const documents = [...states.values()].filter((state) => state !== null);
  await writeReports(context, documents);
  await saveCheckpoint(context, follower.checkpoint);
  await saveCheckpoint(context, follower.checkpoint, BASES_CHECKPOINT);
  // A failure or a skipped hole leaves no verified checkpoint: the start then verifies it all.
  if (verifier.ok && verifier.position === follower.checkpoint && verifier.position > 0) {
    await saveVerifiedCheckpoint(context.models, {
      position: verifier.position,
      hash: verifier.hash,
    });
  }
  return {
    events: count,
    reports: documents.length,
    agencies: agencies.size,
    checkpoint: follower.checkpoint,
  };
}
