import {
  addDecimals,
  canonicalDecimal,
  compareDecimals,
  subtractDecimals,
} from '../../src/domain/format/decimal';

describe('exact decimals', () => {
  it('keeps 28.488564 exactly and canonicalises zeros', () => {
    expect(canonicalDecimal('28.488564')).toBe('28.488564');
    expect(canonicalDecimal('0028.4800')).toBe('28.48');
    expect(canonicalDecimal('-0.0')).toBe('0');
    expect(canonicalDecimal('1,000')).toBeNull();
    expect(canonicalDecimal('1e3')).toBeNull();
  });

  it('adds without binary floating point drift', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['28.488564', '1.511436'])).toBe('30');
    expect(addDecimals([])).toBe('0');
    expect(subtractDecimals('96171.6', '0.6')).toBe('96171');
  });

  it('compares across scales', () => {
    expect(compareDecimals('1.50', '1.5')).toBe(0);
    expect(compareDecimals('2', '10')).toBe(-1);
    expect(compareDecimals('-1', '-2')).toBe(1);
  });
});
