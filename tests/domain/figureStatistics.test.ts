import { DecimalAccumulator, midpoint } from '../../src/corpus/decimalAccumulator';
import { decimalStatistics, integerStatistics } from '../../src/corpus/figureStatistics';
import { addDecimals } from '../../src/domain/format/decimal';

describe('figure statistics (unit)', () => {
  it('given fee amounts, when summed, then the sum is exact (no float drift)', () => {
    const fees = ['24252.311082', '0.1', '0.2', '18651.06', '7545'];
    const stats = decimalStatistics([...fees, null]);
    expect(stats.sum).toBe(addDecimals(fees));
    expect(stats).toMatchObject({
      reports: 6,
      withValue: 5,
      blanks: 1,
      min: '0.1',
      max: '24252.311082',
    });
  });

  it('given an even number of values, then the median is the exact midpoint', () => {
    const stats = decimalStatistics(['1', '2', '0.5', '10']);
    expect(stats.median).toBe(midpoint('1', '2'));
    expect(midpoint('1', '2')).toBe('1.5');
    expect(midpoint('0.1', '0.2')).toBe('0.15');
  });

  it('given counts with blanks, then blanks are not zeros', () => {
    const present = [0, 3, 7];
    const stats = integerStatistics(Float64Array.from(present), 2);
    expect(stats).toMatchObject({
      reports: 5,
      withValue: 3,
      blanks: 2,
      sum: String(present.reduce((a, b) => a + b, 0)),
      min: '0',
      max: '7',
      median: '3',
    });
    expect(stats.mean).toBeCloseTo(10 / 3);
  });

  it('given only blanks, then sum, min, max, mean and median are absent', () => {
    expect(integerStatistics(new Float64Array(0), 4)).toMatchObject({
      reports: 4,
      withValue: 0,
      sum: null,
      mean: null,
      median: null,
    });
  });

  it('given 100k values one at a time, then the accumulator matches addDecimals', () => {
    const values = Array.from(
      { length: 1000 },
      (_, i) => `${i}.${String(i % 97).padStart(2, '0')}`,
    );
    const accumulator = new DecimalAccumulator();
    for (const value of values) accumulator.add(value);
    expect(accumulator.total).toBe(addDecimals(values));
  });
});
