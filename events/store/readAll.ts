// Reading the global log in position order: positions are contiguous, so the commit after one
// ending at p starts at p + 1, and a window of candidate `_id`s fetches the next commits in one
// query; a candidate that is absent inside the window means "nothing more yet".
import { toRecordedEvent, type CommitDocument } from './commitDocument';
import type { LogPositions } from './logPositions';
import type { LogRead } from './readOptions';
import type { RecordedEvent } from './types';

/** Most positions per query. */
const POSITIONS_PER_READ = 64;

export async function readAll(positions: LogPositions, read: LogRead): Promise<RecordedEvent[]> {
  const { fromPosition, maxCount, types, streamPrefix } = read;
  if (maxCount === 0) return [];
  const result: RecordedEvent[] = [];
  let window: { commits: Map<number, CommitDocument>; to: number } | null = null;
  let commit = await positions.commitContaining(fromPosition + 1);
  while (commit) {
    if (!streamPrefix || commit.streamId.startsWith(streamPrefix)) {
      for (const event of commit.events) {
        if (event.position <= fromPosition || (types && !types.has(event.type))) continue;
        result.push(toRecordedEvent(commit, event));
        if (maxCount !== undefined && result.length >= maxCount) {
          // The next read (a follower's next batch) starts inside this commit.
          positions.rememberPartlyRead(commit);
          return result;
        }
      }
    }
    const next = commit.lastPosition + 1;
    if (!window || next > window.to) {
      // Each commit holds at least one position: never fetch more commits than are wanted.
      const wanted = maxCount === undefined ? POSITIONS_PER_READ : maxCount - result.length;
      const width = Math.max(1, Math.min(POSITIONS_PER_READ, wanted));
      window = { commits: await positions.window(next, width), to: next + width - 1 };
    }
    commit = window.commits.get(next) ?? null;
  }
  return result;
}
