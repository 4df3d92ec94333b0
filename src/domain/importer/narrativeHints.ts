// Counts the narrative states about table cells, used only to choose among readings the
// tables' own arithmetic leaves open (a choice made this way is always marked uncertain).
// A hint says: the sum of these keys equals this value.

export interface FigureHint {
  keys: string[];
  value: number;
  /** The sentence fragment the hint was read from. */
  evidence: string;
}

interface HintPattern {
  pattern: RegExp;
  keys: string[];
}

const N = '(\\d+)';

const PATTERNS: readonly HintPattern[] = [
  {
    pattern: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件(?:共)?${N}件`, 'gu'),
    keys: ['t2.normativeDocs.inForce'],
  },
  {
    pattern: new RegExp(`制发(?:的)?(?:行政)?规范性文件(?:共)?${N}件`, 'gu'),
    keys: ['t2.normativeDocs.issued'],
  },
  {
    pattern: new RegExp(`${N}件[^。；]{0,30}?复议后(?:行政)?诉讼[^。；]{0,8}?维持`, 'gu'),
    keys: ['t4.suitAfterReview.upheld'],
  },
  {
    pattern: new RegExp(`${N}件[^。；]{0,30}?复议后(?:行政)?诉讼[^。；]{0,8}?纠正`, 'gu'),
    keys: ['t4.suitAfterReview.corrected'],
  },
  {
    pattern: new RegExp(`(?:行政复议|复议申请)(?:案件)?(?:共)?${N}件`, 'gu'),
    keys: ['t4.review.total'],
  },
  {
    pattern: new RegExp(`行政诉讼(?:案件)?(?:共)?${N}件`, 'gu'),
    keys: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
  },
];

/** Hints from narrative text (markup such as ** or <b> and spaces around digits removed). */
export function narrativeHints(text: string): FigureHint[] {
  const plain = text.replace(/<\/?b>|\*\*/gu, '').replace(/[ \t\u00a0]+/gu, '');
  const hints: FigureHint[] = [];
  for (const { pattern, keys } of PATTERNS) {
    for (const match of plain.matchAll(pattern)) {
      hints.push({ keys, value: Number(match[1]), evidence: match[0] });
    }
  }
  return hints;
}
