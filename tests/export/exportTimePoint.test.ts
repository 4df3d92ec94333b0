import {
  describeTimePoint,
  ExportTimePointError,
  parseAsOf,
  parseAtRevision,
} from '../../src/export/exportTimePoint';

describe('export time points (unit)', () => {
  it('given a revision text, when read, then 0 and larger integers are accepted and nothing else', () => {
    expect(parseAtRevision('0')).toBe(0);
    expect(parseAtRevision(' 12 ')).toBe(12);
    for (const bad of ['-1', '1.5', 'first', '', '99999999999999999999']) {
      expect(() => parseAtRevision(bad)).toThrow(ExportTimePointError);
    }
  });

  it('given an instant text, when read, then ISO 8601 is accepted as GraphQL DateTime accepts it', () => {
    expect(parseAsOf('2025-01-31T08:00:00Z').toISOString()).toBe('2025-01-31T08:00:00.000Z');
    expect(parseAsOf('2025-01-31T16:00:00+08:00').toISOString()).toBe('2025-01-31T08:00:00.000Z');
    expect(parseAsOf('2025-01-31').toISOString()).toBe('2025-01-31T00:00:00.000Z');
    for (const bad of ['yesterday', '2025-13-01T00:00:00Z', '1700000000', '31/01/2025']) {
      expect(() => parseAsOf(bad)).toThrow(/ISO 8601/);
    }
  });

  it('given a time point, when described, then it says which version', () => {
    expect(describeTimePoint({})).toBe('');
    expect(describeTimePoint({ atRevision: 0 })).toBe('at revision 0');
    expect(describeTimePoint({ asOf: new Date('2025-01-31T08:00:00Z') })).toBe(
      'as of 2025-01-31T08:00:00.000Z',
    );
  });
});
