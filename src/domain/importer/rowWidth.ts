// A printed row with more values than columns (the seed's 表四: 16 values for 15 cells).
// Which value is the stray one is not printed anywhere, so every way of dropping the extra
// values is a candidate; the group totals, then the narrative, choose; the rest stays empty.
import { parseCellText } from './cells';
import type { CellToken } from './cells';
import { tableConstraints } from './constraintSolver';
import type { FigureHint } from './narrativeHints';
import { resolveRuns } from './runResolver';
import type { RunCandidate } from './runResolver';
import { assignRow, makeWarning } from './shapes/shapeReader';
import type { RowAssignment } from './shapes/shapeReader';

/** Index sets of `total` positions choosing `keep` of them, in order. */
function combinations(total: number, keep: number, limit: number): number[][] {
  const results: number[][] = [];
  const current: number[] = [];
  const walk = (start: number): void => {
    if (results.length >= limit) return;
    if (current.length === keep) {
      results.push([...current]);
      return;
    }
    for (let index = start; index <= total - (keep - current.length); index += 1) {
      current.push(index);
      walk(index + 1);
      current.pop();
    }
  };
  walk(0);
  return results;
}

/**
 * Read a row of value tokens into `keys`. Equal counts are read directly. With extra values
 * (up to 3) the table constraints and narrative hints decide what they can; the keys they
 * cannot decide are left empty, and one ROW_WIDTH_MISMATCH warning names every key whose
 * reading depended on the choice. Fewer values than keys leave the whole row empty.
 */
export function readRowWithExtraValues(
  keys: readonly string[],
  tokens: readonly CellToken[],
  rowName: string,
  hints: readonly FigureHint[],
): RowAssignment {
  const extra = tokens.length - keys.length;
  const allNumbers = tokens.every((token) => parseCellText(token.raw).kind === 'number');
  if (extra <= 0 || extra > 3 || !allNumbers) return assignRow(keys, tokens, rowName);
  const values = tokens.map((token) => Number(parseCellText(token.raw).value));
  const candidates: RunCandidate[] = combinations(tokens.length, keys.length, 5000).map((kept) => ({
    values: kept.map((index) => values[index]),
    tokens: kept.map((index) => tokens[index]),
  }));
  const raw = tokens.map((token) => token.raw).join(' ');
  const resolution = resolveRuns(
    [
      {
        id: rowName,
        keys: [...keys],
        candidates,
        raw,
        description: `${rowName}: ${tokens.length} values for ${keys.length} columns ("${raw}")`,
        source: tokens[0]?.source ?? null,
      },
    ],
    tableConstraints(),
    {},
    hints,
    { inferred: 'ROW_WIDTH_RESOLVED', ambiguous: 'ROW_WIDTH_MISMATCH' },
  );
  const warnings = resolution.warnings;
  if (!warnings.some((warning) => warning.code === 'ROW_WIDTH_MISMATCH')) {
    warnings.push(
      makeWarning(
        'ROW_WIDTH_MISMATCH',
        [],
        `${rowName}: ${tokens.length} values for ${keys.length} columns ("${raw}"); only one reading satisfies the table sums`,
        tokens[0]?.source ?? null,
      ),
    );
  }
  return { figures: resolution.figures, warnings };
}
