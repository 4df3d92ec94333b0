// Which table cell a narrative count speaks about. Deliberately narrow: a clause is mapped only
// when its wording names exactly one cell of the national template and holds exactly one count,
// because a wrong mapping would show users a finding the report does not contain.

export interface CountTarget {
  /** Short name for messages. */
  name: string;
  /** Keys whose sum the narrative count should equal. */
  keys: readonly string[];
  /**
   * A second accepted reading. 收到/受理…申请N件 often counts last year's carried-over
   * applications too (平潭 2022: 收到75件 = 74 new + 1 carried), so either reading is accepted.
   */
  alternativeKeys?: readonly string[];
}

const RECEIVED: CountTarget = {
  name: '本年新收政府信息公开申请数量 总计',
  keys: ['t3.newReceived.total'],
  alternativeKeys: ['t3.newReceived.total', 't3.carriedOver.total'],
};
const ANSWERED: CountTarget = { name: '本年度办理结果 总计', keys: ['t3.total.total'] };
const CARRIED_OVER: CountTarget = { name: '上年结转 总计', keys: ['t3.carriedOver.total'] };
const CARRIED_FORWARD: CountTarget = {
  name: '结转下年度继续办理 总计',
  keys: ['t3.carriedForward.total'],
};
const REVIEW: CountTarget = { name: '行政复议 总计', keys: ['t4.review.total'] };
const SUITS: CountTarget = {
  name: '行政诉讼 总计（未经复议直接起诉 + 复议后起诉）',
  keys: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
};

function documentTarget(kind: 'rules' | 'normativeDocs', clause: string): CountTarget | null {
  const label = kind === 'rules' ? '规章' : '行政规范性文件';
  if (/现行有效/.test(clause))
    return { name: `${label} 现行有效件数`, keys: [`t2.${kind}.inForce`] };
  if (/制发/.test(clause)) return { name: `${label} 本年制发件数`, keys: [`t2.${kind}.issued`] };
  return null;
}

/** Clause boundaries: a count's clause is the stretch between these marks. */
export const CLAUSE_DELIMITERS = /[，。；：、！？（）(),;:!?\n]/;

/** Counts of cases or applications in a clause (a year like 2023年 is not one). */
const COUNT_PATTERN = /\d+\s*(?:件|起)/g;

/**
 * The cell a clause's single count speaks about, or null. `sentence` supplies the context a
 * short clause lacks: 办结14744件 about 12345 hotline tickets is no count of applications.
 */
export function countTarget(clause: string, sentence: string): CountTarget | null {
  if ((clause.match(COUNT_PATTERN) ?? []).length !== 1) return null;
  if (/复议|诉讼/.test(clause)) {
    // Reviews and suits about other matters are reported too; only disclosure cases count.
    if (!/信息公开|依申请/.test(sentence)) return null;
    // Breakdowns by result (其中维持…) and mixed clauses are left alone.
    if (/维持|纠正|纠错|其他结果|审结|未结|其中/.test(clause)) return null;
    if (/复议/.test(clause) && !/诉讼/.test(clause)) return REVIEW;
    if (/诉讼/.test(clause) && !/复议/.test(clause)) return SUITS;
    return null;
  }
  const normative = /规范性文件/.test(clause);
  const rules = /规章/.test(clause);
  if (normative && !rules) return documentTarget('normativeDocs', clause);
  if (rules && !normative) return documentTarget('rules', clause);
  if (!/申请/.test(sentence)) return null;
  if (/上一?年度?结转|上年度?转入/.test(clause)) return CARRIED_OVER;
  if (/(?:结转|顺延|转)(?:至|到|入)?(?:下一?年|\d{4}\s*年|明年)/.test(clause))
    return CARRIED_FORWARD;
  const outcome = /同意|部分|不予|无法|不掌握|其他处理|予以公开|公开答复/.test(clause);
  if (/申请/.test(clause) && /收到|受理|接收|新收|接到/.test(clause)) {
    return outcome || /办结|答复/.test(clause) ? null : RECEIVED;
  }
  if (/办结|答复/.test(clause)) return outcome ? null : ANSWERED;
  return null;
}

/** The clause of `sentence` around the character at `offset`. */
export function clauseAt(sentence: string, offset: number): string {
  let start = offset;
  while (start > 0 && !CLAUSE_DELIMITERS.test(sentence[start - 1])) start -= 1;
  let end = offset;
  while (end < sentence.length && !CLAUSE_DELIMITERS.test(sentence[end])) end += 1;
  return sentence.slice(start, end).trim();
}
