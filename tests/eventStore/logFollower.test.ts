// The follower's hole handling, against an in-memory log and an injected clock (no timings).
import {
  createLogFollower,
  type FollowableLog,
  type PositionRange,
  type RecordedEvent,
} from '../../events/store';

function event(position: number, type = 'T', streamId = 's'): RecordedEvent {
  return {
    eventId: `e${position}`,
    streamId,
    revision: position,
    position,
    type,
    schemaVersion: 1,
    data: null,
    metadata: { actor: { id: 'u', name: 'u' } },
    recordedAt: new Date(0),
    hash: 'h',
    previousHash: null,
  };
}

class FakeLog implements FollowableLog {
  events: RecordedEvent[] = [];
  burned: PositionRange[] = [];
  async readAll(
    options: { fromPosition?: number; maxCount?: number } = {},
  ): Promise<RecordedEvent[]> {
    const after = this.events
      .filter((e) => e.position > (options.fromPosition ?? 0))
      .sort((a, b) => a.position - b.position);
    return after.slice(0, options.maxCount ?? after.length);
  }
  async burnedPositions(from: number, to: number): Promise<PositionRange[]> {
    return this.burned.filter((r) => r.fromPosition <= to && r.toPosition >= from);
  }
}

describe('LogFollower', () => {
  let log: FakeLog;
  let clock: number;
  const skipped: PositionRange[] = [];
  const follower = (options = {}) =>
    createLogFollower(log, {
      holeTimeoutMs: 1000,
      now: () => clock,
      onHoleSkipped: (r) => skipped.push(r),
      ...options,
    });
  beforeEach(() => {
    log = new FakeLog();
    clock = 0;
    skipped.length = 0;
  });

  it('delivers contiguous events in order and moves its checkpoint', async () => {
    log.events = [event(1), event(2), event(3)];
    const f = follower();
    expect((await f.next()).map((e) => e.position)).toEqual([1, 2, 3]);
    expect(f.checkpoint).toBe(3);
    expect(await f.next()).toEqual([]);
  });

  it('waits at a hole that may still fill, and delivers the late event in its place', async () => {
    log.events = [event(1), event(3)];
    const f = follower();
    expect((await f.next()).map((e) => e.position)).toEqual([1]);
    clock = 999;
    expect(await f.next()).toEqual([]);
    log.events.push(event(2));
    expect((await f.next()).map((e) => e.position)).toEqual([2, 3]);
    expect(skipped).toEqual([]);
  });

  it('skips a hole that stays open past the timeout, and says so', async () => {
    log.events = [event(1), event(4)];
    const f = follower();
    expect((await f.next()).map((e) => e.position)).toEqual([1]);
    clock = 1000;
    expect((await f.next()).map((e) => e.position)).toEqual([4]);
    expect(skipped).toEqual([{ fromPosition: 2, toPosition: 3 }]);
  });

  it('skips burned positions at once', async () => {
    log.events = [event(1), event(5)];
    log.burned = [{ fromPosition: 2, toPosition: 4 }];
    expect((await follower().next()).map((e) => e.position)).toEqual([1, 5]);
    expect(skipped).toEqual([]);
  });

  it('moves the checkpoint past filtered-out events without delivering them', async () => {
    log.events = [event(1, 'A', 'r-1'), event(2, 'B', 'r-1'), event(3, 'A', 'x-1')];
    const f = follower({ types: ['A'], streamPrefix: 'r-' });
    expect((await f.next()).map((e) => e.position)).toEqual([1]);
    expect(f.checkpoint).toBe(3);
  });

  it('resumes from a checkpoint and reads in batches', async () => {
    log.events = [1, 2, 3, 4, 5].map((p) => event(p));
    const f = follower({ fromPosition: 2, batchSize: 2 });
    expect((await f.next()).map((e) => e.position)).toEqual([3, 4]);
    expect((await f.next()).map((e) => e.position)).toEqual([5]);
  });

  it('keeps the checkpoint before a batch whose handler failed, and ends the subscription', async () => {
    log.events = [event(1), event(2)];
    const f = follower({ pollIntervalMs: 1 });
    const subscription = f.subscribe(() => {
      throw new Error('projection failed');
    });
    await expect(subscription.done).rejects.toThrow('projection failed');
    expect(f.checkpoint).toBe(0);
  });

  it('hands every event to a subscription once, then stops cleanly', async () => {
    log.events = [event(1), event(2)];
    const f = follower({ pollIntervalMs: 1 });
    const seen: number[] = [];
    const subscription = f.subscribe((events) => {
      seen.push(...events.map((e) => e.position));
      if (seen.length === 3) void subscription.stop();
      if (seen.length === 2) log.events.push(event(3));
    });
    await subscription.done;
    expect(seen).toEqual([1, 2, 3]);
    expect(f.checkpoint).toBe(3);
  });
});
