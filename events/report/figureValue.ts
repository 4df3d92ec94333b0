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

/** Places a decimal may have: 6 is below 1 fen of 万元 (0.000001 万元 = 0.01 元). */
export const MAX_DECIMAL_PLACES = 6;
/** The largest count a cell accepts (一亿): no table of an annual report comes near it. */
export const MAX_COUNT = 100_000_000;

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
  const places = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  if (places > MAX_DECIMAL_PLACES) {
    // Also what a binary float sent as a number looks like (0.1 + 0.2 = 0.30000000000000004).
    throw new ReportInputError(
      `${key} has ${places} decimal places; at most ${MAX_DECIMAL_PLACES} (give the decimal as a string such as "28.488564")`,
      field,
    );
  }
  if (definition?.valueType === 'integer' && Number(value) > MAX_COUNT) {
    throw new ReportInputError(`${key} is a count of at most ${MAX_COUNT}`, field);
  }
  return value;
}
