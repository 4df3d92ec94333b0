// A report that prints （六）其他处理 as one row (the 2019-style row) instead of the 2021
// sub-rows 1.逾期不补正 / 2.逾期未缴费 / 3.其他. The printed row does not say which sub-row
// its applications belong to, so none of the 21 sub-row cells is determined: they are left
// empty, and one warning names them all and quotes the printed values so nothing is lost.
import type { FigureReading, ImportWarning } from '../types';
import { makeWarning, t3RowKeys } from './shapeReader';
import type { CellToken } from './shapeReader';
import { OTHER_HANDLING_ROWS } from './pdftotextRowAlignment';

export interface CollapsedReading {
  figures: Record<string, FigureReading>;
  warnings: ImportWarning[];
}

export function collapsedOtherHandling(tokens: readonly CellToken[]): CollapsedReading {
  const keys = OTHER_HANDLING_ROWS.flatMap(t3RowKeys);
  const source = tokens[0]?.source ?? null;
  const figures: Record<string, FigureReading> = {};
  for (const key of keys) {
    figures[key] = { key, value: null, raw: null, marker: null, uncertain: false, source };
  }
  const printed = tokens.map((token) => token.raw).join(' ');
  return {
    figures,
    warnings: [
      makeWarning(
        'ROW_COLLAPSED',
        keys,
        `表三 （六）其他处理 is printed as a single row (${printed}) without the sub-rows ` +
          '1.逾期不补正 / 2.逾期未缴费 / 3.其他; which sub-row its values belong to is not stated, ' +
          'so the 21 sub-row cells are left empty',
        source,
      ),
    ],
  };
}
