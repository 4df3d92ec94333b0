// Choosing among candidate readings with the table's own arithmetic. A group is a stretch of
// the source whose reading is uncertain (a digit run, a row with one value too many); each
// candidate assigns values to the group's keys. Only combinations that satisfy every linear
// constraint whose keys are all known survive. Counts are small integers, so plain numbers
// are exact here.
import { T3_COLUMNS, T3_ROWS, T4_GROUPS } from '../format/figureCatalog';
import { t3RowKeys, t4GroupKeys } from './tableKeys';

export type Assignment = Readonly<Record<string, number>>;

export interface CandidateGroup {
  id: string;
  keys: readonly string[];
  /** Each candidate gives a value for every key of the group, in `keys` order. */
  candidates: readonly (readonly number[])[];
}

/** sum(left) = sum(right). */
export interface LinearConstraint {
  id: string;
  left: readonly string[];
  right: readonly string[];
}

export interface SolveResult {
  /** Full assignments (fixed values plus one candidate per group) that satisfy every constraint. */
  solutions: Assignment[];
  /** True when the search stopped at the limit (solutions are then incomplete). */
  truncated: boolean;
}

function holds(constraint: LinearConstraint, values: Assignment): boolean | null {
  let left = 0;
  let right = 0;
  for (const key of constraint.left) {
    const value = values[key];
    if (value === undefined) return null;
    left += value;
  }
  for (const key of constraint.right) {
    const value = values[key];
    if (value === undefined) return null;
    right += value;
  }
  return left === right;
}

/**
 * Enumerate candidate combinations depth-first, pruning as soon as a constraint whose keys
 * are all assigned fails. `fixed` holds values already certain (they take part in checks).
 */
export function solveGroups(
  groups: readonly CandidateGroup[],
  constraints: readonly LinearConstraint[],
  fixed: Assignment = {},
  limit = 5000,
  maxSteps = 500_000,
): SolveResult {
  const solutions: Assignment[] = [];
  let truncated = false;
  // A budget on candidates tried keeps hostile input (very long digit runs) from hanging.
  let steps = 0;
  // Fewest candidates first: certain groups prune the rest early.
  const ordered = [...groups].sort((a, b) => a.candidates.length - b.candidates.length);
  const values: Record<string, number> = { ...fixed };
  const initiallyBroken = new Set(
    constraints.filter((constraint) => holds(constraint, values) === false).map((c) => c.id),
  );
  const active = constraints.filter((constraint) => !initiallyBroken.has(constraint.id));

  const walk = (index: number): void => {
    if (solutions.length >= limit) {
      truncated = true;
      return;
    }
    if (index === ordered.length) {
      solutions.push({ ...values });
      return;
    }
    const group = ordered[index];
    for (const candidate of group.candidates) {
      steps += 1;
      if (steps > maxSteps) {
        truncated = true;
        break;
      }
      group.keys.forEach((key, position) => {
        values[key] = candidate[position];
      });
      if (active.every((constraint) => holds(constraint, values) !== false)) walk(index + 1);
      if (truncated) break;
    }
    for (const key of group.keys) delete values[key];
  };
  walk(0);
  return { solutions, truncated };
}

/** The consistency rules of 表三 and 表四 as linear constraints (README 勾稽关系). */
export function tableConstraints(): LinearConstraint[] {
  const constraints: LinearConstraint[] = [];
  for (const row of T3_ROWS) {
    const keys = t3RowKeys(row);
    constraints.push({ id: `T3_ROW_TOTAL:${row}`, left: keys.slice(0, 6), right: [keys[6]] });
  }
  const resultRows = T3_ROWS.filter(
    (row) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(row),
  );
  for (const column of T3_COLUMNS) {
    constraints.push({
      id: `T3_BALANCE:${column}`,
      left: [`t3.newReceived.${column}`, `t3.carriedOver.${column}`],
      right: [`t3.total.${column}`, `t3.carriedForward.${column}`],
    });
    constraints.push({
      id: `T3_OUTCOMES:${column}`,
      left: resultRows.map((row) => `t3.${row}.${column}`),
      right: [`t3.total.${column}`],
    });
  }
  for (const group of T4_GROUPS) {
    const keys = t4GroupKeys(group);
    constraints.push({ id: `T4_GROUP_TOTAL:${group}`, left: keys.slice(0, 4), right: [keys[4]] });
  }
  return constraints;
}

/**
 * Narrow solutions with soft evidence (e.g. numbers stated in the narrative): keep the
 * solutions that agree with the most hints. A hint says sum(keys) = value.
 */
export function preferByHints(
  solutions: readonly Assignment[],
  hints: readonly { keys: readonly string[]; value: number }[],
): Assignment[] {
  if (solutions.length <= 1 || hints.length === 0) return [...solutions];
  const score = (solution: Assignment): number =>
    hints.filter((hint) => {
      let sum = 0;
      for (const key of hint.keys) {
        const value = solution[key];
        if (value === undefined) return false;
        sum += value;
      }
      return sum === hint.value;
    }).length;
  const scores = solutions.map(score);
  const best = Math.max(...scores);
  return solutions.filter((_solution, index) => scores[index] === best);
}

/** Per key: the single value all solutions agree on, or null when they differ. */
export function agreedValues(
  solutions: readonly Assignment[],
  keys: readonly string[],
): Record<string, number | null> {
  const agreed: Record<string, number | null> = {};
  for (const key of keys) {
    const values = new Set(solutions.map((solution) => solution[key]));
    agreed[key] = values.size === 1 ? ([...values][0] ?? null) : null;
  }
  return agreed;
}
