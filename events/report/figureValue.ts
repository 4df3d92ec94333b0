// What a cell may hold: counts are non-negative integers, the fee a non-negative decimal,
// narrative figures non-negative decimals. Validation names the input field on failure.
import { figureDefinition } from '../../src/domain/format/figureCatalog';
import { canonicalDecimal, isIntegerDecimal } from '../../src/domain/format/decimal';
import type { DecimalString } from './storedTypes';
import { ReportInputError } from './errors';

export const NARRATIVE_KEY_PREFIX = 'n.';

export function isNarrativeKey(key: string): boolean {
  return key.startsWith(NARRATIVE_KEY_PREFIX);
}

/** Canonical value for `key`, or null for "clear the cell"; throws ReportInputError. */
export function validateFigureValue(
  key: string,
  input: string | null,
  field: string,
): DecimalString | null {
  if (input === null) return null;
  const value = canonicalDecimal(input);
  if (value === null || input.trim().length > 40) {
    throw new ReportInputError(
      `"${input.slice(0, 40)}" is not a decimal number like 12 or 28.4885`,
      field,
    );
  }
  if (value.startsWith('-')) throw new ReportInputError(`${key} cannot be negative`, field);
  const definition = figureDefinition(key);
  if (definition?.valueType === 'integer' && !isIntegerDecimal(value)) {
    throw new ReportInputError(`${key} is a count and must be a whole number`, field);
  }
  return value;
}
