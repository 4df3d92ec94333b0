// One result for a cross-year or narrative rule that has nothing to compare against.
import type { NotAssessableReason, Rule, RuleResult } from './types';

const REASON_TEXTS: Readonly<Record<NotAssessableReason, { en: string; zh: string }>> = {
  empty_cells: { en: 'empty cell(s)', zh: '有空白单元格' },
  no_previous_year_report: {
    en: "the previous year's report is not known",
    zh: '账本中没有该机关上一年度的报告',
  },
};

export function notAssessable(
  rule: Rule,
  scope: string,
  keys: string[],
  reason: NotAssessableReason,
): RuleResult {
  return {
    id: rule.id,
    scope,
    status: 'not_assessable',
    severity: rule.severity,
    keys,
    left: null,
    right: null,
    message: `${rule.id} ${scope}: not assessable, ${REASON_TEXTS[reason].en}`,
    messageZh: `${rule.id} ${scope}：无法判断，${REASON_TEXTS[reason].zh}`,
    notAssessableReason: reason,
  };
}
