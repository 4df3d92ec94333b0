// The stored shape of the per-report read model. In memory every figure carries its last
// change; on disk figures point into one `changeRefs` list instead, because after an import all
// 200 figures share one change and repeating it makes the document ~40% larger — and a
// MongoDB-wire server like FerretDB spends time in proportion to document size.
import type {
  ChangeRef,
  FigureState,
  NarrativeSectionState,
} from '../../events/report/reportState';
import { fold } from '../../events/report/evolve';
import type { ReadModels } from '../../models/readModels';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { readDocumentOf, stateOf } from './readModelDocument';
import { eventsAfter } from './reportRevisions';

type Stored<T> = Omit<T, 'lastChange'> & { lastChangeRef: number };

export type StoredReportDocument = Omit<ReportReadDocument, 'figures' | 'narrative'> & {
  figures: Array<Stored<FigureState>>;
  narrative: Array<Stored<NarrativeSectionState>>;
  changeRefs: ChangeRef[];
};

export function compactReportDocument(document: ReportReadDocument): StoredReportDocument {
  const refs: ChangeRef[] = [];
  const indexByEvent = new Map<string, number>();
  const refOf = (change: ChangeRef): number => {
    const known = indexByEvent.get(change.eventId);
    if (known !== undefined) return known;
    indexByEvent.set(change.eventId, refs.length);
    refs.push(change);
    return refs.length - 1;
  };
  const compact = <T extends { lastChange: ChangeRef }>(item: T): Stored<T> => {
    const { lastChange, ...rest } = item;
    return { ...rest, lastChangeRef: refOf(lastChange) };
  };
  return {
    ...document,
    figures: document.figures.map(compact),
    narrative: document.narrative.map(compact),
    changeRefs: refs,
  };
}

export function expandReportDocument(stored: StoredReportDocument): ReportReadDocument {
  const expand = <T extends { lastChangeRef: number }>(item: T) => {
    const { lastChangeRef, ...rest } = item;
    return { ...rest, lastChange: stored.changeRefs[lastChangeRef] };
  };
  const { changeRefs: _refs, ...document } = stored;
  return {
    ...document,
    figures: stored.figures.map(expand) as FigureState[],
    narrative: stored.narrative.map(expand) as NarrativeSectionState[],
  };
}

/** The stored full documents (expanded) of these ids, as written: maybe behind their revisions. */
export async function findStoredDocuments(
  models: ReadModels,
  ids: readonly string[],
): Promise<ReportReadDocument[]> {
  if (ids.length === 0) return [];
  const stored = await models.reports.collection
    .find({ _id: { $in: [...ids] } } as never)
    .toArray();
  return (stored as unknown as StoredReportDocument[]).map(expandReportDocument);
}

/** `documents` brought forward by the revision documents written after them. */
export async function withLaterRevisions(
  models: ReadModels,
  documents: readonly ReportReadDocument[],
): Promise<ReportReadDocument[]> {
  if (documents.length === 0) return [];
  const later = await eventsAfter(
    models,
    new Map(documents.map((document) => [document._id, document.revision])),
  );
  return documents.map((document) => {
    const events = later.get(document._id);
    if (!events || events.length === 0) return document;
    const state = fold(stateOf(document), events);
    return state ? readDocumentOf(state) : document;
  });
}

/**
 * The current read models of these ids (stored document + the revisions after it): what every
 * reader sees. Never goes back in revision: revision documents are insert-only.
 */
export async function findReportDocuments(
  models: ReadModels,
  ids: readonly string[],
): Promise<ReportReadDocument[]> {
  return withLaterRevisions(models, await findStoredDocuments(models, ids));
}

export async function findReportDocument(
  models: ReadModels,
  reportId: string,
): Promise<ReportReadDocument | null> {
  const [document] = await findReportDocuments(models, [reportId]);
  return document ?? null;
}
