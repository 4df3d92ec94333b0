// Bulk loading for the bench: agencies × years × edits, decided by the real report decider
// (events/report/decide.ts) and appended through the event store's bulk path
// (appendToStreams: still one commit per append, hash-chained, with expected revisions), many
// reports per call, so a million-event log loads in minutes rather than the hours one HTTP
// mutation per event would take. The next call is decided while the previous one is stored.
// Read models are then built by the real rebuild (src/projections/rebuildProjections.ts).
import { randomUUID } from 'node:crypto';
import { decide } from '../../events/report/decide';
import { SCHEMA_VERSIONS, type DecidedReportEvent } from '../../events/report/eventCatalog';
import { evolve } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor, reportStreamId } from '../../events/report/ids';
import type { MaybeReportState } from '../../events/report/reportState';
import type {
  BulkAppendingEventStore,
  EventMetadata,
  NewEvent,
  RecordedEvent,
  StreamAppend,
  StreamAppendOutcome,
} from '../../events/store/types';
import { applyEdit, generateEdit } from './edits';
import { generateFigureValues, type FigureValueMap } from './figureValues';
import { createRandom } from './prng';
import { agencyName, parsedReportOf } from './syntheticReport';
import { agencyRegistrationAppend } from '../../events/report/agencyRegistration';

export interface SyntheticLedgerOptions {
  seed: number;
  agencies: number;
  years: readonly number[];
  editsPerReport: number;
  /** Events per append call (one commit). */
  eventsPerCommit: number;
  /** Unused since loading goes through appendToStreams (one call at a time); kept for callers. */
  concurrency?: number;
  /** Events per appendToStreams call (whole commits). Default 5000. */
  eventsPerCall?: number;
  /** Offset for agency names, so a second load adds new agencies instead of clashing. */
  firstAgency?: number;
  onProgress?: (events: number) => void;
}

export interface SyntheticReportRef {
  reportId: string;
  agency: string;
  year: number;
  revision: number;
  values: FigureValueMap;
}

export interface LoadedLedger {
  events: number;
  reports: SyntheticReportRef[];
}

const ACTOR = { id: 'bench:generator', name: '基准数据生成器' };

/** No eventId: the store generates one, and needs no lookup to know it is new. */
function toNewEvent(decided: DecidedReportEvent, reason: string): NewEvent {
  const metadata: EventMetadata = { actor: ACTOR, reason };
  return {
    type: decided.type,
    schemaVersion: SCHEMA_VERSIONS[decided.type],
    data: decided.data,
    metadata,
  };
}

/** What evolve() needs of a stored event, before the store has stored it. */
function provisional(streamId: string, revision: number, event: NewEvent): RecordedEvent {
  return {
    eventId: event.eventId ?? randomUUID(),
    streamId,
    revision,
    position: 0,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata,
    recordedAt: new Date(),
    hash: '',
    previousHash: null,
  };
}

/** The appends of one report (import, then edits in commits of eventsPerCommit events). */
function reportAppends(
  agency: string,
  year: number,
  options: SyntheticLedgerOptions,
  seed: number,
): { appends: StreamAppend[]; report: SyntheticReportRef } {
  const random = createRandom(seed);
  const agencyId = agencyIdFor(agency);
  const reportId = reportIdFor(agency, year);
  const streamId = reportStreamId(reportId);
  let values = generateFigureValues(random);
  let state: MaybeReportState = null;
  let revision = -1;
  let pending: NewEvent[] = [];
  let expected: number | 'no_stream' = 'no_stream';
  const appends: StreamAppend[] = [];

  const take = (decided: DecidedReportEvent[], reason: string): void => {
    for (const event of decided) {
      const newEvent = toNewEvent(event, reason);
      revision += 1;
      state = evolve(state, provisional(streamId, revision, newEvent));
      pending.push(newEvent);
    }
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    appends.push({ streamId, events: pending, expectedRevision: expected });
    expected = revision;
    pending = [];
  };

  take(
    decide(
      {
        type: 'ImportReport',
        reportId,
        agencyId,
        agency,
        year,
        sourceUrl: null,
        parsed: parsedReportOf(agency, year, values),
      },
      state,
    ),
    '基准数据导入',
  );
  for (let index = 0; index < options.editsPerReport; index++) {
    const edit = generateEdit(random, values);
    take(
      decide({ type: 'SetFigures', expectedRevision: revision, changes: edit.changes }, state),
      edit.reason,
    );
    values = applyEdit(values, edit);
    if (pending.length >= options.eventsPerCommit) flush();
  }
  flush();
  return { appends, report: { reportId, agency, year, revision, values } };
}

function requireStored(outcomes: StreamAppendOutcome[]): number {
  let events = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) throw outcome.error;
    if (!outcome.result.alreadyAppended) events += outcome.result.events.length;
  }
  return events;
}

export async function loadSyntheticLedger(
  store: BulkAppendingEventStore,
  options: SyntheticLedgerOptions,
): Promise<LoadedLedger> {
  const first = options.firstAgency ?? 0;
  const eventsPerCall = options.eventsPerCall ?? 5000;
  const agencies = Array.from({ length: options.agencies }, (_, index) =>
    agencyName(first + index),
  );
  let events = 0;
  for (let index = 0; index < agencies.length; index += 1000) {
    events += requireStored(
      await store.appendToStreams(
        agencies
          .slice(index, index + 1000)
          .map((agency) =>
            agencyRegistrationAppend(agencyIdFor(agency), agency, ACTOR, '基准数据导入', 'any'),
          ),
      ),
    );
  }
  const reports: SyntheticReportRef[] = [];
  let batch: StreamAppend[] = [];
  let batchEvents = 0;
  let storing: Promise<void> = Promise.resolve();
  const send = async (appends: StreamAppend[]): Promise<void> => {
    await storing;
    storing = store.appendToStreams(appends).then((outcomes) => {
      events += requireStored(outcomes);
      options.onProgress?.(events);
    });
    // Awaited before the next call (and at the end); handled here so a failure does not count
    // as unhandled while the next batch is being decided.
    storing.catch(() => undefined);
  };
  for (const [index, agency] of agencies.entries()) {
    for (const year of options.years) {
      const seed = options.seed * 1_000_003 + (first + index) * 101 + year;
      const { appends, report } = reportAppends(agency, year, options, seed);
      reports.push(report);
      batch.push(...appends);
      batchEvents += appends.reduce((sum, append) => sum + append.events.length, 0);
      if (batchEvents >= eventsPerCall) {
        await send(batch);
        batch = [];
        batchEvents = 0;
      }
    }
  }
  if (batch.length > 0) await send(batch);
  await storing;
  return { events, reports };
}
