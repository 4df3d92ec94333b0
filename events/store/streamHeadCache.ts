// The heads of the streams this process appended to or looked up, so an append to a stream it
// knows needs no lookup: a head can only be behind the truth, never ahead (revisions only grow),
// and an append built on a stale head starts at a revision that is taken, so its insert fails on
// the unique (streamId, firstRevision) key and the append looks the head up and tries again.
import type { StreamPointer } from './commitDocument';

export class StreamHeadCache {
  private readonly heads = new Map<string, StreamPointer>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamPointer | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      // Least recently used goes first: re-insert to move it to the end.
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Remembers `head` unless a later one is known already. */
  remember(streamId: string, head: StreamPointer): void {
    const known = this.heads.get(streamId);
    if (known && known.lastRevision > head.lastRevision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
