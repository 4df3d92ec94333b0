// The audit entries (one per figure change, one per other event) an event produces.
import type { RecordedEvent } from '../../events/store/types';
import type {
  ChangeRevertedData,
  FiguresEditedData,
  NarrativeEditedData,
  ReportImportedData,
} from '../../events/report/eventCatalog';
import { changeKindOf } from '../../events/report/evolve';
import type { ReportState } from '../../events/report/reportState';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';

export function sectionKey(sectionId: string): string {
  return `section:${sectionId}`;
}

/** `state` is the report as of this event (for agency and year). */
export function changeEntriesOf(event: RecordedEvent, state: ReportState): ChangeEntryDocument[] {
  const kind = changeKindOf(event);
  if (kind === null) return [];
  const base = {
    eventId: event.eventId,
    eventType: event.type,
    position: event.position,
    reportId: state.reportId,
    agencyId: state.agencyId,
    agency: state.agency,
    year: state.year,
    revision: event.revision,
    kind,
    actor: { id: event.metadata.actor.id, name: event.metadata.actor.name },
    reason: event.metadata.reason ?? null,
    recordedAt: new Date(event.recordedAt),
    revertedEventId: null as string | null,
  };
  const entry = (
    key: string | null,
    from: string | null,
    to: string | null,
  ): ChangeEntryDocument => ({
    _id: `${event.eventId}:${key ?? '*'}`,
    ...base,
    key,
    from,
    to,
  });
  switch (event.type) {
    case 'ReportImported': {
      const data = event.data as ReportImportedData;
      return [
        ...data.figures.map((cell) => entry(cell.key, null, cell.value)),
        ...data.narrativeFigures.map((figure) => entry(figure.key, null, figure.value)),
      ];
    }
    case 'FiguresEdited':
      return (event.data as FiguresEditedData).changes.map((change) =>
        entry(change.key, change.from, change.to),
      );
    case 'NarrativeEdited':
      return (event.data as NarrativeEditedData).sections.map((section) =>
        entry(sectionKey(section.sectionId), section.from, section.to),
      );
    case 'ChangeReverted': {
      const data = event.data as ChangeRevertedData;
      base.revertedEventId = data.revertedEventId;
      return [
        ...data.changes.map((change) => entry(change.key, change.from, change.to)),
        ...data.sections.map((section) =>
          entry(sectionKey(section.sectionId), section.from, section.to),
        ),
      ];
    }
    default:
      return [entry(null, null, null)];
  }
}
