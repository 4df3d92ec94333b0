// Which reports have failed rules, for `reports(filter: { hasFailedRules })`: the rules are
// counted per revision into the report summaries (the corpus index holds figures, not rule
// results: judging every report's rules while folding the log would cost ~10 ms a report).
// One query over the small summary documents; MongoDB answers it from the failedRuleCount
// index, FerretDB by scanning the summaries (about as the former list query did).
import type { ReadModels } from '../../models/readModels';

export async function reportIdsWithFailedRules(models: ReadModels): Promise<Set<string>> {
  const rows = await models.summaries.collection
    .find({ failedRuleCount: { $gt: 0 } } as never, { projection: { _id: 1 } })
    .toArray();
  return new Set(rows.map((row) => String(row._id)));
}
