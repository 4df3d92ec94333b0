// Chinese explanations of the consistency rules (勾稽关系) of the national format, shown next
// to failed rules. Rule ids are the stable names the API returns in RuleResult.id.
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  T3_BALANCE: '表三每一列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理',
  T3_OUTCOMES:
    '表三每一列：办理结果总计 = 予以公开 + 部分公开 + 不予公开各项 + 无法提供各项 + 不予处理各项 + 其他处理各项',
  T3_ROW_TOTAL:
    '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  T4_GROUP_TOTAL: '表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  NON_NEGATIVE: '每个数量都是非负整数，收费金额是非负数',
  XY_CARRY: '跨年度：上年“结转下年度继续办理” = 本年“上年结转”',
  XY_IN_FORCE:
    '跨年度：本年现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止（提示：文件也可能到期失效）',
  TEXT_TABLE: '正文中陈述的数量应与表格中的对应数字一致（提示）',
};

export function ruleDescription(id: string): string {
  return RULE_DESCRIPTIONS[id] ?? id;
}

/** Rules that compare with the same agency's report of the year before. */
export const CROSS_YEAR_RULES: ReadonlySet<string> = new Set(['XY_CARRY', 'XY_IN_FORCE']);

/** What the API says about a rule it could not judge (RuleResult.notAssessableReason). */
export interface NotAssessableRule {
  id: string;
  status: string;
  notAssessableReason?: string | null;
}

/**
 * Why a rule could not be judged: last year's report is missing, or a cell is blank. The API's
 * `notAssessableReason` says so; a response without it (an older query) is read by the rule:
 * a cross-year rule that could not be judged is counted as missing last year's report.
 */
export function notAssessableBecause(rule: NotAssessableRule): 'previousYear' | 'blank' | null {
  if (rule.status.toLowerCase() !== 'not_assessable') return null;
  const reason = rule.notAssessableReason?.toUpperCase();
  if (reason === 'NO_PREVIOUS_YEAR_REPORT') return 'previousYear';
  if (reason === 'EMPTY_CELLS') return 'blank';
  return CROSS_YEAR_RULES.has(rule.id) ? 'previousYear' : 'blank';
}
