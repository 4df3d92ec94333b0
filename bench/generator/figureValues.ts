// Realistic, rule-consistent values for all 200 figures of one report: 表三 balances per
// column (new + carried over = processed + carried forward), outcome rows add up to the
// processed total, every row's total column is the sum of its six applicant columns, and each
// 表四 group's total is the sum of its four results. Sizes vary per agency like real reports
// (a county bureau gets a dozen applications, a city government hundreds).
import { FIGURE_KEYS, T3_COLUMNS, T3_ROWS, T4_GROUPS } from '../../src/domain/format/figureCatalog';
import type { DecimalString } from '../../src/domain/importer/types';
import type { Random } from './prng';

export type FigureValueMap = Record<string, DecimalString>;

const APPLICANT_COLUMNS = T3_COLUMNS.filter((column) => column !== 'total');
const BALANCE_ROWS = new Set(['newReceived', 'carriedOver', 'total', 'carriedForward']);
/** 表三 outcome rows (granted … otherHandling.*): they add up to the processed total. */
export const T3_OUTCOME_ROWS: readonly string[] = T3_ROWS.filter((row) => !BALANCE_ROWS.has(row));

/** How likely an application ends in each outcome row: most are granted or not held. */
const OUTCOME_WEIGHTS: Readonly<Record<string, number>> = {
  granted: 50,
  partiallyGranted: 8,
  'unavailable.notHeld': 20,
  'notProcessed.duplicate': 4,
  'otherHandling.other': 4,
};

/** Share of applications by applicant column (natural persons dominate). */
const COLUMN_WEIGHTS = [80, 12, 1, 1, 3, 3];

function weightedPick(random: Random, weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let roll = random.next() * sum;
  for (let index = 0; index < weights.length; index++) {
    roll -= weights[index];
    if (roll < 0) return index;
  }
  return weights.length - 1;
}

function spread(random: Random, count: number, weights: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  for (let i = 0; i < count; i++) parts[weightedPick(random, weights)]++;
  return parts;
}

/** An exact 万元 amount with up to 6 decimals, built from integers (no float formatting). */
function feeAmount(random: Random): DecimalString {
  if (random.chance(0.5)) return '0';
  const whole = random.int(0, 30000);
  const fraction = String(random.int(0, 999999)).padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Scale of an agency: applications received per year. */
export function agencySize(random: Random): number {
  return random.pick([3, 8, 15, 40, 90, 250, 600]);
}

export function generateFigureValues(random: Random, size = agencySize(random)): FigureValueMap {
  const values: FigureValueMap = {};
  for (const key of FIGURE_KEYS) values[key] = '0';
  const set = (key: string, value: number): void => {
    values[key] = String(value);
  };

  const outcomeWeights = T3_OUTCOME_ROWS.map((row) => OUTCOME_WEIGHTS[row] ?? 1);
  const newByColumn = spread(random, random.int(Math.ceil(size / 2), size * 2), COLUMN_WEIGHTS);
  const rowTotals = new Map<string, number>();
  const addToRow = (row: string, column: string, value: number): void => {
    set(`t3.${row}.${column}`, value);
    rowTotals.set(row, (rowTotals.get(row) ?? 0) + value);
  };
  APPLICANT_COLUMNS.forEach((column, index) => {
    const received = newByColumn[index];
    const carriedOver = received > 0 && random.chance(0.3) ? random.int(0, 3) : 0;
    const open = received + carriedOver;
    const carriedForward = open > 0 && random.chance(0.3) ? random.int(0, Math.min(3, open)) : 0;
    const processed = open - carriedForward;
    addToRow('newReceived', column, received);
    addToRow('carriedOver', column, carriedOver);
    addToRow('carriedForward', column, carriedForward);
    addToRow('total', column, processed);
    spread(random, processed, outcomeWeights).forEach((count, outcome) =>
      addToRow(T3_OUTCOME_ROWS[outcome], column, count),
    );
  });
  for (const row of T3_ROWS) set(`t3.${row}.total`, rowTotals.get(row) ?? 0);

  for (const group of T4_GROUPS) {
    const results = [0, 0, 0, 0].map(() => (random.chance(0.35) ? random.int(0, 4) : 0));
    ['upheld', 'corrected', 'other', 'pending'].forEach((result, index) =>
      set(`t4.${group}.${result}`, results[index]),
    );
    set(
      `t4.${group}.total`,
      results.reduce((a, b) => a + b, 0),
    );
  }

  for (const item of ['rules', 'normativeDocs']) {
    const issued = random.int(0, item === 'rules' ? 3 : 40);
    const repealed = random.int(0, issued);
    set(`t2.${item}.issued`, issued);
    set(`t2.${item}.repealed`, repealed);
    set(`t2.${item}.inForce`, random.int(issued, issued + 500));
  }
  set('t2.licensing.decisions', random.int(0, size * 200));
  set('t2.penalty.decisions', random.int(0, size * 20));
  set('t2.coercion.decisions', random.int(0, size));
  values['t2.fees.amount'] = feeAmount(random);
  return values;
}
