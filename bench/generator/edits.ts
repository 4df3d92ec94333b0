// Rule-preserving edits, the kind a clerk makes when correcting a report: move applications
// from one outcome row to another within a column (both row totals follow), add a 表四 case
// (its group total follows), or correct a 表二 count. Every edit keeps the consistency rules
// satisfied, so a long edit sequence exercises history without drowning reads in failures.
import { T3_COLUMNS, T4_GROUPS } from '../../src/domain/format/figureCatalog';
import type { DecimalString } from '../../src/domain/importer/types';
import { T3_OUTCOME_ROWS, type FigureValueMap } from './figureValues';
import type { Random } from './prng';

export interface FigureEdit {
  changes: Array<{ key: string; value: DecimalString }>;
  reason: string;
}

const APPLICANT_COLUMNS = T3_COLUMNS.filter((column) => column !== 'total');

function count(values: FigureValueMap, key: string): number {
  return Number(values[key] ?? '0');
}

function moveBetweenOutcomes(random: Random, values: FigureValueMap): FigureEdit | null {
  const column = random.pick(APPLICANT_COLUMNS);
  const sources = T3_OUTCOME_ROWS.filter((row) => count(values, `t3.${row}.${column}`) > 0);
  if (sources.length === 0) return null;
  const from = random.pick(sources);
  const to = random.pick(T3_OUTCOME_ROWS.filter((row) => row !== from));
  const moved = random.int(1, count(values, `t3.${from}.${column}`));
  const change = (key: string, delta: number): { key: string; value: DecimalString } => ({
    key,
    value: String(count(values, key) + delta),
  });
  return {
    changes: [
      change(`t3.${from}.${column}`, -moved),
      change(`t3.${to}.${column}`, moved),
      change(`t3.${from}.total`, -moved),
      change(`t3.${to}.total`, moved),
    ],
    reason: `复核办理结果：${moved} 件由 ${from} 改列 ${to}`,
  };
}

function addReviewCase(random: Random, values: FigureValueMap): FigureEdit {
  const group = random.pick(T4_GROUPS);
  const result = random.pick(['upheld', 'corrected', 'other', 'pending']);
  const bump = (key: string): { key: string; value: DecimalString } => ({
    key,
    value: String(count(values, key) + 1),
  });
  return {
    changes: [bump(`t4.${group}.${result}`), bump(`t4.${group}.total`)],
    reason: `补录遗漏的${group}案件`,
  };
}

function correctT2Count(random: Random, values: FigureValueMap): FigureEdit {
  const key = random.pick(['t2.licensing.decisions', 't2.penalty.decisions']);
  const next = Math.max(0, count(values, key) + random.int(-5, 5));
  return { changes: [{ key, value: String(next) }], reason: '据台账更正决定数量' };
}

/** One edit valid against `values` (which it does not modify). */
export function generateEdit(random: Random, values: FigureValueMap): FigureEdit {
  const roll = random.next();
  if (roll < 0.6) {
    const move = moveBetweenOutcomes(random, values);
    if (move) return move;
  }
  if (roll < 0.85) return addReviewCase(random, values);
  return correctT2Count(random, values);
}

/** Applies an edit's changes to a copy of `values`. */
export function applyEdit(values: FigureValueMap, edit: FigureEdit): FigureValueMap {
  const next = { ...values };
  for (const change of edit.changes) next[change.key] = change.value;
  return next;
}
