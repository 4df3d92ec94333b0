// The report's subject (报告主体) and year, read from its title. Hints given by the caller
// win over both; these are best-effort readings of the document itself.

const TITLE =
  /([\u4e00-\u9fff（）()]{2,40}?)\s*[（(]?\s*((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)[\u4e00-\u9fff]{0,6}年度?报告/u;
const YEAR_ONLY_TITLE = /^\s*#*\s*((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)/u;
/** "2024 年上海市科委政府信息公开工作" (year before the subject). */
const YEAR_FIRST_TITLE =
  /^\s*#*\s*((?:19|20)\d{2})\s*年\s*度?\s*([\u4e00-\u9fff（）()]{2,30}?)\s*(?:政府信息公开|政务公开)/u;
/** "2024年，平潭综合实验区坚持…" — the opening of 一、总体情况 names the subject. */
const OPENING_SENTENCE =
  /^\s*((?:19|20)\d{2})\s*年[，,]\s*([\u4e00-\u9fff]{2,20}?)(?:坚持|深入|认真|紧紧|全面|紧密|持续|始终|按照|严格|以)/u;
const STATISTICS_PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/u;

export interface ReportMetadata {
  agency: string | null;
  year: number | null;
}

function cleanAgency(name: string): string | null {
  const cleaned = name
    .replace(/^(?:标题|题目)[:：]?/u, '')
    .replace(/^.*?(?:现|特|兹)?(?:向社会)?(?:公布|发布|印发)了?/u, '')
    .replace(/^[《“"]/u, '')
    .replace(/^[#*\s]+/u, '')
    .replace(/(?:关于)?$/u, '')
    .trim();
  return cleaned.length >= 2 ? cleaned : null;
}

/** Common short forms of agency names, expanded so one agency keeps one name across years. */
const ABBREVIATIONS: ReadonlyArray<readonly [short: RegExp, full: string]> = [
  [/科委$/u, '科学技术委员会'],
  [/发改委$/u, '发展和改革委员会'],
  [/发改局$/u, '发展和改革局'],
];

/**
 * Titles often drop the parent city ("洪泽区人民政府") that the body then gives in full
 * ("淮安市洪泽区人民政府办公室"); the qualified name is the one the same agency uses in other
 * years, so prefer it when the document itself states it.
 */
export function qualifyAgency(agency: string, text: string): string {
  let name = agency;
  for (const [short, full] of ABBREVIATIONS) {
    if (short.test(name)) {
      name = name.replace(short, full);
      break;
    }
  }
  if (/^[\u4e00-\u9fff]{2}[省市]/u.test(name)) return name;
  let from = text.indexOf(agency);
  while (from >= 0) {
    const parent = /[\u4e00-\u9fff]{2}[省市]$/u.exec(text.slice(Math.max(0, from - 3), from));
    if (parent && !name.startsWith(parent[0])) return parent[0] + name;
    from = text.indexOf(agency, from + agency.length);
  }
  return name;
}

/** Reads metadata from the first lines (plain text; HTML already converted). */
export function detectMetadata(lines: readonly string[]): ReportMetadata {
  const head = lines.slice(0, 60).map((line) => line.replace(/<[^>]+>|\*\*/gu, '').trim());
  let agency: string | null = null;
  let year: number | null = null;
  for (let index = 0; index < head.length; index += 1) {
    const line = head[index];
    const title = TITLE.exec(line);
    if (title) {
      agency = cleanAgency(title[1]);
      year = Number(title[2]);
      break;
    }
    const yearFirst = YEAR_FIRST_TITLE.exec(line);
    if (yearFirst) {
      agency = cleanAgency(yearFirst[2]);
      year = Number(yearFirst[1]);
      break;
    }
    const yearOnly = YEAR_ONLY_TITLE.exec(line);
    if (yearOnly) {
      year = Number(yearOnly[1]);
      // The subject stands on the nearest non-empty line above ("# 平罗县审批服务管理局").
      for (let above = index - 1; above >= 0; above -= 1) {
        if (head[above]) {
          agency = cleanAgency(head[above]);
          break;
        }
      }
      break;
    }
  }
  if (agency === null) {
    for (const line of lines.slice(0, 200)) {
      const opening = OPENING_SENTENCE.exec(line);
      if (opening) {
        agency = cleanAgency(opening[2]);
        year ??= Number(opening[1]);
        break;
      }
    }
  }
  if (year === null) {
    const period = STATISTICS_PERIOD.exec(lines.slice(0, 200).join('\n'));
    if (period) year = Number(period[1]);
  }
  return { agency: agency === null ? null : qualifyAgency(agency, lines.join('')), year };
}
