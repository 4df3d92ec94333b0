// One report command, one step (Emmett's command handler): load the state to decide on, decide
// (pure), append once with that state's revision as expectedRevision, project once, and return
// the projected read model and audit entries. Nothing before the append writes.
// The state comes from this process's read-model cache (kept current by the command path and
// the log follower) checked against the insert-only revision documents: no stream read in the
// usual case. It may still be behind the stream (another process's append whose projection is
// under way, or whose writer died before projecting); then decide or the append reports a
// conflict, and the handler reads the stream after its read model, folds that tail in memory
// and decides again. The append's expectedRevision is what makes deciding on a cached state
// safe: the store accepts it only at the stream's real head.
// Commands of one report run one at a time in this process (ReportQueues); an edit names the
// revision its caller saw and decide refuses it only when what it changes moved since then, so
// a lost append race is decided again on the new head, not returned as a conflict.
import { decide } from '../../events/report/decide';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import { fold } from '../../events/report/evolve';
import type { DecidedReportEvent } from '../../events/report/eventCatalog';
import { reportStreamId } from '../../events/report/ids';
import type { ReportCommand } from '../../events/report/commands';
import type { MaybeReportState, ReportState } from '../../events/report/reportState';
import {
  InvalidAppendError,
  WrongExpectedRevision,
  type RecordedEvent,
} from '../../events/store/types';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { changeEntriesOf } from '../projections/changeEntries';
import {
  currentDocument,
  projectAppended,
  projectReport,
  streamTail,
} from '../projections/projectReport';
import type { ProjectionContext } from '../projections/projectionContext';
import { readDocumentOf, stateOf } from '../projections/readModelDocument';
import type { ClientMutations } from './clientMutations';
import { newEventsOf } from './commandEvents';
import type { MutationOutcome, PreparedCommand, RequestMeta } from './commandTypes';

/**
 * Times a command is decided again after the stream moved under it. Commands for one report in
 * this process run one at a time (ReportQueues), so these retries race only other processes;
 * figure-level decisions make a retry succeed unless the caller's own figures moved.
 */
const MAX_ATTEMPTS = 24;

/** A short random pause before deciding again, growing with the attempt (spreads the racers). */
function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 * attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One queue per report: this process decides and appends one command of a report at a time, so
 * its own editors never fail each other's expected-revision appends (each decides on the cache
 * the one before projected). Queues are dropped when they drain.
 */
class ReportQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(reportId: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(reportId) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(reportId, tail);
    void tail.then(() => {
      if (this.tails.get(reportId) === tail) this.tails.delete(reportId);
    });
    return result;
  }
}

/** The read model a command decides on, and the stream's events it does not have yet. */
interface LoadedState {
  document: ReportReadDocument | null;
  tail: RecordedEvent[];
  state: MaybeReportState;
  /** True once the tail was read from the stream (the state is the stream's head as of then). */
  fromStream: boolean;
}

/** This process's latest read model as it is (no query when cached); see the header. */
async function loadFromCache(context: ProjectionContext, reportId: string): Promise<LoadedState> {
  const document = context.cache?.get(reportId) ?? (await currentDocument(context, reportId));
  return { document, tail: [], state: document ? stateOf(document) : null, fromStream: false };
}

async function loadFromStream(context: ProjectionContext, reportId: string): Promise<LoadedState> {
  const document = await currentDocument(context, reportId);
  const tail = await streamTail(context, reportId, document);
  const state = fold(document ? stateOf(document) : null, tail);
  return { document, tail, state, fromStream: true };
}

/** The outcome of a replayed clientMutationId: the first call's events on the current report. */
export async function replayOutcome(
  context: ProjectionContext,
  reportId: string,
  events: RecordedEvent[],
): Promise<MutationOutcome> {
  const report = await projectReport(context, reportId);
  if (!report) throw new ReportNotFoundError(`no report with id ${reportId}`, 'reportId');
  return {
    report,
    events,
    changes: events.flatMap((event) => changeEntriesOf(event, stateOf(report))),
    replayed: true,
  };
}

export interface ReportCommandRequest {
  prepared: PreparedCommand;
  meta: RequestMeta;
  /** The command for the loaded state (null: the report does not exist yet). */
  command: (state: MaybeReportState) => ReportCommand;
  /** Checks on the loaded state before deciding (authorisation); may throw. */
  authorise?: (state: ReportState | null) => void;
  /** The caller looked for a replay of its clientMutationId already. */
  replayChecked?: boolean;
}

export class ReportCommandHandler {
  private readonly queues = new ReportQueues();

  constructor(
    private readonly context: ProjectionContext,
    private readonly mutations: ClientMutations,
  ) {}

  handle(request: ReportCommandRequest): Promise<MutationOutcome> {
    return this.queues.run(request.prepared.reportId, () => this.handleNow(request));
  }

  private async handleNow(request: ReportCommandRequest): Promise<MutationOutcome> {
    const { prepared, meta } = request;
    const { reportId } = prepared;
    let loaded = await loadFromCache(this.context, reportId);
    request.authorise?.(loaded.state);
    const replay = request.replayChecked ? null : await this.mutations.findReplay(prepared);
    if (replay) return replayOutcome(this.context, replay.reportId, replay.events);
    let recorded = false;
    for (let attempt = 1; ; attempt++) {
      let decided: DecidedReportEvent[];
      try {
        decided = decide(request.command(loaded.state), loaded.state);
      } catch (error) {
        // A cached state behind the stream fails the revision check: look at the stream first.
        if (error instanceof RevisionConflictError && !loaded.fromStream) {
          loaded = await loadFromStream(this.context, reportId);
          continue;
        }
        if (recorded) await this.mutations.forget(prepared);
        throw error;
      }
      if (decided.length === 0) {
        if (recorded) await this.mutations.forget(prepared);
        if (!loaded.state)
          throw new ReportNotFoundError(`no report with id ${reportId}`, 'reportId');
        return {
          report: loaded.tail.length > 0 ? readDocumentOf(loaded.state) : loaded.document!,
          events: [],
          changes: [],
          replayed: false,
        };
      }
      if (!recorded) {
        await this.mutations.record(prepared);
        recorded = true;
      }
      const expectedRevision = loaded.state ? loaded.state.revision : 'no_stream';
      let appended: { events: RecordedEvent[]; alreadyAppended: boolean };
      try {
        appended = await this.context.store.appendToStream(
          reportStreamId(reportId),
          newEventsOf(decided, prepared, meta),
          { expectedRevision },
        );
      } catch (error) {
        if (error instanceof WrongExpectedRevision && attempt < MAX_ATTEMPTS) {
          // Another writer got in first: decide again on the stream's new head (decide reports
          // a conflict only when what this command changes was changed after the caller's
          // expectedRevision).
          await backoff(attempt);
          loaded = await loadFromStream(this.context, reportId);
          continue;
        }
        await this.mutations.forget(prepared);
        throw appendError(error, expectedRevision);
      }
      if (appended.alreadyAppended) {
        return {
          ...(await replayOutcome(this.context, reportId, appended.events)),
          replayed: true,
        };
      }
      const projected = await projectAppended(this.context, loaded.document, [
        ...loaded.tail,
        ...appended.events,
      ]);
      if (!projected) throw new Error(`report ${reportId} was appended but cannot be projected`);
      const own = new Set(appended.events.map((event) => event.eventId));
      return {
        report: projected.document,
        events: appended.events,
        changes: projected.entries.filter((entry) => own.has(entry.eventId)),
        replayed: false,
      };
    }
  }
}

function appendError(error: unknown, expectedRevision: number | 'no_stream'): unknown {
  if (error instanceof WrongExpectedRevision) {
    const actual = error.actualRevision === 'no_stream' ? -1 : error.actualRevision;
    return new RevisionConflictError(
      typeof expectedRevision === 'number' ? expectedRevision : -1,
      actual,
    );
  }
  if (error instanceof InvalidAppendError) {
    return new ReportInputError(`the change is too large or malformed: ${error.message}`, 'input');
  }
  return error;
}
