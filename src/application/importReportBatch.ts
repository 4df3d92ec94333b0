// Imports many documents at once (`cli import <folder>`). Documents for reports that do not
// exist yet are decided with the pure decider against no state and appended together through
// the event store's bulk path (appendToStreams: still one commit per report, hash-chained,
// idempotent by event id), with the registrations of agencies not yet known, then projected
// once for the batch. Everything else goes through LedgerServices.importReport one document at
// a time, after the batch: a report that exists keeps its three-way re-import (people's
// corrections are never undone), and so does a second document for a report the batch creates.
// One document's failure is its own: nothing of it is written, and the others go on.
import { decide } from '../../events/report/decide';
import { ReportInputError } from '../../events/report/errors';
import { agencyRegistrationAppend } from '../../events/report/agencyRegistration';
import { reportStreamId } from '../../events/report/ids';
import {
  InvalidAppendError,
  WrongExpectedRevision,
  type BulkAppendingEventStore,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
} from '../../events/store/types';
import type { Principal } from '../auth/principal';
import { projectAgencyEvents } from '../projections/projectAgency';
import type { ProjectionContext } from '../projections/projectionContext';
import { foldWithOutputs, writeSnapshots, writeSummary } from '../projections/projectReport';
import { readDocumentOf, summaryOf } from '../projections/readModelDocument';
import { insertRevision, revisionDocumentOf } from '../projections/reportRevisions';
import { compactReportDocument } from '../projections/storedReport';
import { writeChangeEntries } from '../projections/writeChangeEntries';
import { ClientMutations } from './clientMutations';
import { newEventsOf } from './commandEvents';
import type {
  ImportReportInput,
  MutationOutcome,
  PreparedCommand,
  RequestMeta,
} from './commandTypes';
import type { DocumentParser } from './documentParser';
import { prepareImport } from './importReport';
import type { ParsedReport } from '../domain/importer/types';

const DUPLICATE_KEY = 11000;
/** Ids per `$in` (FerretDB answers `$in` on `_id` from the primary key). */
const IDS_PER_QUERY = 100;
/** Full documents (~68 KB each) per insertMany, well under the 48 MB message limit. */
const DOCUMENTS_PER_INSERT = 100;

/** What became of one document of a batch, in the order given. */
export type BatchImportOutcome =
  { ok: true; outcome: MutationOutcome } | { ok: false; error: Error };

/** The per-report path, for documents the batch does not create a report for. */
export type SingleReportImport = (
  principal: Principal,
  input: ImportReportInput,
  meta: RequestMeta,
) => Promise<MutationOutcome>;

export interface ReportBatchImporterOptions {
  parseDocument: DocumentParser;
  maxDocumentLength?: number;
}

/** A document of the batch that creates its report. */
interface NewReport {
  index: number;
  prepared: PreparedCommand;
  agencyId: string;
  agency: string;
  events: NewEvent[];
}

type Checked =
  | { kind: 'failed'; error: Error }
  | {
      kind: 'checked';
      prepared: PreparedCommand;
      parsed: ParsedReport;
      agency: string;
      agencyId: string;
      year: number;
    };

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** As the command handler reports a failed append: a stable input error, never a driver one. */
function appendError(error: Error): Error {
  if (error instanceof InvalidAppendError) {
    return new ReportInputError(`the change is too large or malformed: ${error.message}`, 'input');
  }
  return error;
}

/** Which of `ids` have a document in `collection` (by `_id` only: the fast lookup). */
async function existingIds(
  collection: {
    find(filter: object, options: object): { toArray(): Promise<Array<{ _id: unknown }>> };
  },
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const chunk = unique.slice(start, start + IDS_PER_QUERY);
    const documents = await collection
      .find({ _id: { $in: chunk } }, { projection: { _id: 1 } })
      .toArray();
    for (const document of documents) found.add(String(document._id));
  }
  return found;
}

/** Inserts (unordered); documents whose `_id` is taken (another projector) are returned. */
async function insertNew<T extends { _id: string }>(
  collection: { insertMany(documents: never[], options: object): Promise<unknown> },
  documents: readonly T[],
): Promise<T[]> {
  const taken: T[] = [];
  for (let start = 0; start < documents.length; start += DOCUMENTS_PER_INSERT) {
    const chunk = documents.slice(start, start + DOCUMENTS_PER_INSERT);
    try {
      await collection.insertMany(chunk as never[], { ordered: false });
    } catch (error) {
      const writeErrors = (
        error as {
          writeErrors?: Array<{
            code?: number;
            index?: number;
            err?: { code?: number; index?: number };
          }>;
        }
      ).writeErrors;
      const code = (error as { code?: number }).code;
      if (!Array.isArray(writeErrors) || writeErrors.length === 0) {
        if (code === DUPLICATE_KEY && chunk.length === 1) {
          taken.push(chunk[0] as T);
          continue;
        }
        throw error;
      }
      for (const writeError of writeErrors) {
        const index = writeError.index ?? writeError.err?.index;
        if (
          (writeError.code ?? writeError.err?.code) !== DUPLICATE_KEY ||
          typeof index !== 'number'
        )
          throw error;
        taken.push(chunk[index] as T);
      }
    }
  }
  return taken;
}

export class ReportBatchImporter {
  private readonly mutations: ClientMutations;

  constructor(
    private readonly context: ProjectionContext,
    private readonly store: BulkAppendingEventStore,
    private readonly importOne: SingleReportImport,
    private readonly options: ReportBatchImporterOptions,
  ) {
    this.mutations = new ClientMutations(context);
  }

  /** Checks, parses and names the report of each document, as LedgerServices.importReport. */
  private check(principal: Principal, input: ImportReportInput): Checked {
    try {
      const checked = prepareImport(
        principal,
        input,
        this.options.parseDocument,
        this.options.maxDocumentLength,
      );
      return { kind: 'checked', ...checked };
    } catch (error) {
      return { kind: 'failed', error: asError(error) };
    }
  }

  /** Imports `inputs`; the outcomes come back in their order, one per document. */
  async importReports(
    principal: Principal,
    inputs: readonly ImportReportInput[],
    meta: RequestMeta = {},
  ): Promise<BatchImportOutcome[]> {
    const outcomes: Array<BatchImportOutcome | undefined> = inputs.map(() => undefined);
    const checked = inputs.map((input) => this.check(principal, input));
    checked.forEach((item, index) => {
      if (item.kind === 'failed') outcomes[index] = { ok: false, error: item.error };
    });

    // Reports with a list summary exist; the others are created here, by their first document.
    const reportIds = checked.flatMap((item) =>
      item.kind === 'checked' ? [item.prepared.reportId] : [],
    );
    const existing = await existingIds(this.context.models.summaries.collection, reportIds);
    const claimed = new Set<string>();
    const creating: NewReport[] = [];
    const oneByOne: number[] = [];
    for (const [index, item] of checked.entries()) {
      if (item.kind !== 'checked') continue;
      const { reportId } = item.prepared;
      if (existing.has(reportId) || claimed.has(reportId)) {
        oneByOne.push(index);
        continue;
      }
      claimed.add(reportId);
      try {
        const decided = decide(
          {
            type: 'ImportReport',
            reportId,
            agencyId: item.agencyId,
            agency: item.agency,
            year: item.year,
            sourceUrl: inputs[index]?.sourceUrl ?? null,
            parsed: item.parsed,
          },
          null,
        );
        creating.push({
          index,
          prepared: item.prepared,
          agencyId: item.agencyId,
          agency: item.agency,
          events: newEventsOf(decided, item.prepared, meta),
        });
      } catch (error) {
        outcomes[index] = { ok: false, error: asError(error) };
      }
    }

    const retry = await this.createReports(creating, outcomes);
    // After the batch: a report it created is there for a second document's re-import.
    for (const index of [...oneByOne, ...retry].sort((a, b) => a - b)) {
      try {
        outcomes[index] = {
          ok: true,
          outcome: await this.importOne(principal, inputs[index] as ImportReportInput, meta),
        };
      } catch (error) {
        outcomes[index] = { ok: false, error: asError(error) };
      }
    }
    return outcomes.map(
      (outcome, index) =>
        outcome ?? { ok: false, error: new Error(`document ${index} was not imported (a bug)`) },
    );
  }

  /**
   * Appends the new reports (and unknown agencies) in one bulk call and projects them; returns
   * the documents to import one by one instead (their report turned out to exist).
   */
  private async createReports(
    creating: NewReport[],
    outcomes: Array<BatchImportOutcome | undefined>,
  ): Promise<number[]> {
    if (creating.length === 0) return [];
    // The mutation record comes before the append, as on the command path; an id used with
    // another input fails its document only.
    const recorded: NewReport[] = [];
    for (const report of creating) {
      try {
        await this.mutations.record(report.prepared);
        recorded.push(report);
      } catch (error) {
        outcomes[report.index] = { ok: false, error: asError(error) };
      }
    }
    const known = await existingIds(
      this.context.models.agencies.collection,
      recorded.map((report) => report.agencyId),
    );
    const agencyAppends = new Map<string, StreamAppend>();
    for (const report of recorded) {
      if (known.has(report.agencyId) || agencyAppends.has(report.agencyId)) continue;
      agencyAppends.set(
        report.agencyId,
        agencyRegistrationAppend(
          report.agencyId,
          report.agency,
          report.prepared.actor,
          report.prepared.reason,
        ),
      );
    }
    const agencyList = [...agencyAppends.values()];
    const stored = await this.store.appendToStreams([
      ...agencyList,
      ...recorded.map((report) => ({
        streamId: reportStreamId(report.prepared.reportId),
        events: report.events,
        expectedRevision: 'no_stream' as const,
      })),
    ]);
    await this.projectAgencies(agencyList, stored.slice(0, agencyList.length));

    const retry: number[] = [];
    const appended: Array<{ report: NewReport; events: RecordedEvent[]; repeat: boolean }> = [];
    for (const [offset, report] of recorded.entries()) {
      const outcome = stored[agencyList.length + offset] as StreamAppendOutcome;
      if (outcome.ok) {
        appended.push({
          report,
          events: outcome.result.events,
          repeat: outcome.result.alreadyAppended,
        });
        continue;
      }
      await this.mutations.forget(report.prepared);
      // Another writer created the report meanwhile: a re-import then, one by one.
      if (outcome.error instanceof WrongExpectedRevision) retry.push(report.index);
      else outcomes[report.index] = { ok: false, error: appendError(outcome.error) };
    }
    const projected = await this.projectNewReports(appended.map((item) => item.events));
    for (const [offset, { report, events, repeat }] of appended.entries()) {
      const result = projected[offset];
      if (!result) {
        outcomes[report.index] = {
          ok: false,
          error: new Error(
            `report ${report.prepared.reportId} was appended but cannot be projected`,
          ),
        };
        continue;
      }
      const own = new Set(events.map((event) => event.eventId));
      outcomes[report.index] = {
        ok: true,
        outcome: {
          report: result.document,
          events,
          changes: result.entries.filter((entry) => own.has(entry.eventId)),
          // Every event id was stored already: an earlier run stopped after its append.
          replayed: repeat,
        },
      };
    }
    return retry;
  }

  /** As LedgerServices.ensureAgency: a registration already there is read back and projected. */
  private async projectAgencies(
    appends: readonly StreamAppend[],
    outcomes: readonly StreamAppendOutcome[],
  ): Promise<void> {
    const events: RecordedEvent[] = [];
    for (const [index, append] of appends.entries()) {
      const outcome = outcomes[index] as StreamAppendOutcome;
      if (outcome.ok) events.push(...outcome.result.events);
      else if (outcome.error instanceof WrongExpectedRevision)
        events.push(...(await this.store.readStream(append.streamId, { toRevision: 0 })));
      else throw outcome.error;
    }
    if (events.length > 0) await projectAgencyEvents(this.context, events);
  }

  /**
   * Projects new reports' first events once for all of them, in projectAppended's order: audit
   * entries and snapshots, then the full documents, then the list summaries, so a crash in
   * between leaves read models behind their entries, never ahead.
   */
  private async projectNewReports(streams: ReadonlyArray<readonly RecordedEvent[]>): Promise<
    Array<{
      document: ReturnType<typeof readDocumentOf>;
      entries: ReturnType<typeof foldWithOutputs>['entries'];
    } | null>
  > {
    const folded = streams.map((events) => ({
      events,
      ...foldWithOutputs(null, events, this.context.snapshotEvery),
    }));
    await writeChangeEntries(
      this.context.models.changes,
      folded.flatMap((item) => item.entries),
    );
    await writeSnapshots(
      this.context,
      folded.flatMap((item) => item.snapshots),
    );
    const states = folded.flatMap((item) => (item.state ? [item.state] : []));
    const documents = states.map(readDocumentOf);
    await insertNew(this.context.models.reports.collection, documents.map(compactReportDocument));
    for (const item of folded) {
      // As projectAppended: events after the first are carried by a revision document.
      const later = item.events.filter((event) => event.revision > 0);
      if (item.state && later.length > 0)
        await insertRevision(this.context.models, revisionDocumentOf(item.state.reportId, later));
    }
    const taken = await insertNew(this.context.models.summaries.collection, states.map(summaryOf));
    const byId = new Map(states.map((state) => [state.reportId, state]));
    for (const summary of taken) {
      const state = byId.get(summary._id);
      if (state) await writeSummary(this.context, state);
    }
    for (const document of documents) this.context.cache?.set(document);
    return folded.map((item) =>
      item.state ? { document: readDocumentOf(item.state), entries: item.entries } : null,
    );
  }
}
