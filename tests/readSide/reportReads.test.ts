// Unit: a cached answer is valid exactly while every report it read is at the revision read
// (and every report read as absent is still absent).
import { ReportReadSet, readKeyOf, readsStillCurrent } from '../../src/readSide/reportReads';

const nothingChanged = { advanced: new Set<string>(), created: new Set<string>() };

describe('report reads of a cached answer', () => {
  it('given reads of two reports, when neither changed, then the answer is current', () => {
    const reads = new ReportReadSet();
    reads.saw('r1', 3);
    reads.saw('r0', null);
    const vouched = reads.consistentReads();
    expect(vouched).toEqual([
      { reportId: 'r1', revision: 3 },
      { reportId: 'r0', revision: null },
    ]);
    expect(readsStillCurrent(vouched ?? [], nothingChanged)).toBe(true);
  });

  it('given a report read at a revision, when it has a later revision, then the answer is stale', () => {
    const read = { reportId: 'r1', revision: 3 };
    const advanced = new Set([readKeyOf(read)]);
    expect(readsStillCurrent([read], { ...nothingChanged, advanced })).toBe(false);
    // Another reader's read of the same report at a later revision is not advanced by that.
    expect(
      readsStillCurrent([{ reportId: 'r1', revision: 4 }], { ...nothingChanged, advanced }),
    ).toBe(true);
  });

  it('given a report read as absent, when it exists now, then the answer is stale', () => {
    const reads = [
      { reportId: 'r1', revision: 3 },
      { reportId: 'r0', revision: null },
    ];
    expect(readsStillCurrent(reads, { ...nothingChanged, created: new Set(['r0']) })).toBe(false);
    // A report that exists and was read at a revision is not "created".
    expect(readsStillCurrent(reads, { ...nothingChanged, created: new Set(['r1']) })).toBe(true);
  });

  it('given one report seen at two revisions, when asked for the reads, then none vouch for the answer', () => {
    const reads = new ReportReadSet();
    reads.saw('r1', 3);
    reads.saw('r1', 4);
    expect(reads.consistentReads()).toBeNull();
  });

  it('given data other than report read models was read, when asked for the reads, then none vouch for the answer', () => {
    const reads = new ReportReadSet();
    reads.saw('r1', 3);
    reads.sawOtherData();
    expect(reads.consistentReads()).toBeNull();
  });

  it('given no report was read, when asked for the reads, then none vouch for the answer', () => {
    expect(new ReportReadSet().consistentReads()).toBeNull();
  });
});
