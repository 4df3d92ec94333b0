// Agencies ordered by name as Chinese readers expect (pinyin collation), as a rank per agency
// ordinal so that sorting 100k reports compares integers. Recomputed when agencies are added.
import type { CorpusIndex } from './corpusIndex';

export const NAME_COLLATOR = new Intl.Collator('zh-Hans-CN');

const ranks = new WeakMap<CorpusIndex, { count: number; rank: Int32Array }>();

export function agencyNameRanks(index: CorpusIndex): Int32Array {
  const cached = ranks.get(index);
  if (cached && cached.count === index.agencies.length) return cached.rank;
  const order = index.agencies
    .map((agency) => agency.ordinal)
    .sort(
      (a, b) =>
        NAME_COLLATOR.compare(index.agencies[a].name, index.agencies[b].name) ||
        index.agencies[a].agencyId.localeCompare(index.agencies[b].agencyId),
    );
  const rank = new Int32Array(index.agencies.length);
  order.forEach((ordinal, position) => {
    rank[ordinal] = position;
  });
  ranks.set(index, { count: index.agencies.length, rank });
  return rank;
}
