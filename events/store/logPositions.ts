// The global log's positions. No counter document (FerretDB's updates are not atomic): a writer
// claims positions by inserting its commit with `_id` = String(first position), one past the
// last commit it knows of; a duplicate `_id` means another writer got there first. So positions
// are contiguous (a failed insert claims nothing) and a commit is visible only after every lower
// one (its writer saw them). The log's last commit is found by probing windows of candidate
// `_id`s from the last commit this process knows of (or the `h:log` hint).
import type { Collection } from 'mongodb';
import { commitId, type CommitDocument } from './commitDocument';
import type { StreamLookups } from './streamLookups';

export type CommitSummary = Pick<CommitDocument, '_id' | 'firstPosition' | 'lastPosition'>;

/** Candidate positions per probe. */
const POSITION_PROBE_WIDTH = 64;

export class LogPositions {
  /** The last commit this process knows of: positions only grow, so it is a valid start. */
  private known: CommitSummary | null = null;
  /** The commit the last size-limited readAll stopped inside (see commitContaining). */
  private lastPartlyRead: CommitDocument | null = null;

  constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly lookups: StreamLookups,
    private readonly maxEventsPerAppend: number,
  ) {}

  get knownHead(): CommitSummary | null {
    return this.known;
  }

  note(commit: CommitSummary): void {
    if (!this.known || commit.lastPosition > this.known.lastPosition) {
      this.known = {
        _id: commit._id,
        firstPosition: commit.firstPosition,
        lastPosition: commit.lastPosition,
      };
    }
  }

  /** The next position as far as this process knows; the insert that claims it checks. */
  async nextPosition(): Promise<number> {
    const known = this.known ?? (await this.head());
    return (known?.lastPosition ?? 0) + 1;
  }

  /** The log's last commit, looked up now (sees other processes' commits). */
  async head(): Promise<CommitSummary | null> {
    let current = this.known;
    if (!current) {
      const hinted = await this.lookups.logHint();
      current =
        (hinted !== null && (await this.summary(commitId(hinted)))) ||
        (await this.summary(commitId(1)));
    }
    if (!current) return null;
    for (;;) {
      const from = current.lastPosition + 1;
      const found = await this.summaries(from, POSITION_PROBE_WIDTH);
      let next = found.get(current.lastPosition + 1);
      while (next) {
        current = next;
        next = found.get(current.lastPosition + 1);
      }
      if (current.lastPosition + 1 < from + POSITION_PROBE_WIDTH) break;
    }
    this.note(current);
    return current;
  }

  private async summary(id: string): Promise<CommitSummary | null> {
    return this.commits.findOne({ _id: id }, { projection: { firstPosition: 1, lastPosition: 1 } });
  }

  private async summaries(from: number, width: number): Promise<Map<number, CommitSummary>> {
    const ids = Array.from({ length: width }, (_, index) => commitId(from + index));
    const found = await this.commits
      .find(
        { _id: { $in: ids } },
        { projection: { firstPosition: 1, lastPosition: 1 }, batchSize: width, limit: width },
      )
      .toArray();
    return new Map(found.map((commit) => [commit.firstPosition, commit]));
  }

  /** Commits starting at positions from..from+width-1, by first position. */
  async window(from: number, width: number): Promise<Map<number, CommitDocument>> {
    const ids = Array.from({ length: width }, (_, index) => commitId(from + index));
    const found = await this.commits
      .find({ _id: { $in: ids } }, { batchSize: width, limit: width })
      .toArray();
    return new Map(found.map((commit) => [commit.firstPosition, commit]));
  }

  /** The commit holding `position`, or null when it is not (yet) stored. */
  async commitContaining(position: number): Promise<CommitDocument | null> {
    // Commits never change, so the one a batch stopped inside can be reused instead of probing
    // up to maxEventsPerAppend positions downwards.
    const partly = this.lastPartlyRead;
    if (partly && partly.firstPosition <= position && position <= partly.lastPosition) {
      return partly;
    }
    const exact = await this.commits.findOne({ _id: commitId(position) });
    if (exact) return exact;
    // Downwards, a window of summaries at a time: the nearest commit start below holds it or
    // nothing does (a commit is never longer than maxEventsPerAppend).
    const lowest = Math.max(1, position - this.maxEventsPerAppend + 1);
    for (let top = position - 1; top >= lowest; top -= POSITION_PROBE_WIDTH) {
      const from = Math.max(lowest, top - POSITION_PROBE_WIDTH + 1);
      const found = await this.summaries(from, top - from + 1);
      if (found.size === 0) continue;
      const nearest = Math.max(...found.keys());
      if (found.get(nearest)!.lastPosition < position) return null;
      return this.commits.findOne({ _id: commitId(nearest) });
    }
    return null;
  }

  rememberPartlyRead(commit: CommitDocument): void {
    this.lastPartlyRead = commit;
  }
}
