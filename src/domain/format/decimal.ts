// Exact decimals as canonical strings. Figures are counts or 万元 amounts such as 28.488564;
// a binary float would drift, so arithmetic is done on scaled BigInts.
import type { DecimalString } from '../importer/types';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** True for a canonical or non-canonical plain decimal ("007", "1.50", "-3"). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/**
 * Canonical form: no leading zeros, no trailing fractional zeros, no "-0".
 * Returns null when `text` is not a plain decimal number.
 */
export function canonicalDecimal(text: string): DecimalString | null {
  const trimmed = text.trim();
  if (!DECIMAL_PATTERN.test(trimmed)) return null;
  const negative = trimmed.startsWith('-');
  const unsigned = negative ? trimmed.slice(1) : trimmed;
  const [whole, fraction = ''] = unsigned.split('.');
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  const fractionDigits = fraction.replace(/0+$/, '');
  const body = fractionDigits ? `${wholeDigits}.${fractionDigits}` : wholeDigits;
  return negative && body !== '0' ? `-${body}` : body;
}

function scaleOf(value: DecimalString): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

function toScaled(value: DecimalString, scale: number): bigint {
  const negative = value.startsWith('-');
  const unsigned = negative ? value.slice(1) : value;
  const [whole, fraction = ''] = unsigned.split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

function fromScaled(scaled: bigint, scale: number): DecimalString {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return canonicalDecimal((negative ? '-' : '') + text) as DecimalString;
}

/** Exact sum of decimals. */
export function addDecimals(values: readonly DecimalString[]): DecimalString {
  const scale = Math.max(0, ...values.map(scaleOf));
  return fromScaled(
    values.reduce((sum, value) => sum + toScaled(value, scale), 0n),
    scale,
  );
}

/** Exact difference a - b. */
export function subtractDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, scale) - toScaled(b, scale), scale);
}

/** -1, 0 or 1. */
export function compareDecimals(a: DecimalString, b: DecimalString): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const difference = toScaled(a, scale) - toScaled(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function isIntegerDecimal(value: DecimalString): boolean {
  return /^-?\d+$/.test(value);
}
