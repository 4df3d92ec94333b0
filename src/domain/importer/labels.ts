// Chinese row labels of the three tables mapped to figure-key fragments, and a matcher that
// tolerates what real renderings do to labels: spaces inside words, numbering variants
// ("1." / "1、" / "1．"), full-width punctuation, and OCR/typing damage such as
// "2.其他法律行政止公开" (for 其他法律行政法规禁止公开).
import { FIGURES, T3_ROWS } from '../format/figureCatalog';

export type LabelKind = 'row' | 'group';

export interface RowLabelEntry {
  table: 't2' | 't3';
  /** Key fragment: for 表三 the row (`denied.stateSecret`), for 表二 the item (`normativeDocs`). */
  row: string;
  kind: LabelKind;
  /** The label as printed in the template. */
  label: string;
  /** Normalised label cores that identify the row (first is the template's own). */
  cores: readonly string[];
}

export interface LabelMatch {
  entry: RowLabelEntry;
  /** True when a core was found verbatim (after normalisation); false for a fuzzy match. */
  exact: boolean;
  /** 0..1; 1 for exact. */
  similarity: number;
}

/** Numbering at the start of a label: 一、 （一） (1) 1. 1、 1． 第一 … */
const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、,，]|\d+(?=[\u4e00-\u9fff]))/u;

/**
 * Normalise a label for comparison: drop whitespace (including U+00A0 and ideographic
 * space), leading numbering (repeatedly: "三、（一）"), quotes and punctuation.
 */
export function normaliseLabel(text: string): string {
  let rest = text.replace(/[\s\u00a0\u3000]+/gu, '');
  for (;;) {
    const match = NUMBERING.exec(rest);
    if (!match) break;
    rest = rest.slice(match[0].length);
  }
  return rest.replace(/[“”"'‘’「」『』《》<>【】[\]（）()，,、。.．:：;；\-—_|*#]/gu, '');
}

/** The number prefix of a sub-item label ("2.重复申请" → 2), or null. */
export function labelOrdinal(text: string): number | null {
  const match = /^[\s\u00a0\u3000]*(\d+)\s*[.．、,，]?/u.exec(text);
  return match ? Number(match[1]) : null;
}

function lastSegment(rowLabel: string): string {
  const parts = rowLabel.split(' / ');
  return parts[parts.length - 1];
}

/** Extra spellings seen in published reports (normalised form). */
const T3_ALIASES: Readonly<Record<string, readonly string[]>> = {
  newReceived: ['本年新收政府信息公开申请数量', '本年新收政府信息公开申请'],
  carriedOver: ['上年结转政府信息公开申请数量', '上年结转政府信息公开申请'],
  partiallyGranted: ['部分公开区分处理的只计这一情形不计其他情形', '部分公开'],
  'denied.endangersSecurity': ['危及三安全一稳定'],
  'otherHandling.noCorrection': ['申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请'],
  'otherHandling.feeUnpaid': [
    '申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请',
  ],
  total: ['总计'],
  carriedForward: ['结转下年度继续办理'],
};

const T3_GROUPS: readonly RowLabelEntry[] = [
  ['results', '三、本年度办理结果', ['本年度办理结果']],
  ['denied', '（三）不予公开', ['不予公开']],
  ['unavailable', '（四）无法提供', ['无法提供']],
  ['notProcessed', '（五）不予处理', ['不予处理']],
  ['otherHandling', '（六）其他处理', ['其他处理']],
].map(([row, label, cores]) => ({
  table: 't3' as const,
  row: row as string,
  kind: 'group' as const,
  label: label as string,
  cores: cores as string[],
}));

function t3RowEntries(): RowLabelEntry[] {
  return T3_ROWS.map((row) => {
    const definition = FIGURES.find((figure) => figure.key.startsWith(`t3.${row}.`));
    const label = lastSegment(definition?.rowLabel ?? row);
    const own = normaliseLabel(label);
    const cores = [own, ...(T3_ALIASES[row] ?? []).filter((alias) => alias !== own)];
    return { table: 't3' as const, row, kind: 'row' as const, label, cores };
  });
}

/** 表三: the 25 data rows plus the group headers (which carry no values in the 2021 template). */
export const T3_ROW_LABELS: readonly RowLabelEntry[] = [...t3RowEntries(), ...T3_GROUPS];

/** 表二: the six items; 规范性文件 is a common shortening of 行政规范性文件. */
export const T2_ROW_LABELS: readonly RowLabelEntry[] = [
  ['rules', '规章', ['规章']],
  ['normativeDocs', '行政规范性文件', ['行政规范性文件', '规范性文件']],
  ['licensing', '行政许可', ['行政许可']],
  ['penalty', '行政处罚', ['行政处罚']],
  ['coercion', '行政强制', ['行政强制']],
  ['fees', '行政事业性收费', ['行政事业性收费']],
].map(([row, label, cores]) => ({
  table: 't2' as const,
  row: row as string,
  kind: 'row' as const,
  label: label as string,
  cores: cores as string[],
}));

/** Length of the longest common subsequence (labels are short: O(n·m) is fine). */
function commonSubsequenceLength(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(previous[j], previous[j - 1]);
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Dice-style similarity on the longest common subsequence, 0..1. */
export function labelSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * commonSubsequenceLength(a, b)) / (a.length + b.length);
}

/** Below this a fuzzy match is not trusted; short cores (≤ 3 chars) must match exactly. */
const FUZZY_THRESHOLD = 0.8;
const MIN_FUZZY_CORE = 4;

function matchLabel(text: string, entries: readonly RowLabelEntry[]): LabelMatch | null {
  const normalised = normaliseLabel(text);
  if (!normalised) return null;
  for (const entry of entries) {
    if (entry.cores.includes(normalised)) return { entry, exact: true, similarity: 1 };
  }
  // A label with a group name or extra words around it ("三、本年度办理结果（一）予以公开"):
  // the longest core contained verbatim wins. Group cores only win when nothing else matches.
  let best: { entry: RowLabelEntry; length: number } | null = null;
  for (const entry of entries) {
    for (const core of entry.cores) {
      // Short cores (规章, 总计, 其他) only count at the end of the label, so the 其他 inside
      // "其他法律行政止公开" does not claim that damaged label for （六）3.其他.
      const found =
        core.length >= MIN_FUZZY_CORE ? normalised.includes(core) : normalised.endsWith(core);
      if (!found) continue;
      const length = core.length + (entry.kind === 'row' ? 100 : 0);
      if (!best || length > best.length) best = { entry, length };
    }
  }
  if (best) return { entry: best.entry, exact: true, similarity: 1 };
  let fuzzy: LabelMatch | null = null;
  for (const entry of entries) {
    for (const core of entry.cores) {
      if (core.length < MIN_FUZZY_CORE) continue;
      const similarity = labelSimilarity(normalised, core);
      if (similarity >= FUZZY_THRESHOLD && (!fuzzy || similarity > fuzzy.similarity)) {
        fuzzy = { entry, exact: false, similarity };
      }
    }
  }
  return fuzzy;
}

/**
 * Match a 表三 row label (or group header) such as "2.其他法律行政止公开" or "（七）总计".
 * Returns null when the text names no row. Note "3.其他" only matches 其他 of （六）.
 */
export function matchT3RowLabel(text: string): LabelMatch | null {
  return matchLabel(text, T3_ROW_LABELS);
}

/** Match a 表二 row label such as "行政规范性文件" or "第二十条第（八）项 行政事业性收费". */
export function matchT2RowLabel(text: string): LabelMatch | null {
  return matchLabel(text, T2_ROW_LABELS);
}

/** 表三 row label in template order, e.g. 'denied.stateSecret' → '1.属于国家秘密'. */
export function t3RowLabel(row: string): string {
  return T3_ROW_LABELS.find((entry) => entry.row === row)?.label ?? row;
}
