// evolve(state, event) -> state: folds one stored event into a report's state. Pure.
import type { RecordedEvent } from '../store/types';
import type { FigureChangeData, NarrativeChangeData, ReportImportedData } from './eventCatalog';
import { asReportEvent } from './recordedReportEvent';
import type {
  ChangeKind,
  ChangeRef,
  FigureState,
  MaybeReportState,
  ReportState,
} from './reportState';
import { recordedSourceHashes } from './reportState';

function changeRef(event: RecordedEvent, kind: ChangeKind): ChangeRef {
  return {
    eventId: event.eventId,
    revision: event.revision,
    recordedAt: new Date(event.recordedAt),
    actor: { id: event.metadata.actor.id, name: event.metadata.actor.name },
    reason: event.metadata.reason ?? null,
    kind,
  };
}

function imported(event: RecordedEvent, data: ReportImportedData): ReportState {
  const ref = changeRef(event, 'import');
  const tableFigures: FigureState[] = data.figures.map((cell) => ({
    key: cell.key,
    value: cell.value,
    raw: cell.raw,
    marker: cell.marker,
    uncertain: cell.uncertain,
    source: cell.source,
    narrative: null,
    revision: event.revision,
    lastChange: ref,
  }));
  const narrativeFigures: FigureState[] = data.narrativeFigures.map((figure) => ({
    key: figure.key,
    value: figure.value,
    raw: figure.raw,
    marker: null,
    uncertain: false,
    source: figure.source,
    narrative: { sectionId: figure.sectionId, unit: figure.unit, sentence: figure.sentence },
    revision: event.revision,
    lastChange: ref,
  }));
  return {
    reportId: data.reportId,
    agencyId: data.agencyId,
    agency: data.agency,
    year: data.year,
    template: data.template,
    revision: event.revision,
    status: 'draft',
    importerVersion: data.importerVersion,
    sourceHash: data.sourceHash,
    recordedSourceHashes: [data.sourceHash],
    sourceUrl: data.sourceUrl,
    format: data.format,
    shape: data.shape,
    detected: data.detected,
    figures: [...tableFigures, ...narrativeFigures],
    narrative: data.narrative.map((section) => ({
      id: section.id,
      heading: section.heading,
      text: section.text,
      source: section.source,
      revision: event.revision,
      lastChange: ref,
    })),
    warnings: data.warnings,
    createdAt: ref.recordedAt,
    updatedAt: ref.recordedAt,
    lastChange: ref,
  };
}

function applyFigureChanges(
  state: ReportState,
  changes: FigureChangeData[],
  ref: ChangeRef,
): ReportState {
  const byKey = new Map(changes.map((change) => [change.key, change]));
  const figures = state.figures.map((figure) => {
    const change = byKey.get(figure.key);
    if (!change) return figure;
    byKey.delete(figure.key);
    return {
      ...figure,
      value: change.to,
      raw: change.raw,
      marker: change.marker,
      // A person's edit is a reading they vouch for; a re-import brings its own provenance.
      uncertain: change.source !== undefined ? figure.uncertain : false,
      source: change.source !== undefined ? change.source : figure.source,
      revision: ref.revision,
      lastChange: ref,
      previousValue: change.from,
    };
  });
  // Keys the report did not have yet: narrative figures a re-import found.
  for (const change of byKey.values()) {
    figures.push({
      key: change.key,
      value: change.to,
      raw: change.raw,
      marker: change.marker,
      uncertain: false,
      source: change.source ?? null,
      narrative: change.narrative ?? null,
      revision: ref.revision,
      lastChange: ref,
      previousValue: change.from,
    });
  }
  return { ...state, figures };
}

function applySectionChanges(
  state: ReportState,
  sections: NarrativeChangeData[],
  ref: ChangeRef,
): ReportState {
  const byId = new Map(sections.map((section) => [section.sectionId, section]));
  const kept = state.narrative
    .map((section) => {
      const change = byId.get(section.id);
      if (!change) return section;
      byId.delete(section.id);
      if (change.to === null) return null;
      return {
        ...section,
        heading: change.heading,
        text: change.to,
        revision: ref.revision,
        lastChange: ref,
      };
    })
    .filter((section): section is NonNullable<typeof section> => section !== null);
  const added = [...byId.values()]
    .filter((change) => change.to !== null)
    .map((change) => ({
      id: change.sectionId,
      heading: change.heading,
      text: change.to as string,
      source: null,
      revision: ref.revision,
      lastChange: ref,
    }));
  return { ...state, narrative: [...kept, ...added] };
}

function touched(state: ReportState, ref: ChangeRef): ReportState {
  return { ...state, revision: ref.revision, updatedAt: ref.recordedAt, lastChange: ref };
}

/** Folds one event. Unknown event types only advance the revision (forward compatibility). */
export function evolve(state: MaybeReportState, stored: RecordedEvent): MaybeReportState {
  const event = asReportEvent(stored);
  if (event?.type === 'ReportImported') return imported(event, event.data);
  if (state === null) return null;
  switch (event?.type) {
    case 'ReportReimported': {
      const { data } = event;
      const ref = changeRef(event, 'reimport');
      return touched(
        {
          ...state,
          importerVersion: data.importerVersion,
          sourceHash: data.sourceHash,
          recordedSourceHashes: [
            ...recordedSourceHashes(state).filter((hash) => hash !== data.sourceHash),
            data.sourceHash,
          ],
          sourceUrl: data.sourceUrl ?? state.sourceUrl,
          format: data.format,
          shape: data.shape,
          template: data.template ?? state.template,
          warnings: data.warnings,
        },
        ref,
      );
    }
    case 'FiguresEdited': {
      const { data } = event;
      const ref = changeRef(event, data.cause === 'reimport' ? 'reimport' : 'edit');
      return touched(applyFigureChanges(state, data.changes, ref), ref);
    }
    case 'NarrativeEdited': {
      const { data } = event;
      const ref = changeRef(event, data.cause === 'reimport' ? 'reimport' : 'narrative');
      return touched(applySectionChanges(state, data.sections, ref), ref);
    }
    case 'ChangeReverted': {
      const { data } = event;
      const ref = changeRef(event, 'revert');
      const withFigures = applyFigureChanges(state, data.changes, ref);
      return touched(applySectionChanges(withFigures, data.sections, ref), ref);
    }
    case 'ReportPublished':
      return touched({ ...state, status: 'published' }, changeRef(event, 'publish'));
    case 'ReportWithdrawn':
      return touched({ ...state, status: 'withdrawn' }, changeRef(event, 'withdraw'));
    default:
      return { ...state, revision: stored.revision };
  }
}

export function fold(state: MaybeReportState, events: readonly RecordedEvent[]): MaybeReportState {
  return events.reduce<MaybeReportState>(evolve, state);
}

/** The kind of audit entry an event produces. */
export function changeKindOf(stored: RecordedEvent): ChangeKind | null {
  const event = asReportEvent(stored);
  switch (event?.type) {
    case 'ReportImported':
      return 'import';
    case 'ReportReimported':
      return 'reimport';
    case 'FiguresEdited':
      return event.data.cause === 'reimport' ? 'reimport' : 'edit';
    case 'NarrativeEdited':
      return event.data.cause === 'reimport' ? 'reimport' : 'narrative';
    case 'ChangeReverted':
      return 'revert';
    case 'ReportPublished':
      return 'publish';
    case 'ReportWithdrawn':
      return 'withdraw';
    default:
      return null;
  }
}
