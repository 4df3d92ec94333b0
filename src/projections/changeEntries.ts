// The audit entries (one per figure change, one per other event) an event produces.
import type { RecordedEvent } from '../../events/store/types';
import { changeKindOf } from '../../events/report/evolve';
import { asReportEvent } from '../../events/report/recordedReportEvent';
import type {
  FigureState,
  MaybeReportState,
  NarrativeSectionState,
  ReportState,
} from '../../events/report/reportState';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';

const SECTION_PREFIX = 'section:';

export function sectionKey(sectionId: string): string {
  return `${SECTION_PREFIX}${sectionId}`;
}

/** The `_id` of the entry that event `eventId` wrote for `key` (null: the event itself). */
export function changeEntryId(eventId: string, key: string | null): string {
  return `${eventId}:${key ?? '*'}`;
}

/** An import writes no section entries: a section as imported at revision 0 has none yet. */
function sectionImported(section: NarrativeSectionState): boolean {
  return section.lastChange.kind === 'import' && section.lastChange.revision === 0;
}

/**
 * For each key a view of the report holds (figures and narrative sections), the `_id` of the
 * entry its last change wrote; null for a section still as imported (no entry yet).
 */
export function lastEntryIds(state: {
  figures: readonly FigureState[];
  narrative: readonly NarrativeSectionState[];
}): Map<string, string | null> {
  const byKey = new Map<string, string | null>();
  for (const figure of state.figures) {
    byKey.set(figure.key, changeEntryId(figure.lastChange.eventId, figure.key));
  }
  for (const section of state.narrative) {
    const key = sectionKey(section.id);
    byKey.set(
      key,
      sectionImported(section) ? null : changeEntryId(section.lastChange.eventId, key),
    );
  }
  return byKey;
}

/**
 * For each key, the id of the entry that the report's last change of that key wrote, read from
 * the state before an event: what a change of the key by that event supersedes. `undefined`
 * when the state cannot tell (the history then falls back to querying by key):
 * - a narrative section that is not in the state may have been deleted after earlier entries;
 * - a ReportImported over an existing state replaces it, so an absent key may have entries.
 * A figure key absent from a state otherwise has none (figures are never removed).
 */
function previousEntryIdsOf(
  event: RecordedEvent,
  before: MaybeReportState,
): (key: string) => string | null | undefined {
  if (before === null) return () => null;
  let byKey: Map<string, string | null> | null = null;
  return (key) => {
    byKey ??= lastEntryIds(before);
    if (byKey.has(key)) return byKey.get(key);
    if (key.startsWith(SECTION_PREFIX) || event.type === 'ReportImported') return undefined;
    return null;
  };
}

/**
 * `state` is the report as of this event (for agency and year). `before`, the report just before
 * it (null: the stream's first event), gives each keyed entry its `previousEntryId`; without it
 * (entries that are not stored: mutation payloads, the change feed) the field is left out.
 */
export function changeEntriesOf(
  event: RecordedEvent,
  state: ReportState,
  before?: MaybeReportState,
): ChangeEntryDocument[] {
  const kind = changeKindOf(event);
  if (kind === null) return [];
  const previousOf = before === undefined ? () => undefined : previousEntryIdsOf(event, before);
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
  ): ChangeEntryDocument => {
    const document: ChangeEntryDocument = {
      _id: changeEntryId(event.eventId, key),
      ...base,
      key,
      from,
      to,
    };
    if (key === null) return document;
    // Left out, not undefined: the driver would store undefined as null ("no earlier entry").
    const previousEntryId = previousOf(key);
    return previousEntryId === undefined ? document : { ...document, previousEntryId };
  };
  const typed = asReportEvent(event);
  switch (typed?.type) {
    case 'ReportImported': {
      const { data } = typed;
      return [
        ...data.figures.map((cell) => entry(cell.key, null, cell.value)),
        ...data.narrativeFigures.map((figure) => entry(figure.key, null, figure.value)),
      ];
    }
    case 'FiguresEdited': {
      const { review } = typed.data;
      return typed.data.changes.map((change) => {
        const document = entry(change.key, change.from, change.to);
        // Left out, not null, on a direct edit (as previousEntryId): older entries have none.
        return review ? { ...document, review } : document;
      });
    }
    case 'NarrativeEdited':
      return typed.data.sections.map((section) =>
        entry(sectionKey(section.sectionId), section.from, section.to),
      );
    case 'ChangeReverted': {
      const { data } = typed;
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
