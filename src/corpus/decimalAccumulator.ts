// An exact running sum of decimal strings (the fee is a 万元 amount like 24252.311082): scaled
// BigInts, rescaled when a value with more fractional digits arrives. addDecimals in
// src/domain/format/decimal.ts does the same for a short list; this one takes 100k values one
// at a time without building an argument list.
import { canonicalDecimal } from '../domain/format/decimal';
import type { DecimalString } from '../domain/importer/types';

export class DecimalAccumulator {
  private scaled = 0n;
  private scale = 0;

  add(value: DecimalString): void {
    const negative = value.startsWith('-');
    const unsigned = negative ? value.slice(1) : value;
    const dot = unsigned.indexOf('.');
    const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
    const fraction = dot < 0 ? '' : unsigned.slice(dot + 1);
    if (fraction.length > this.scale) {
      this.scaled *= 10n ** BigInt(fraction.length - this.scale);
      this.scale = fraction.length;
    }
    const digits = BigInt(whole + fraction.padEnd(this.scale, '0'));
    this.scaled += negative ? -digits : digits;
  }

  get total(): DecimalString {
    return scaledToDecimal(this.scaled, this.scale);
  }

  /** Half the total, exactly. */
  get half(): DecimalString {
    return scaledToDecimal(this.scaled * 5n, this.scale + 1);
  }
}

export function scaledToDecimal(scaled: bigint, scale: number): DecimalString {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return canonicalDecimal((negative ? '-' : '') + text) as DecimalString;
}

/** (a + b) / 2, exactly: halving x at scale s is 5x at scale s + 1. */
export function midpoint(a: DecimalString, b: DecimalString): DecimalString {
  const sum = new DecimalAccumulator();
  sum.add(a);
  sum.add(b);
  return sum.half;
}
