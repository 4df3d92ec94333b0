// Finds the numbers a narrative paragraph states as facts. A number is a figure when a unit
// word follows it (352 条, 99.91%, 2 万余次) or when it stands alone before punctuation
// (粉丝数 54373；). Years, dates, phone and postal numbers, hotlines, URLs, list numbering,
// ordinals (第3) and document numbers (〔2021〕30号, 《…》) are not figures.
import { canonicalDecimal } from '../format/decimal';
import type { DecimalString } from '../importer/types';

export interface ScannedFigure {
  /** Offset of the number's first character in the paragraph. */
  start: number;
  /** Offset just after the unit (or the number when unitless). */
  end: number;
  value: DecimalString;
  unit: string;
}

const NUMBER = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?/g;
const UNIT =
  /^(?:(?:万|亿|千)?(?:余|多)?(?:个百分点|百分点|%|人次|件次|条次|家次|户次|批次|场次|个工作日|工作日|元|平方米|公里|小时|分钟|条|件|个|项|次|名|期|人|篇|份|场|家|批|起|类|部|册|张|套|位|户|天|页|处|倍|宗|例|台|所|封|组|轮|单|座|幅|辆|亩|字|分)|(?:万|亿)(?:余|多)?)/;
const SPACES = /^[ \u00a0\u3000]{0,2}/;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s，。；、）)」》<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const CONTACT_CONTEXT = /(?:电话|传真|邮编|邮政编码|热线|手机|联系方式|QQ|邮箱|地址)[：:\s]*$/i;
const SERVICE_NUMBERS = new Set([
  '110',
  '119',
  '120',
  '122',
  '12345',
  '12315',
  '12369',
  '12366',
  '12333',
  '12320',
  '12348',
  '12319',
  '12328',
  '12388',
  '12309',
  '12310',
  '12350',
  '12358',
  '12365',
]);
const CJK = /[\u4e00-\u9fff]/;
const HYPHENS = '-–—－~～';

/** Fullwidth digits, point and percent read as ASCII; same length, so offsets stay aligned. */
function normalise(text: string): string {
  return text.replace(/[０-９．％]/g, (c) =>
    c === '．' ? '.' : c === '％' ? '%' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function spans(pattern: RegExp, text: string): Array<[number, number]> {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

function insideTitleMarks(text: string, at: number): boolean {
  return text.lastIndexOf('《', at) > text.lastIndexOf('》', at);
}

function isExcludedByContext(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[A-Za-z@_/\\#]/.test(before) || /[A-Za-z@_]/.test(after)) return true;
  if (
    (before === ':' && /\d/.test(text[start - 2] ?? '')) ||
    (after === ':' && /\d/.test(text[end + 1] ?? ''))
  ) {
    return true;
  }
  // Joined to other digits by a dash: phone numbers, dates, year ranges.
  if (HYPHENS.includes(before) && /\d/.test(text[start - 2] ?? '')) return true;
  if (HYPHENS.includes(after) && /\d/.test(text[end + 1] ?? '')) return true;
  if (/[〔[［【]/.test(before)) return true;
  if (insideTitleMarks(text, start)) return true;
  if (text.slice(0, start).trimEnd().endsWith('第')) return true;
  return CONTACT_CONTEXT.test(text.slice(Math.max(0, start - 8), start));
}

function isUnitlessFigure(text: string, start: number, end: number, digits: string): boolean {
  const after = text.slice(end);
  const next = after.replace(SPACES, '')[0] ?? '';
  // Followed by a word that is no unit: a name (12345政务服务热线, 68海里景区) or a date (12 月).
  if (CJK.test(next)) return false;
  // List numbering: 1. 2、 （3）
  if (/^[.、)）]/.test(after)) return false;
  if (/[（(]/.test(text[start - 1] ?? '') && /^[)）]/.test(after)) return false;
  if (/^(19|20)\d{2}$/.test(digits)) return false;
  if (SERVICE_NUMBERS.has(digits)) return false;
  if (/^0\d{6,}$/.test(digits) || /^1\d{10}$/.test(digits)) return false;
  return true;
}

export function scanFigures(paragraph: string): ScannedFigure[] {
  const text = normalise(paragraph);
  const excluded = spans(URL_OR_EMAIL, text);
  const figures: ScannedFigure[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const numberEnd = start + match[0].length;
    if (excluded.some(([from, to]) => start >= from && start < to)) continue;
    if (isExcludedByContext(text, start, numberEnd)) continue;
    const digits = match[0].replace(/,/g, '');
    const gap = SPACES.exec(text.slice(numberEnd))?.[0].length ?? 0;
    const unit = UNIT.exec(text.slice(numberEnd + gap));
    const value = canonicalDecimal(digits);
    if (value === null) continue;
    if (unit) {
      figures.push({ start, end: numberEnd + gap + unit[0].length, value, unit: unit[0] });
    } else if (isUnitlessFigure(text, start, numberEnd, digits)) {
      figures.push({ start, end: numberEnd, value, unit: '' });
    }
  }
  return figures;
}
