// 表四 in pdftotext's default (reading-order) mode: 15 values, one per line, among the
// scattered header words. Usually they come in table order (行政复议 5, 直接起诉 5, 复议后起诉
// 5), but a rendering can emit a group's four results in one place and its 总计 elsewhere
// ("总计" just before its value), or the groups out of order.
//
// The reading: take the values in order when every group's 总计 equals the sum of its four
// results. Otherwise look for the one way of cutting the values into three groups — four
// results printed together, and a 总计 printed later that equals their sum — and name the
// groups by position (行政复议 first) unless a "复议后起诉" header stands right before a group.
// Such a reconstruction is marked uncertain. When nothing adds up (which also happens when
// the published totals are wrong) the values are kept in order, also marked uncertain.
import { isNumberToken } from './pdftotextText';
import type { CellToken } from './shapeReader';

/** One item of the 表四 stream: a value, or a line of header/label text. */
export type ReviewItem = { kind: 'value'; token: CellToken } | { kind: 'label'; text: string };

export type ReviewReadingKind = 'in-order' | 'reconstructed' | 'unverified';

export interface ReviewReading {
  kind: ReviewReadingKind;
  /** 15 tokens in key order (行政复议 维持 纠正 其他 尚未 总计, 直接起诉 …, 复议后起诉 …). */
  tokens: CellToken[];
}

const RESULTS = 4;
const GROUP = RESULTS + 1;
const GROUPS = 3;

function numberOf(token: CellToken): bigint | null {
  return isNumberToken(token.raw) && /^\d+$/u.test(token.raw) ? BigInt(token.raw) : null;
}

function sumOf(tokens: readonly CellToken[]): bigint | null {
  let sum = 0n;
  for (const token of tokens) {
    const value = numberOf(token);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

function groupAddsUp(results: readonly CellToken[], total: CellToken): boolean {
  const sum = sumOf(results);
  return sum !== null && sum === numberOf(total);
}

interface Candidate {
  /** Position (in the value sequence) of the first of the four results. */
  start: number;
  total: number;
}

/** All ways to cut the values into three (four results + later total) groups that add up. */
function reconstructions(values: readonly CellToken[], runOf: readonly number[]): Candidate[][] {
  const found: Candidate[][] = [];
  const used = new Array<boolean>(values.length).fill(false);
  const chosen: Candidate[] = [];
  const search = (from: number): void => {
    if (chosen.length === GROUPS) {
      if (used.every(Boolean)) found.push([...chosen]);
      return;
    }
    for (let start = from; start + RESULTS <= values.length; start += 1) {
      const window = Array.from({ length: RESULTS }, (_, offset) => start + offset);
      if (window.some((index) => used[index] || runOf[index] !== runOf[start])) continue;
      const results = window.map((index) => values[index]);
      for (let total = start + RESULTS; total < values.length; total += 1) {
        if (used[total] || !groupAddsUp(results, values[total])) continue;
        window.forEach((index) => (used[index] = true));
        used[total] = true;
        chosen.push({ start, total });
        search(start + RESULTS);
        chosen.pop();
        used[total] = false;
        window.forEach((index) => (used[index] = false));
      }
    }
  };
  search(0);
  return found;
}

export function readReviewGroups(items: readonly ReviewItem[]): ReviewReading | null {
  const values: CellToken[] = [];
  const runOf: number[] = [];
  /** Label text printed just before each value (since the previous value). */
  const labelBefore: string[] = [];
  let run = 0;
  let pendingLabel = '';
  for (const item of items) {
    if (item.kind === 'label') {
      if (pendingLabel === '' && values.length > 0) run += 1;
      pendingLabel += item.text;
      continue;
    }
    values.push(item.token);
    runOf.push(run);
    labelBefore.push(pendingLabel);
    pendingLabel = '';
  }
  if (values.length !== GROUP * GROUPS) return null;
  const inOrder = Array.from({ length: GROUPS }, (_, group) =>
    groupAddsUp(
      values.slice(group * GROUP, group * GROUP + RESULTS),
      values[group * GROUP + RESULTS],
    ),
  );
  if (inOrder.every(Boolean)) return { kind: 'in-order', tokens: values };
  const readings = reconstructions(values, runOf);
  if (readings.length !== 1) return { kind: 'unverified', tokens: values };
  const groups = [...readings[0]].sort((a, b) => a.start - b.start);
  const afterReview = groups.findIndex((group) => labelBefore[group.start].includes('复议后起诉'));
  const ordered =
    afterReview >= 0
      ? [...groups.filter((_, index) => index !== afterReview), groups[afterReview]]
      : groups;
  const tokens = ordered.flatMap((group) => [
    ...Array.from({ length: RESULTS }, (_, offset) => values[group.start + offset]),
    values[group.total],
  ]);
  return { kind: 'reconstructed', tokens };
}
