// Bulk loading for the bench: agencies × years × edits, decided by the real report decider
// (events/report/decide.ts) and appended through the real event store API, several events per
// commit and several streams in flight, so a million-event log loads in minutes rather than
// the hours one HTTP mutation per event would take. Read models are then built by the real
// rebuild (src/projections/rebuildProjections.ts).
import { randomUUID } from 'node:crypto';
import { decide } from '../../events/report/decide';
import { SCHEMA_VERSIONS, type DecidedReportEvent } from '../../events/report/eventCatalog';
import { evolve } from '../../events/report/evolve';
import {
  agencyIdFor,
  agencyStreamId,
  reportIdFor,
  reportStreamId,
  uuidV5,
} from '../../events/report/ids';
import type { MaybeReportState } from '../../events/report/reportState';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../events/store/types';
import { applyEdit, generateEdit } from './edits';
import { generateFigureValues, type FigureValueMap } from './figureValues';
import { createRandom } from './prng';
import { agencyName, parsedReportOf } from './syntheticReport';

export interface SyntheticLedgerOptions {
  seed: number;
  agencies: number;
  years: readonly number[];
  editsPerReport: number;
  /** Events per append call (one commit). */
  eventsPerCommit: number;
  /** Streams appended to at the same time. */
  concurrency: number;
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

function toNewEvent(decided: DecidedReportEvent, reason: string): NewEvent {
  const metadata: EventMetadata = { actor: ACTOR, reason };
  return {
    eventId: randomUUID(),
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

async function loadReport(
  store: EventStore,
  agency: string,
  year: number,
  options: SyntheticLedgerOptions,
  seed: number,
): Promise<SyntheticReportRef> {
  const random = createRandom(seed);
  const agencyId = agencyIdFor(agency);
  const reportId = reportIdFor(agency, year);
  const streamId = reportStreamId(reportId);
  let values = generateFigureValues(random);
  let state: MaybeReportState = null;
  let revision = -1;
  let pending: NewEvent[] = [];
  let expected: number | 'no_stream' = 'no_stream';

  const take = (decided: DecidedReportEvent[], reason: string): void => {
    for (const event of decided) {
      const newEvent = toNewEvent(event, reason);
      revision += 1;
      state = evolve(state, provisional(streamId, revision, newEvent));
      pending.push(newEvent);
    }
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const result = await store.appendToStream(streamId, pending, { expectedRevision: expected });
    expected = result.nextExpectedRevision;
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
    if (pending.length >= options.eventsPerCommit) await flush();
  }
  await flush();
  return { reportId, agency, year, revision, values };
}

async function registerAgency(store: EventStore, agency: string): Promise<void> {
  const agencyId = agencyIdFor(agency);
  await store.appendToStream(
    agencyStreamId(agencyId),
    [
      {
        eventId: uuidV5(`agency-registered:${agencyId}`),
        type: 'AgencyRegistered',
        schemaVersion: SCHEMA_VERSIONS.AgencyRegistered,
        data: { agencyId, name: agency },
        metadata: { actor: ACTOR, reason: '基准数据导入' },
      },
    ],
    { expectedRevision: 'any' },
  );
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

export async function loadSyntheticLedger(
  store: EventStore,
  options: SyntheticLedgerOptions,
): Promise<LoadedLedger> {
  const first = options.firstAgency ?? 0;
  const agencies = Array.from({ length: options.agencies }, (_, index) =>
    agencyName(first + index),
  );
  await pool(agencies, options.concurrency, (agency) => registerAgency(store, agency));
  let events = agencies.length;
  const jobs = agencies.flatMap((agency, index) =>
    options.years.map((year) => ({
      agency,
      year,
      seed: options.seed * 1_000_003 + (first + index) * 101 + year,
    })),
  );
  const reports = await pool(jobs, options.concurrency, async (job) => {
    const report = await loadReport(store, job.agency, job.year, options, job.seed);
    events += report.revision + 1;
    options.onProgress?.(events);
    return report;
  });
  return { events, reports };
}
