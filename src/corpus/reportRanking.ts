// Orders reports for a page: by a figure's or indicator's value (blanks always last), by year or
// by agency name; ties by agency name, then newest year, then report id, so the order is total
// and a cursor (the last report of a page) says exactly where the next page starts.
import { encodeCursor, decodeCursor } from '../../resolvers/cursor';
import { agencyNameRanks } from './agencyNameOrder';
import type { CorpusMetric } from './corpusMetric';
import { CorpusInputError } from './corpusInputError';
import type { CorpusView } from './corpusView';
import { smallestK } from './topK';

export type RankBy = 'VALUE' | 'AGENCY_NAME' | 'YEAR';
export type RankDirection = 'ASC' | 'DESC';

export interface Ranking {
  by: RankBy;
  direction: RankDirection;
  /** Required for VALUE. */
  metric?: CorpusMetric | null;
}

export interface RankedPage {
  totalCount: number;
  ordinals: number[];
  hasNextPage: boolean;
  cursorOf(ordinal: number): string;
}

function comparatorOf(view: CorpusView, ranking: Ranking): (a: number, b: number) => number {
  const index = view.index;
  const names = agencyNameRanks(index);
  const sign = ranking.direction === 'DESC' ? -1 : 1;
  const byName = (a: number, b: number) =>
    names[index.agencyOfReport[a]] - names[index.agencyOfReport[b]];
  const byYear = (a: number, b: number) => index.yearOfReport[b] - index.yearOfReport[a];
  const byId = (a: number, b: number) =>
    index.reportIds[a] < index.reportIds[b] ? -1 : index.reportIds[a] > index.reportIds[b] ? 1 : 0;
  if (ranking.by === 'VALUE') {
    const metric = ranking.metric;
    if (!metric) throw new Error('ranking by value needs a metric');
    return (a, b) => {
      const x = metric.numeric(a);
      const y = metric.numeric(b);
      const xBlank = Number.isNaN(x);
      const yBlank = Number.isNaN(y);
      if (xBlank !== yBlank) return xBlank ? 1 : -1;
      if (!xBlank && x !== y) return x < y ? -sign : sign;
      return byName(a, b) || byYear(a, b) || byId(a, b);
    };
  }
  if (ranking.by === 'YEAR') {
    return (a, b) =>
      sign * (index.yearOfReport[a] - index.yearOfReport[b]) || byName(a, b) || byId(a, b);
  }
  return (a, b) => sign * byName(a, b) || byYear(a, b) || byId(a, b);
}

function orderTag(ranking: Ranking): string {
  return `${ranking.metric?.key ?? ''}|${ranking.by}|${ranking.direction}`;
}

/** One page of `selected` in ranking order, after the report the cursor names. */
export function rankReports(
  view: CorpusView,
  selected: Int32Array,
  ranking: Ranking,
  first: number,
  after: string | null,
): RankedPage {
  const compare = comparatorOf(view, ranking);
  const tag = orderTag(ranking);
  let candidates = selected;
  if (after) {
    const [cursorTag, reportId] = decodeCursor(after, ['string', 'string']);
    const ordinal = view.index.reportOrdinal(String(reportId));
    if (cursorTag !== tag || ordinal === undefined) {
      throw new CorpusInputError('BAD_CURSOR', 'not a cursor of this key and order', 'after');
    }
    candidates = selected.filter((item) => compare(item, ordinal) > 0);
  }
  const page = smallestK(candidates, first + 1, compare);
  return {
    totalCount: selected.length,
    ordinals: page.slice(0, first),
    hasNextPage: page.length > first,
    cursorOf: (ordinal) => encodeCursor([tag, view.index.reportIds[ordinal]]),
  };
}
