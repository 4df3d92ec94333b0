// Crawler text where table cells ran together: "一、本年新收政府信息公开申请数量640020470".
// Labels are found in template order; the digits between two labels are one row whose cell
// boundaries are lost, so every way to cut them is a candidate and the tables' arithmetic
// (row totals, T3 balance and outcomes, T4 group totals) chooses. What remains open is left
// empty, or read from a figure the narrative states and marked uncertain.
import { T3_ROWS } from '../../format/figureCatalog';
import { parseCellText } from '../cells';
import type { CellToken } from '../cells';
import { tableConstraints } from '../constraintSolver';
import { splitDigitRun } from '../digitRuns';
import { narrativeHints } from '../narrativeHints';
import type { FigureHint } from '../narrativeHints';
import { resolveRuns } from '../runResolver';
import type { RunCandidate, UncertainRun } from '../runResolver';
import { t2ItemKeys, t3RowKeys, t4Keys } from '../tableKeys';
import { textPositions } from '../textPositions';
import type { TextPositions } from '../textPositions';
import type { FigureReading, ImportWarning } from '../types';
import { makeWarning, missingFigure } from './shapeReader';
import type { ShapeReading, SourceDocument, TableShapeReader } from './shapeReader';

/** The text that ends each 表三 row label as printed (numbering stripped). */
const T3_LABEL_ENDS: Readonly<Record<string, readonly string[]>> = {
  newReceived: ['本年新收政府信息公开申请数量'],
  carriedOver: ['上年结转政府信息公开申请数量'],
  granted: ['予以公开'],
  partiallyGranted: ['不计其他情形）', '不计其他情形)', '部分公开'],
  'denied.stateSecret': ['属于国家秘密'],
  'denied.prohibitedByLaw': ['其他法律行政法规禁止公开'],
  'denied.endangersSecurity': ['三安全一稳定”', '三安全一稳定"', '三安全一稳定'],
  'denied.thirdPartyRights': ['保护第三方合法权益'],
  'denied.internalAffairs': ['属于三类内部事务信息'],
  'denied.processInformation': ['属于四类过程性信息'],
  'denied.enforcementCaseFile': ['属于行政执法案卷'],
  'denied.administrativeQuery': ['属于行政查询事项'],
  'unavailable.notHeld': ['本机关不掌握相关政府信息'],
  'unavailable.needsCreation': ['没有现成信息需要另行制作'],
  'unavailable.unclearAfterCorrection': ['补正后申请内容仍不明确'],
  'notProcessed.complaint': ['信访举报投诉类申请'],
  'notProcessed.duplicate': ['重复申请'],
  'notProcessed.publication': ['要求提供公开出版物'],
  'notProcessed.excessive': ['无正当理由大量反复申请'],
  'notProcessed.confirmation': ['要求行政机关确认或重新出具已获取信息'],
  'otherHandling.noCorrection': ['逾期不补正、行政机关不再处理其政府信息公开申请'],
  'otherHandling.feeUnpaid': ['缴纳费用、行政机关不再处理其政府信息公开申请'],
  'otherHandling.other': ['其他'],
  total: ['总计'],
  carriedForward: ['结转下年度继续办理'],
};

/** Sub-item number printed before a row label ("2.其他法律…"), which runs into the digits before it. */
function rowOrdinal(row: string): number | null {
  const siblings = T3_ROWS.filter((r) => r.includes('.') && r.split('.')[0] === row.split('.')[0]);
  const index = siblings.indexOf(row);
  return row.includes('.') && index >= 0 ? index + 1 : null;
}

const T2_LABELS: readonly [item: string, labels: readonly string[]][] = [
  ['rules', ['规章']],
  ['normativeDocs', ['行政规范性文件', '规范性文件']],
  ['licensing', ['行政许可']],
  ['penalty', ['行政处罚']],
  ['coercion', ['行政强制']],
  ['fees', ['行政事业性收费']],
];

interface Run {
  /** Offset of the first character after the label. */
  start: number;
  /** The run text (digits, dots and spaces) as it stands. */
  text: string;
}

/** The digits/spaces/dots run starting at `from` (leading spaces skipped). */
function runAt(text: string, from: number): Run {
  const match = /^[ \t\u00a0\u3000]*([\d.][\d. \t\u00a0\u3000]*)?/u.exec(text.slice(from));
  const body = match?.[1] ?? '';
  const start = from + (match ? match[0].length - body.length : 0);
  return { start, text: body.replace(/[ \t\u00a0\u3000]+$/u, '') };
}

/** The first of `needles` (in order of preference) found after `from` and before `before`. */
function findFirst(
  text: string,
  needles: readonly string[],
  from: number,
  before = text.length,
): [number, string] | null {
  for (const needle of needles) {
    const index = text.indexOf(needle, from);
    if (index >= 0 && index < before) return [index, needle];
  }
  return null;
}

/** Segments of a run with their offsets (spaces are certain cell boundaries). */
function segmentsOf(run: Run): { text: string; offset: number }[] {
  const segments: { text: string; offset: number }[] = [];
  const pattern = /[^ \t\u00a0\u3000]+/gu;
  for (let match = pattern.exec(run.text); match; match = pattern.exec(run.text)) {
    segments.push({ text: match[0], offset: run.start + match.index });
  }
  return segments;
}

/** Candidates for cutting `run` into `count` integers, with a token (and position) per value. */
function runCandidates(run: Run, count: number, positions: TextPositions): RunCandidate[] {
  const segments = segmentsOf(run);
  const splits = splitDigitRun(
    segments.map((segment) => segment.text),
    count,
  );
  return splits.map((split) => {
    const tokens: CellToken[] = [];
    let segmentIndex = 0;
    let within = 0;
    for (const number of split) {
      while (within >= segments[segmentIndex].text.length) {
        segmentIndex += 1;
        within = 0;
      }
      const offset = segments[segmentIndex].offset + within;
      tokens.push({ raw: number, source: positions.locate(offset, number) });
      within += number.length;
    }
    return { values: split.map(Number), tokens };
  });
}

interface LocatedRun {
  keys: string[];
  run: Run;
  label: string;
}

function describe(run: LocatedRun): string {
  return `"${run.run.text}" after ${run.label}`;
}

function uncertainRun(located: LocatedRun, positions: TextPositions): UncertainRun {
  return {
    id: located.keys[0],
    keys: located.keys,
    candidates: runCandidates(located.run, located.keys.length, positions),
    raw: located.run.text,
    description: describe(located),
    source: positions.locate(located.run.start, located.run.text),
  };
}

interface Zones {
  t2Start: number;
  t3Start: number;
  t4Start: number;
}

function findZones(text: string): Zones | null {
  const t3Start = text.indexOf('本年新收政府信息公开申请数量');
  if (t3Start < 0) return null;
  const t2Heading = text.lastIndexOf('主动公开政府信息情况', t3Start);
  const t2Start = text.indexOf('第二十条', t2Heading < 0 ? 0 : t2Heading);
  const carried = text.indexOf('结转下年度继续办理', t3Start);
  const t4Start = carried < 0 ? -1 : text.indexOf('行政复议', carried);
  return { t2Start: t2Start < 0 || t2Start > t3Start ? -1 : t2Start, t3Start, t4Start };
}

function readT2(
  text: string,
  zones: Zones,
  positions: TextPositions,
  hints: readonly FigureHint[],
): { figures: Record<string, FigureReading>; warnings: ImportWarning[] } {
  const figures: Record<string, FigureReading> = {};
  const warnings: ImportWarning[] = [];
  if (zones.t2Start < 0) return { figures, warnings };
  const runs: UncertainRun[] = [];
  let cursor = zones.t2Start;
  for (const [item, labels] of T2_LABELS) {
    const found = findFirst(text, labels, cursor, zones.t3Start);
    if (!found) continue;
    const run = runAt(text, found[0] + found[1].length);
    cursor = found[0] + found[1].length;
    const keys = t2ItemKeys(item);
    if (item === 'fees') {
      const token = run.text.split(/\s+/u)[0] ?? '';
      const parsed = parseCellText(token);
      if (parsed.kind === 'number') {
        figures[keys[0]] = {
          key: keys[0],
          value: parsed.value,
          raw: token,
          marker: null,
          uncertain: false,
          source: positions.locate(run.start, token),
        };
      }
      continue;
    }
    runs.push(uncertainRun({ keys, run, label: found[1] }, positions));
  }
  const resolved = resolveRuns(runs, [], {}, hints, {
    inferred: 'DIGIT_RUN_SPLIT',
    ambiguous: 'DIGIT_RUN_AMBIGUOUS',
  });
  return { figures: { ...figures, ...resolved.figures }, warnings: resolved.warnings };
}

function locateT3Runs(text: string, zones: Zones): LocatedRun[] {
  const located: LocatedRun[] = [];
  let cursor = zones.t3Start;
  const end = zones.t4Start < 0 ? text.length : zones.t4Start;
  T3_ROWS.forEach((row, index) => {
    const found = findFirst(text, T3_LABEL_ENDS[row] ?? [row], cursor, end);
    if (!found) return;
    cursor = found[0] + found[1].length;
    const run = runAt(text, cursor);
    // The next sub-item's number ("2." of "2.其他法律…") runs into this row's digits.
    const next = T3_ROWS[index + 1];
    const ordinal = next ? rowOrdinal(next) : null;
    const after = text[run.start + run.text.length];
    let body = run.text;
    if (ordinal !== null && body.endsWith('.') && body.slice(0, -1).endsWith(String(ordinal))) {
      body = body.slice(0, -1 - String(ordinal).length);
    } else if (ordinal !== null && /[.．、]/u.test(after ?? '') && body.endsWith(String(ordinal))) {
      body = body.slice(0, -String(ordinal).length);
    }
    located.push({
      keys: t3RowKeys(row),
      run: { start: run.start, text: body.replace(/[ \t\u00a0\u3000]+$/u, '') },
      label: found[1],
    });
  });
  return located;
}

function locateT4Run(text: string, zones: Zones): LocatedRun | null {
  if (zones.t4Start < 0) return null;
  const digit = /\d/u.exec(text.slice(zones.t4Start));
  if (!digit) return null;
  const run = runAt(text, zones.t4Start + digit.index);
  return { keys: t4Keys(), run, label: '表四 header' };
}

export const flattenedTextReader: TableShapeReader = {
  shape: 'flattened-text',
  detect(doc: SourceDocument): number {
    if (doc.format === 'html') return 0;
    return /本年新收政府信息公开申请数量[ \t\u00a0]*\d{7,}/u.test(doc.text) ? 0.9 : 0;
  },
  read(doc: SourceDocument): ShapeReading {
    const text = doc.text;
    const positions = textPositions(text);
    const zones = findZones(text);
    const warnings: ImportWarning[] = [];
    const figures: Record<string, FigureReading> = {};
    if (!zones) return { shape: this.shape, figures, warnings };
    const t4 = locateT4Run(text, zones);
    const tablesEnd = t4 ? t4.run.start + t4.run.text.length : text.length;
    const narrative =
      text.slice(0, zones.t2Start < 0 ? zones.t3Start : zones.t2Start) + text.slice(tablesEnd);
    const hints = narrativeHints(narrative);
    const codes = { inferred: 'DIGIT_RUN_SPLIT', ambiguous: 'DIGIT_RUN_AMBIGUOUS' };

    const t2 = readT2(text, zones, positions, hints);
    Object.assign(figures, t2.figures);
    warnings.push(...t2.warnings);

    const constraints = tableConstraints();
    const t3Runs = locateT3Runs(text, zones).map((run) => uncertainRun(run, positions));
    const t3 = resolveRuns(t3Runs, constraints, {}, hints, codes);
    Object.assign(figures, t3.figures);
    warnings.push(...t3.warnings);

    if (t4) {
      const resolved = resolveRuns([uncertainRun(t4, positions)], constraints, {}, hints, codes);
      Object.assign(figures, resolved.figures);
      warnings.push(...resolved.warnings);
    } else {
      const keys = t4Keys();
      for (const key of keys) figures[key] = missingFigure(key);
      warnings.push(makeWarning('ROW_MISSING', keys, '表四 data not found'));
    }
    return { shape: this.shape, figures, warnings };
  },
};
