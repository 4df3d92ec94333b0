// Verification: the only full scans of the commits, by design. verifyStream recomputes one
// stream's hash chain; verifyAll every stream's, and checks that the positions 1..head are all
// held by a commit (they are contiguous, so a gap proves a deleted commit) and that every commit
// the lookups remember is still stored (catches the deletion of the log's newest commit).
import type { Collection } from 'mongodb';
import type { CommitDocument, LookupDocument } from './commitDocument';
import type { PositionRange, VerificationFailure, VerificationResult } from './types';
import { StreamChainVerifier } from './verifyChain';

export async function verifyStream(
  commits: Collection<CommitDocument>,
  streamId: string,
): Promise<VerificationResult> {
  const verifier = new StreamChainVerifier(streamId);
  let count = 0;
  for await (const commit of commits.find({ streamId }, { sort: { firstRevision: 1 } })) {
    count++;
    verifier.check(commit);
    if (verifier.firstFailure) break;
  }
  const failures = verifier.firstFailure ? [verifier.firstFailure] : [];
  return {
    ok: failures.length === 0,
    streamsChecked: count > 0 ? 1 : 0,
    eventsChecked: verifier.eventsChecked,
    failures,
  };
}

export async function verifyAll(
  commits: Collection<CommitDocument>,
  lookups: Collection<LookupDocument>,
): Promise<VerificationResult> {
  const failures: VerificationFailure[] = [];
  const covered: PositionRange[] = [];
  let streamsChecked = 0;
  let eventsChecked = 0;
  let head = 0;
  let verifier: StreamChainVerifier | null = null;
  const finish = (current: StreamChainVerifier | null) => {
    if (!current) return;
    streamsChecked++;
    eventsChecked += current.eventsChecked;
    if (current.firstFailure) failures.push(current.firstFailure);
  };
  const scanned = new Set<string>();
  for await (const commit of commits.find({}, { sort: { streamId: 1, firstRevision: 1 } })) {
    scanned.add(String(commit._id));
    if (!verifier || verifier.streamId !== commit.streamId) {
      finish(verifier);
      verifier = new StreamChainVerifier(String(commit.streamId));
    }
    verifier.check(commit);
    if (Number.isSafeInteger(commit.firstPosition) && Number.isSafeInteger(commit.lastPosition)) {
      covered.push({ fromPosition: commit.firstPosition, toPosition: commit.lastPosition });
      head = Math.max(head, commit.lastPosition);
    }
  }
  finish(verifier);
  const unaccountedPositions = uncoveredRanges(covered, head);
  for (const missing of await commitsOnlyLookupsRemember(commits, lookups, scanned)) {
    unaccountedPositions.push(missing.positions);
    if (missing.streamId !== null && !failures.some((f) => f.streamId === missing.streamId)) {
      failures.push({
        streamId: missing.streamId,
        revision: missing.firstRevision,
        eventId: null,
        problem: 'missing_commit',
        message: `stream ${missing.streamId}: commit ${missing.positions.fromPosition} (revision ${missing.firstRevision}) is referenced by the lookups but no longer stored`,
      });
    }
  }
  unaccountedPositions.sort((a, b) => a.fromPosition - b.fromPosition);
  return {
    ok: failures.length === 0 && unaccountedPositions.length === 0,
    streamsChecked,
    eventsChecked,
    failures,
    unaccountedPositions,
  };
}

/**
 * Commits that the lookups point at but that are not stored. Lookups are written only after
 * their commit is stored, so such a commit existed and was deleted: this catches the deletion
 * of the log's newest commit, which leaves no gap below the head. A commit stored after the
 * scan began is looked up again before it counts as missing.
 */
async function commitsOnlyLookupsRemember(
  commits: Collection<CommitDocument>,
  lookups: Collection<LookupDocument>,
  scanned: ReadonlySet<string>,
): Promise<Array<{ positions: PositionRange; streamId: string | null; firstRevision: number }>> {
  const remembered = new Map<string, LookupDocument>();
  for await (const lookup of lookups.find({})) {
    if (typeof lookup.commitId !== 'string' || scanned.has(lookup.commitId)) continue;
    // A stream pointer (`s:`) knows the commit's stream and size; prefer it to other lookups.
    if (!remembered.has(lookup.commitId) || lookup._id.startsWith('s:')) {
      remembered.set(lookup.commitId, lookup);
    }
  }
  const missing = [];
  for (const [id, lookup] of remembered) {
    const firstPosition = Number(id);
    if (!Number.isSafeInteger(firstPosition)) continue;
    if (await commits.findOne({ _id: id }, { projection: { _id: 1 } })) continue;
    const isPointer = lookup._id.startsWith('s:');
    const size = isPointer ? (lookup.lastRevision ?? 0) - (lookup.firstRevision ?? 0) : 0;
    missing.push({
      positions: { fromPosition: firstPosition, toPosition: firstPosition + Math.max(0, size) },
      streamId: isPointer ? streamIdOfKey(lookup._id) : null,
      firstRevision: lookup.firstRevision ?? 0,
    });
  }
  return missing;
}

/** The stream id inside a stream pointer key (`s:` + JSON [streamId, firstRevision]). */
function streamIdOfKey(key: string): string | null {
  try {
    const [streamId] = JSON.parse(key.slice(2)) as [unknown];
    return typeof streamId === 'string' ? streamId : null;
  } catch {
    return null;
  }
}

/** Gaps in [1, head] not covered by any of the ranges. */
export function uncoveredRanges(ranges: PositionRange[], head: number): PositionRange[] {
  const sorted = [...ranges].sort((a, b) => a.fromPosition - b.fromPosition);
  const gaps: PositionRange[] = [];
  let next = 1;
  for (const range of sorted) {
    if (next > head) break;
    if (range.fromPosition > next)
      gaps.push({ fromPosition: next, toPosition: Math.min(range.fromPosition - 1, head) });
    next = Math.max(next, range.toPosition + 1);
  }
  if (next <= head) gaps.push({ fromPosition: next, toPosition: head });
  return gaps;
}
