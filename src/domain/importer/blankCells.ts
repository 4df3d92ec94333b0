// Blank cells the table's own sums fill in. A blank stays blank (it is what was printed), but
// when a row total or the T3 balance says it stands for a non-zero count, a warning names the
// key so the reader sees the gap — e.g. a converter that lost the 总计 of 四、结转下年度继续办理.
import { T3_COLUMNS, T3_ROWS } from '../format/figureCatalog';
import { addDecimals, compareDecimals, subtractDecimals } from '../format/decimal';
import { makeWarning } from './shapes/shapeReader';
import { t3RowKeys } from './tableKeys';
import type { FigureReading, ImportWarning } from './types';

function isBlank(figure: FigureReading | undefined): boolean {
  return (
    figure !== undefined && figure.value === null && figure.marker === null && figure.raw === ''
  );
}

/** Solve sum(left) = sum(right) for the one blank key, when all others hold numbers. */
function implied(
  figures: Readonly<Record<string, FigureReading>>,
  left: readonly string[],
  right: readonly string[],
): { key: string; value: string } | null {
  const all = [...left, ...right];
  const blanks = all.filter((key) => isBlank(figures[key]));
  if (blanks.length !== 1) return null;
  if (all.some((key) => key !== blanks[0] && figures[key]?.value == null)) return null;
  const sum = (keys: readonly string[]): string =>
    addDecimals(keys.filter((key) => key !== blanks[0]).map((key) => figures[key].value as string));
  const value = left.includes(blanks[0])
    ? subtractDecimals(sum(right), sum(left))
    : subtractDecimals(sum(left), sum(right));
  return { key: blanks[0], value };
}

export function blankCellWarnings(
  figures: Readonly<Record<string, FigureReading>>,
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const reported = new Set<string>();
  const check = (left: readonly string[], right: readonly string[], rule: string): void => {
    const found = implied(figures, left, right);
    if (!found || reported.has(found.key) || compareDecimals(found.value, '0') === 0) return;
    reported.add(found.key);
    warnings.push(
      makeWarning(
        'BLANK_CELL_IMPLIED',
        [found.key],
        `${found.key} is blank in the source, but ${rule} implies ${found.value}; left empty`,
        figures[found.key]?.source ?? null,
      ),
    );
  };
  for (const row of T3_ROWS) {
    const keys = t3RowKeys(row);
    check(keys.slice(0, 6), [keys[6]], `the row total (T3_ROW_TOTAL)`);
  }
  for (const column of T3_COLUMNS) {
    check(
      [`t3.newReceived.${column}`, `t3.carriedOver.${column}`],
      [`t3.total.${column}`, `t3.carriedForward.${column}`],
      'T3_BALANCE',
    );
  }
  return warnings;
}
