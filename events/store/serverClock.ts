// recordedAt comes from the database server's clock (`hello.localTime`), never the caller's
// wall clock: one clock for every writer process. Reading it costs a command per append, so a
// reading is reused for up to `maxAgeMs`, advanced by this process's monotonic clock (never by
// its wall clock, which may be set anywhere). Over a second, a quartz clock drifts by well under
// a millisecond, less than the round trip that separates a `hello` from the insert after it.
// An extrapolated time can be behind the server's by at most the reading's round trip (the reply
// may wait in a busy event loop), so only a reading whose round trip was short is reused: under
// load every append reads the clock afresh rather than stamp an event tens of ms in the past.
import type { Db } from 'mongodb';

export class ServerClock {
  private reading: { serverMs: number; takenAt: number } | null = null;
  /** Longest round trip of a reading that may be reused (ms). */
  static readonly MAX_REUSED_ROUND_TRIP_MS = 5;
  private inFlight: Promise<Date> | null = null;

  constructor(
    private readonly db: Db,
    private readonly maxAgeMs: number,
  ) {}

  /** The server's time now: from a fresh `hello`, or a reading at most maxAgeMs old. */
  async now(): Promise<Date> {
    const reading = this.reading;
    if (reading && performance.now() - reading.takenAt < this.maxAgeMs) {
      return new Date(reading.serverMs + Math.floor(performance.now() - reading.takenAt));
    }
    // Concurrent callers share one `hello`.
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async read(): Promise<Date> {
    const sentAt = performance.now();
    const reply = await this.db.command({ hello: 1 });
    const localTime: unknown = reply.localTime;
    if (!(localTime instanceof Date))
      throw new Error('the database did not report its time (hello.localTime)');
    // The server read its clock before replying: anchoring the reading at the reply's arrival
    // keeps an extrapolated time from ever being ahead of the server's.
    const receivedAt = performance.now();
    this.reading =
      receivedAt - sentAt <= ServerClock.MAX_REUSED_ROUND_TRIP_MS
        ? { serverMs: localTime.getTime(), takenAt: receivedAt }
        : null;
    return localTime;
  }
}
