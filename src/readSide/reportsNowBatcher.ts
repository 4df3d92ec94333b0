// Many requests holding cached answers ask at once whether their reports changed (32 readers
// of one report: 32 identical checks). They share checks instead, but only checks that
// started after they asked: a check already under way may have been sent before an edit this
// request must see, so newcomers wait for it to end and then go together in the next one. At
// most one check runs and one gathers at any time, and every answer is as fresh as a check
// of its own would have been.
import { readKeyOf, type ReportRead, type ReportsNow } from './reportReads';

interface Waiting {
  reads: readonly ReportRead[];
  resolve(now: ReportsNow): void;
  reject(error: unknown): void;
}

export class ReportsNowBatcher {
  private running = false;
  private waiting: Waiting[] = [];

  constructor(private readonly check: (reads: readonly ReportRead[]) => Promise<ReportsNow>) {}

  /** What is true now about `reads`, from a check that started after this call. */
  now(reads: readonly ReportRead[]): Promise<ReportsNow> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ reads, resolve, reject });
      if (!this.running) this.startNext();
    });
  }

  private startNext(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) {
      this.running = false;
      return;
    }
    this.running = true;
    const reads = new Map<string, ReportRead>();
    for (const item of batch) for (const read of item.reads) reads.set(readKeyOf(read), read);
    this.check([...reads.values()]).then(
      (now) => {
        for (const item of batch) item.resolve(now);
        this.startNext();
      },
      (error: unknown) => {
        for (const item of batch) item.reject(error);
        this.startNext();
      },
    );
  }
}
