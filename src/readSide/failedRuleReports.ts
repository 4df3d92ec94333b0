// Which reports have failed rules, for `reports(filter: { hasFailedRules })`, counted as each
// report's ruleStatus counts them: its own rules and the cross-year rules.
// - Own rules are counted per revision into the report summaries (the corpus index holds
//   figures, not rule results: judging every report's rules while folding the log would cost
//   ~10 ms a report). One query over the small summary documents; MongoDB answers it from the
//   failedRuleCount index, FerretDB by scanning the summaries.
// - Cross-year rules depend on last year's report too, so no summary can hold their result:
//   they are judged over the corpus index (src/corpus/crossYearRuleFailures.ts), again only
//   when a report or one of the figures they read changed, and kept for reports whose template
//   has rules (read from their summaries by id).
import type { ReadModels } from '../../models/readModels';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { CorpusView } from '../corpus/corpusView';
import {
  crossYearInputsVersion,
  reportsFailingCrossYearRules,
} from '../corpus/crossYearRuleFailures';
import { templateHasRules } from '../domain/rules/templateRules';

/** Summaries per `$in` (FerretDB answers `$in` of strings from `_id`). */
const IDS_PER_QUERY = 100;

const crossYearByIndex = new WeakMap<CorpusIndex, { version: string; ids: string[] }>();

/**
 * The cross-year failures of the current corpus, judged again only when what the rules read
 * changed (not on every edit: judging 100k reports is a pass over the whole corpus).
 */
function currentCrossYearFailures(view: CorpusView): string[] {
  const version = crossYearInputsVersion(view.index);
  const memo = crossYearByIndex.get(view.index);
  if (memo && memo.version === version) return memo.ids;
  const ids = reportsFailingCrossYearRules(view);
  crossYearByIndex.set(view.index, { version, ids });
  return ids;
}

/** `now`: the corpus as it stands (rule counts are kept for current revisions only). */
export async function reportIdsWithFailedRules(
  models: ReadModels,
  now: CorpusView,
): Promise<Set<string>> {
  const rows = await models.summaries.collection
    .find({ failedRuleCount: { $gt: 0 } } as never, { projection: { _id: 1 } })
    .toArray();
  const failed = new Set(rows.map((row) => String(row._id)));
  const candidates = currentCrossYearFailures(now).filter((id) => !failed.has(id));
  for (let start = 0; start < candidates.length; start += IDS_PER_QUERY) {
    const templates = await models.summaries.collection
      .find({ _id: { $in: candidates.slice(start, start + IDS_PER_QUERY) } } as never, {
        projection: { _id: 1, template: 1 },
      })
      .toArray();
    for (const row of templates) {
      if (templateHasRules((row.template as string | null | undefined) ?? null)) {
        failed.add(String(row._id));
      }
    }
  }
  return failed;
}
