// The change feed: the global log as pages, resumable from any position forever. The index
// folds the log without skipping (the log follower never passes an open hole), so a page
// "after p" holds every matching event above p that is visible, in position order, each once.
import { FIGURE_KEYS } from '../domain/format/figureCatalog';
import { CorpusInputError } from './corpusInputError';
import { checkRegionCode } from './corpusFilter';
import type { LogEntry } from './corpusIndex';
import type { CorpusView } from './corpusView';
import { checkMetricKey } from './corpusMetric';

export interface ChangeFilter {
  regionCode?: string | null;
  agencyIds?: readonly string[] | null;
  /** Figure keys: events that set any of them (an import sets all). */
  keys?: readonly string[] | null;
  /** Event types (ReportImported, FiguresEdited, …). */
  types?: readonly string[] | null;
}

export interface ChangePage {
  entries: LogEntry[];
  hasNextPage: boolean;
  /** The page is complete up to this position: resume from it when there are no edges. */
  checkpoint: number;
}

/** The cursor of a change is its global position, written in decimal. */
export function changeCursor(position: number): string {
  return String(position);
}

export function positionOfCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new CorpusInputError(
      'BAD_CURSOR',
      'a change cursor is a global position (digits)',
      'after',
    );
  }
  return Number(cursor);
}

/** Index of the first entry above `position` (entries are in position order). */
function firstAbove(log: readonly LogEntry[], position: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (log[middle].position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function changesPage(
  view: CorpusView,
  after: number,
  first: number,
  filter: ChangeFilter = {},
): ChangePage {
  if (filter.regionCode) checkRegionCode(view, filter.regionCode, 'filter.regionCode');
  filter.keys?.forEach((key, i) => {
    checkMetricKey(key, `filter.keys[${i}]`);
    if (!FIGURE_KEYS.includes(key)) {
      throw new CorpusInputError(
        'UNKNOWN_KEY',
        'the change feed filters by figure keys',
        `filter.keys[${i}]`,
      );
    }
  });
  const agencies = filter.agencyIds?.length
    ? new Set(
        filter.agencyIds
          .map((agencyId) => view.index.agencyOrdinal(agencyId))
          .filter((ordinal): ordinal is number => ordinal !== undefined),
      )
    : null;
  const keys = filter.keys?.length ? new Set(filter.keys) : null;
  const types = filter.types?.length ? new Set(filter.types) : null;
  const matches = (entry: LogEntry): boolean =>
    (!types || types.has(entry.type)) &&
    (!agencies || agencies.has(entry.agencyOrdinal)) &&
    (!filter.regionCode ||
      (entry.agencyOrdinal >= 0 &&
        view.regionPath(entry.agencyOrdinal).includes(filter.regionCode))) &&
    (!keys || entry.keys === 'all' || entry.keys.some((key) => keys.has(key)));
  const log = view.index.log;
  const entries: LogEntry[] = [];
  let i = firstAbove(log, after);
  for (; i < log.length; i++) {
    if (!matches(log[i])) continue;
    if (entries.length === first)
      return { entries, hasNextPage: true, checkpoint: entries[entries.length - 1].position };
    entries.push(log[i]);
  }
  return { entries, hasNextPage: false, checkpoint: Math.max(after, view.index.checkpoint) };
}
