// Unit: concurrent revision checks of cached answers are shared, but only checks that started
// after a request asked answer it (one already under way may predate an edit it must see).
import type { ReportRead, ReportsNow } from '../../src/readSide/reportReads';
import { ReportsNowBatcher } from '../../src/readSide/reportsNowBatcher';

interface Call {
  reads: readonly ReportRead[];
  finish(now: ReportsNow): void;
  fail(error: Error): void;
}

function controlledCheck(): {
  calls: Call[];
  check: (reads: readonly ReportRead[]) => Promise<ReportsNow>;
} {
  const calls: Call[] = [];
  return {
    calls,
    check: (reads) =>
      new Promise<ReportsNow>((resolve, reject) => {
        calls.push({ reads, finish: resolve, fail: reject });
      }),
  };
}

const nothing: ReportsNow = { advanced: new Set(), created: new Set() };
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReportsNowBatcher', () => {
  it('given a check under way, when more requests ask, then they wait for it and share one new check', async () => {
    const { calls, check } = controlledCheck();
    const batcher = new ReportsNowBatcher(check);
    const first = batcher.now([{ reportId: 'a', revision: 1 }]);
    expect(calls).toHaveLength(1);
    const second = batcher.now([{ reportId: 'a', revision: 1 }]);
    const third = batcher.now([{ reportId: 'b', revision: null }]);
    // Not answered by the check that was already running.
    expect(calls).toHaveLength(1);
    const firstNow: ReportsNow = { advanced: new Set(['a@1']), created: new Set() };
    calls[0].finish(firstNow);
    await expect(first).resolves.toBe(firstNow);
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1].reads).toEqual([
      { reportId: 'a', revision: 1 },
      { reportId: 'b', revision: null },
    ]);
    calls[1].finish(nothing);
    await expect(second).resolves.toBe(nothing);
    await expect(third).resolves.toBe(nothing);
  });

  it('given a check fails, when its requests are answered, then they get the error and the next request checks anew', async () => {
    const { calls, check } = controlledCheck();
    const batcher = new ReportsNowBatcher(check);
    const failing = batcher.now([{ reportId: 'a', revision: 1 }]);
    calls[0].fail(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    const later = batcher.now([{ reportId: 'a', revision: 1 }]);
    expect(calls).toHaveLength(2);
    calls[1].finish(nothing);
    await expect(later).resolves.toBe(nothing);
  });
});
