// The six parts of the 2021 template and how their titles vary in the wild. A part's id is its
// place in the template ("4" for the 行政复议/行政诉讼 part), not the numeral the document printed:
// 上海市科委 2024 numbers its tables 一、二、三 after six narrative parts, and ids must stay
// comparable across reports.

export type PartNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** Parts 二、三、四 are tables; their body keeps prose only. */
export function isTablePart(part: number): boolean {
  return part === 2 || part === 3 || part === 4;
}

/**
 * Exact title shapes, anchored at the title's start. Used anywhere in a line, because crawler
 * text runs a whole report into one line ("…质效。二、主动公开政府信息情况 第二十条…").
 */
const KNOWN_TITLES: ReadonlyArray<readonly [PartNumber, RegExp]> = [
  [1, /^总体情况/],
  [2, /^主动公开政府信息的?情况/],
  [3, /^收到和处理政府信息公开申请的?情况/],
  // 政府信息公开行政复议、行政诉讼情况 / 因政府信息公开申请行政复议、提起行政诉讼的情况 /
  // the typo 政府信息公开行政法复议 / …行政复议和行政诉讼情况
  [4, /^因?政府信息公开(?:申请)?行政法?复议(?:、|和|及|与)?(?:提起)?行政诉讼的?情况/],
  // 存在的主要问题及改进情况 / 存在主要问题及改进情况 / 存在的主要问题及整改措施
  [5, /^(?:政府信息公开工作)?存在的?主要?问题(?:及|和|与)(?:改进|整改)(?:情况|措施)?/],
  [6, /^其他需要报告的事项/],
];

/** Looser keyword tests, only for a heading standing alone on its line. */
const TITLE_KEYWORDS: ReadonlyArray<readonly [PartNumber, (title: string) => boolean]> = [
  [1, (t) => /总体情况|概述/.test(t)],
  [2, (t) => /主动公开政府信息/.test(t)],
  [3, (t) => /收到和处理/.test(t)],
  [4, (t) => /复议/.test(t) && /诉讼/.test(t)],
  [5, (t) => /问题|不足/.test(t)],
  [6, (t) => /其他需要报告|其他事项/.test(t)],
];

export function matchKnownTitle(rest: string): { part: PartNumber; title: string } | null {
  const trimmed = rest.trimStart();
  for (const [part, pattern] of KNOWN_TITLES) {
    const match = pattern.exec(trimmed);
    if (match) return { part, title: match[0] };
  }
  return null;
}

export function partFromKeywords(title: string): PartNumber | null {
  for (const [part, test] of TITLE_KEYWORDS) if (test(title)) return part;
  return null;
}

/** A sub-heading in a table part that names problems means the 五 heading was left out. */
export function isProblemsTitle(title: string): boolean {
  return /问题|不足|改进|整改/.test(title);
}

const NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 … 九十九 → 1 … 99; null for anything else. */
export function chineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return null;
  if (text.length === 1) return NUMERALS[text];
  const tenAt = text.indexOf('十');
  if (tenAt < 0) return null;
  const tens = tenAt === 0 ? 1 : NUMERALS[text[0]];
  const units = tenAt === text.length - 1 ? 0 : NUMERALS[text[text.length - 1]];
  return text.length === 3 && tenAt !== 1 ? null : tens * 10 + units;
}
