// Loads a corpus for the bench through the real event store: per agency a registration, per
// (agency, year) a report decided by the real decider from generated values, and for one report
// in `editEvery` an edit, appended with the bulk path (one commit per append). Stored events are
// handed to `onStored` in position order (the bench folds them into a corpus index as they come,
// rather than reading 100k import commits back).
import { decide } from '../../events/report/decide';
import { SCHEMA_VERSIONS, type DecidedReportEvent } from '../../events/report/eventCatalog';
import { evolve } from '../../events/report/evolve';
import { agencyIdFor, reportIdFor, reportStreamId } from '../../events/report/ids';
import type {
  BulkAppendingEventStore,
  NewEvent,
  RecordedEvent,
  StreamAppend,
  StreamAppendOutcome,
} from '../../events/store/types';
import { generateEdit } from './edits';
import { generateFigureValues } from './figureValues';
import { createRandom } from './prng';
import { parsedReportOf } from './syntheticReport';
import { agencyRegistrationAppend } from '../../events/report/agencyRegistration';

const ACTOR = { id: 'bench:corpus', name: '基准语料生成器' };

export interface CorpusLedgerOptions {
  agencies: readonly string[];
  years: readonly number[];
  seed: number;
  /** One report in this many gets an edit after its import. */
  editEvery: number;
  /** Reports per appendToStreams call. */
  reportsPerCall?: number;
  onStored: (events: RecordedEvent[]) => void;
  onProgress?: (reports: number) => void;
}

function newEvent(decided: DecidedReportEvent, reason: string): NewEvent {
  return {
    type: decided.type,
    schemaVersion: SCHEMA_VERSIONS[decided.type],
    data: decided.data,
    metadata: { actor: ACTOR, reason },
  };
}

function reportAppend(agency: string, year: number, seed: number, edit: boolean): StreamAppend {
  const random = createRandom(seed);
  const reportId = reportIdFor(agency, year);
  const values = generateFigureValues(random);
  const imported = decide(
    {
      type: 'ImportReport',
      reportId,
      agencyId: agencyIdFor(agency),
      agency,
      year,
      sourceUrl: null,
      parsed: parsedReportOf(agency, year, values),
    },
    null,
  );
  const events = imported.map((event) => newEvent(event, '基准语料导入'));
  if (edit) {
    // The decider needs the state the import leaves: fold it (no store involved).
    let state = null as ReturnType<typeof evolve>;
    imported.forEach((event, revision) => {
      state = evolve(state, {
        eventId: `provisional-${revision}`,
        streamId: reportStreamId(reportId),
        revision,
        position: 0,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { actor: ACTOR },
        recordedAt: new Date(),
        hash: '',
        previousHash: null,
      });
    });
    const change = generateEdit(random, values);
    const edited = decide(
      { type: 'SetFigures', expectedRevision: imported.length - 1, changes: change.changes },
      state,
    );
    events.push(...edited.map((event) => newEvent(event, change.reason)));
  }
  return { streamId: reportStreamId(reportId), events, expectedRevision: 'no_stream' };
}

function storedEvents(outcomes: StreamAppendOutcome[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) throw outcome.error;
    events.push(...outcome.result.events);
  }
  return events.sort((a, b) => a.position - b.position);
}

export async function loadCorpusLedger(
  store: BulkAppendingEventStore,
  options: CorpusLedgerOptions,
): Promise<{ reports: number }> {
  const perCall = options.reportsPerCall ?? 200;
  for (let index = 0; index < options.agencies.length; index += 1000) {
    const appends = options.agencies
      .slice(index, index + 1000)
      .map((agency) =>
        agencyRegistrationAppend(agencyIdFor(agency), agency, ACTOR, '基准语料导入', 'any'),
      );
    options.onStored(storedEvents(await store.appendToStreams(appends)));
  }
  let reports = 0;
  let batch: StreamAppend[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    options.onStored(storedEvents(await store.appendToStreams(batch)));
    reports += batch.length;
    options.onProgress?.(reports);
    batch = [];
  };
  for (const year of options.years) {
    for (const [index, agency] of options.agencies.entries()) {
      const seed = options.seed * 1_000_003 + index * 101 + year;
      batch.push(reportAppend(agency, year, seed, (index + year) % options.editEvery === 0));
      if (batch.length >= perCall) await flush();
    }
  }
  await flush();
  return { reports };
}
