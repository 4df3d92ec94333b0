// Verification of a stretch of the global log as a reader gets it (RecordedEvents in position
// order, from readAll or a log follower), so whoever reads the log anyway (the projections'
// catch-up, the start-up check of the tail) verifies it without reading it again: each event's
// hash recomputed from what it states, its link to the previous event of its stream, and
// positions without a gap. The predecessor of a stream's first event in the stretch lies
// before it and is asked of the caller (one stream read), or trusted to the anchor hash when
// the caller knows it.
import { eventHash } from './eventHash';
import type { JsonValue, PositionRange, RecordedEvent, VerificationFailure } from './types';

/** The hash of revision `revision` of `streamId`, or null when no such event is stored. */
export type PredecessorHash = (streamId: string, revision: number) => Promise<string | null>;

/** The event's hash recomputed from what it states (data as parsed from the stored JSON). */
export function contentMatchesHash(event: RecordedEvent): boolean {
  return eventHash({ ...event, data: event.data as JsonValue }) === event.hash;
}

interface StreamHead {
  revision: number;
  hash: string;
}

export class RecordedChainVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private readonly failedStreams = new Set<string>();
  readonly failures: VerificationFailure[] = [];
  readonly gaps: PositionRange[] = [];
  eventsChecked = 0;
  /** Last position checked, and the hash of the event there. */
  position: number;
  hash: string | null = null;

  /** `fromPosition`: every event at or below it is verified already (0: none). */
  constructor(
    fromPosition: number,
    private readonly predecessorHash: PredecessorHash,
  ) {
    this.position = fromPosition;
  }

  get ok(): boolean {
    return this.failures.length === 0 && this.gaps.length === 0;
  }

  private fail(
    event: RecordedEvent,
    problem: VerificationFailure['problem'],
    message: string,
  ): void {
    if (this.failedStreams.has(event.streamId)) return;
    this.failedStreams.add(event.streamId);
    this.failures.push({
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.eventId,
      problem,
      message: `stream ${event.streamId}: ${message}`,
    });
  }

  /** Checks the next events of the log (position order, nothing skipped by the reader). */
  async check(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (event.position <= this.position) continue;
      if (event.position > this.position + 1) {
        this.gaps.push({ fromPosition: this.position + 1, toPosition: event.position - 1 });
      }
      await this.checkEvent(event);
      this.position = event.position;
      this.hash = event.hash;
      this.eventsChecked++;
    }
  }

  /** Records a gap from the last checked position up to `head` (the log ends before it). */
  expectHead(head: number): void {
    if (head > this.position) this.gaps.push({ fromPosition: this.position + 1, toPosition: head });
  }

  private async checkEvent(event: RecordedEvent): Promise<void> {
    if (!contentMatchesHash(event)) {
      this.fail(
        event,
        'content_altered',
        `revision ${event.revision} (event ${event.eventId}) does not match its hash: its content was altered`,
      );
    }
    const head = this.heads.get(event.streamId);
    let previous: string | null;
    if (head) {
      if (event.revision !== head.revision + 1) {
        this.fail(
          event,
          'revision_gap',
          `revision ${event.revision} follows revision ${head.revision} in the log`,
        );
      }
      previous = head.hash;
    } else {
      previous =
        event.revision === 0
          ? null
          : await this.predecessorHash(event.streamId, event.revision - 1);
      if (event.revision > 0 && previous === null) {
        this.fail(event, 'missing_commit', `revision ${event.revision - 1} is missing`);
      }
    }
    if (event.previousHash !== previous) {
      this.fail(
        event,
        'chain_broken',
        `revision ${event.revision} does not link to the hash of revision ${event.revision - 1}`,
      );
    }
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash });
  }
}
