// Turning uncertain runs (digit runs with lost boundaries, rows with a value too many) into
// figures. The table's arithmetic decides when it can; narrative hints may then pick among
// what is left, and what still differs stays empty. Every key whose reading needed more than
// the text gives is named in a warning.
import type { CellToken } from './cells';
import { readFigure } from './cells';
import type { Assignment, CandidateGroup, LinearConstraint } from './constraintSolver';
import { agreedValues, preferByHints, solveGroups } from './constraintSolver';
import type { FigureHint } from './narrativeHints';
import { makeWarning } from './shapes/shapeReader';
import type { FigureReading, ImportWarning, SourceLocation } from './types';

export interface RunCandidate {
  /** One value per key of the run. */
  values: number[];
  /** The token each value came from (its raw text is the number as cut from the run). */
  tokens: CellToken[];
}

export interface UncertainRun {
  id: string;
  keys: string[];
  candidates: RunCandidate[];
  /** The run as it stands in the source ("640020470"), kept as raw text of undetermined cells. */
  raw: string;
  /** What was read, for messages: `"640020470" (一、本年新收…)`. */
  description: string;
  source: SourceLocation | null;
}

export interface RunCodes {
  /** For keys the arithmetic settled although the text alone did not (e.g. DIGIT_RUN_SPLIT). */
  inferred: string;
  /** For keys still open (e.g. DIGIT_RUN_AMBIGUOUS, ROW_WIDTH_MISMATCH). */
  ambiguous: string;
}

export interface RunResolution {
  figures: Record<string, FigureReading>;
  warnings: ImportWarning[];
}

function tokenFor(run: UncertainRun, key: string, value: number, solution?: Assignment): CellToken {
  const position = run.keys.indexOf(key);
  const candidate =
    run.candidates.find(
      (c) =>
        c.values[position] === value &&
        (!solution ||
          run.keys.every((k, i) => solution[k] === undefined || solution[k] === c.values[i])),
    ) ?? run.candidates.find((c) => c.values[position] === value);
  return candidate?.tokens[position] ?? { raw: String(value), source: run.source };
}

/**
 * Resolve runs jointly. `fixed` are certain values elsewhere in the tables (they take part
 * in the constraints). Runs with exactly one candidate are read as they are.
 */
export function resolveRuns(
  runs: readonly UncertainRun[],
  constraints: readonly LinearConstraint[],
  fixed: Assignment,
  hints: readonly FigureHint[],
  codes: RunCodes,
): RunResolution {
  const figures: Record<string, FigureReading> = {};
  const warnings: ImportWarning[] = [];
  const groups: CandidateGroup[] = runs
    .filter((run) => run.candidates.length > 0)
    .map((run) => ({
      id: run.id,
      keys: run.keys,
      candidates: run.candidates.map((candidate) => candidate.values),
    }));
  const uncertainRuns = runs.filter((run) => run.candidates.length > 1);
  const unreadableRuns = runs.filter((run) => run.candidates.length === 0);
  for (const run of runs.filter((r) => r.candidates.length === 1)) {
    run.keys.forEach((key, index) => {
      figures[key] = readFigure(key, run.candidates[0].tokens[index]);
    });
  }

  /** The distinct readings of `keys` among `readings` (whole-run values, in run key order). */
  const readingsOf = (
    keys: readonly string[],
    readings: ReadonlyArray<Readonly<Record<string, number>>>,
  ): Array<{ values: string[] }> => {
    const seen = new Map<string, { values: string[] }>();
    for (const reading of readings) {
      const values = keys.map((key) => String(reading[key]));
      seen.set(values.join('|'), { values });
    }
    return [...seen.values()];
  };
  const runReadings = (run: UncertainRun) =>
    run.candidates.map((candidate) =>
      Object.fromEntries(run.keys.map((key, index) => [key, candidate.values[index]])),
    );

  const leaveEmpty = (
    run: UncertainRun,
    keys: readonly string[],
    why: string,
    candidates?: Array<{ values: string[] }>,
  ): void => {
    for (const key of keys) {
      figures[key] = {
        key,
        value: null,
        raw: run.raw,
        marker: null,
        uncertain: false,
        source: run.source,
      };
    }
    const warning = makeWarning(codes.ambiguous, keys, `${run.description}: ${why}`, run.source);
    warnings.push(candidates && candidates.length > 1 ? { ...warning, candidates } : warning);
  };

  for (const run of unreadableRuns) {
    leaveEmpty(run, run.keys, 'no way to cut it into these columns; the cells are left empty');
  }
  if (uncertainRuns.length === 0) return { figures, warnings };

  const { solutions, truncated } = solveGroups(groups, constraints, fixed);
  const openKeys = uncertainRuns.flatMap((run) => run.keys);
  if (solutions.length === 0 || truncated) {
    const why =
      solutions.length === 0
        ? 'no reading satisfies the table sums; the cells are left empty'
        : 'too many readings to decide; the cells are left empty';
    for (const run of uncertainRuns) {
      // No reading fits the sums: every cut of the run is still a reading to check by hand.
      const candidates = truncated ? undefined : readingsOf(run.keys, runReadings(run));
      leaveEmpty(run, run.keys, why, candidates);
    }
    return { figures, warnings };
  }

  const agreed = agreedValues(solutions, openKeys);
  const preferred = preferByHints(solutions, hints);
  const preferredAgreed = agreedValues(preferred, openKeys);
  const hintUsed = preferred.length < solutions.length;
  for (const run of uncertainRuns) {
    const settled = run.keys.filter((key) => agreed[key] !== null);
    const byHint = run.keys.filter((key) => agreed[key] === null && preferredAgreed[key] !== null);
    const open = run.keys.filter((key) => agreed[key] === null && preferredAgreed[key] === null);
    for (const key of settled) {
      figures[key] = readFigure(key, tokenFor(run, key, agreed[key] as number, solutions[0]));
    }
    for (const key of byHint) {
      figures[key] = readFigure(
        key,
        tokenFor(run, key, preferredAgreed[key] as number, preferred[0]),
        {
          uncertain: true,
        },
      );
    }
    if (run.candidates.length > 1 && settled.length > 0) {
      warnings.push(
        makeWarning(
          codes.inferred,
          settled,
          `${run.description}: ${solutions.length === 1 ? 'the only reading' : 'the reading all candidates share'} that satisfies the table sums (assumes the published table is consistent)`,
          run.source,
        ),
      );
    }
    if (byHint.length > 0) {
      warnings.push({
        ...makeWarning(
          codes.ambiguous,
          byHint,
          `${run.description}: more than one reading satisfies the table sums; best reading chosen ${hintUsed ? 'by figures stated in the narrative' : ''}, marked uncertain`,
          run.source,
        ),
        candidates: readingsOf(byHint, solutions),
      });
    }
    if (open.length > 0) {
      leaveEmpty(
        run,
        open,
        'more than one reading satisfies the table sums; the cells are left empty',
        readingsOf(open, solutions),
      );
    }
  }
  return { figures, warnings };
}
