// Pure verification of one stream's commits, fed in firstRevision order. Reports the first
// problem only: everything after a broken link is unverifiable by the chain anyway.
import { recordedEventOf, type CommitDocument, type StoredEvent } from './commitDocument';
import { eventHash } from './eventHash';
import type { JsonValue, VerificationFailure } from './types';

const isInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function shapeProblem(commit: Partial<CommitDocument>): string | null {
  if (!isInteger(commit.firstPosition) || commit._id !== String(commit.firstPosition)) {
    return 'firstPosition is not an integer matching _id';
  }
  if (!isInteger(commit.firstRevision) || !isInteger(commit.lastRevision))
    return 'revision bounds are not integers';
  if (!isInteger(commit.lastPosition)) return 'lastPosition is not an integer';
  if (!(commit.recordedAt instanceof Date) || Number.isNaN(commit.recordedAt.getTime()))
    return 'recordedAt is not a date';
  if (!Array.isArray(commit.events) || commit.events.length === 0)
    return 'events is not a non-empty array';
  for (const event of commit.events as Partial<StoredEvent>[]) {
    if (event === null || typeof event !== 'object') return 'an event is not an object';
    if (!isString(event.eventId) || !isInteger(event.revision) || !isInteger(event.position)) {
      return 'an event lacks eventId, revision or position';
    }
    if (!isString(event.type) || !isInteger(event.schemaVersion) || !isString(event.dataJson)) {
      return `event ${event.eventId} lacks type, schemaVersion or dataJson`;
    }
    if (!isString(event.hash) || !(event.previousHash === null || isString(event.previousHash))) {
      return `event ${event.eventId} lacks its hashes`;
    }
    const actor = event.metadata?.actor as { id?: unknown; name?: unknown } | undefined;
    if (!actor || !isString(actor.id) || !isString(actor.name))
      return `event ${event.eventId} lacks metadata.actor`;
  }
  return null;
}

function sameArray(a: unknown, b: unknown[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((value, index) => value === b[index]);
}

export class StreamChainVerifier {
  private nextRevision = 0;
  private previousHash: string | null = null;
  private failure: VerificationFailure | null = null;
  eventsChecked = 0;

  constructor(readonly streamId: string) {}

  get firstFailure(): VerificationFailure | null {
    return this.failure;
  }

  /** Checks the next commit of the stream; does nothing once a failure was found. */
  check(commit: CommitDocument): void {
    if (this.failure) return;
    this.failure = this.checkCommit(commit);
  }

  private fail(
    problem: VerificationFailure['problem'],
    revision: number,
    eventId: string | null,
    message: string,
  ): VerificationFailure {
    return {
      streamId: this.streamId,
      revision,
      eventId,
      problem,
      message: `stream ${this.streamId}: ${message}`,
    };
  }

  private checkCommit(commit: CommitDocument): VerificationFailure | null {
    const shape = shapeProblem(commit);
    if (shape) {
      const revision = isInteger(commit.firstRevision) ? commit.firstRevision : this.nextRevision;
      return this.fail('malformed', revision, null, `commit ${String(commit._id)}: ${shape}`);
    }
    if (commit.firstRevision > this.nextRevision) {
      return this.fail(
        'missing_commit',
        this.nextRevision,
        null,
        `revisions ${this.nextRevision}..${commit.firstRevision - 1} are missing (next commit starts at ${commit.firstRevision})`,
      );
    }
    if (commit.firstRevision < this.nextRevision) {
      return this.fail(
        'revision_gap',
        commit.firstRevision,
        commit.events[0]?.eventId ?? null,
        `a commit starts at revision ${commit.firstRevision}, but revision ${this.nextRevision} was expected`,
      );
    }
    for (const [index, stored] of commit.events.entries()) {
      const expectedRevision = commit.firstRevision + index;
      if (stored.revision !== expectedRevision) {
        return this.fail(
          'revision_gap',
          expectedRevision,
          stored.eventId,
          `event ${stored.eventId} says revision ${stored.revision} where revision ${expectedRevision} belongs`,
        );
      }
      if (stored.previousHash !== this.previousHash) {
        return this.fail(
          'chain_broken',
          expectedRevision,
          stored.eventId,
          `revision ${expectedRevision} does not link to the hash of revision ${expectedRevision - 1}`,
        );
      }
      let data: JsonValue;
      try {
        data = JSON.parse(stored.dataJson) as JsonValue;
      } catch {
        return this.fail(
          'malformed',
          expectedRevision,
          stored.eventId,
          `revision ${expectedRevision} has unparsable data`,
        );
      }
      const recomputed = eventHash(recordedEventOf(commit, stored, data));
      if (recomputed !== stored.hash) {
        return this.fail(
          'content_altered',
          expectedRevision,
          stored.eventId,
          `revision ${expectedRevision} (event ${stored.eventId}) does not match its hash: its content was altered`,
        );
      }
      if (stored.position !== commit.firstPosition + index) {
        return this.fail(
          'malformed',
          expectedRevision,
          stored.eventId,
          `revision ${expectedRevision} is out of place in its commit`,
        );
      }
      this.previousHash = stored.hash;
      this.eventsChecked++;
    }
    const last = commit.events[commit.events.length - 1] as StoredEvent;
    const consistent =
      commit.lastRevision === last.revision &&
      commit.lastPosition === last.position &&
      commit.lastHash === last.hash &&
      sameArray(
        commit.eventIds,
        commit.events.map((event) => event.eventId),
      ) &&
      sameArray(commit.types, [...new Set(commit.events.map((event) => event.type))]);
    if (!consistent) {
      return this.fail(
        'malformed',
        commit.firstRevision,
        null,
        `commit ${commit._id}: its summary fields (lastRevision, lastPosition, lastHash, eventIds, types) disagree with its events`,
      );
    }
    this.nextRevision = last.revision + 1;
    return null;
  }
}
