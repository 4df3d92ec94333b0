// Who a report belongs to (agency, year), for turning its events into audit entries. A
// report's identity never changes (its id is derived from agency and year), so it is read
// once from the stream's first event (ReportImported) and kept: following the log then costs
// no read-model lookups, and does not depend on whether a projection has run yet.
import { evolve } from '../../events/report/evolve';
import { reportStreamId } from '../../events/report/ids';
import type { ReportState } from '../../events/report/reportState';
import type { RecordedEvent, ReadStreamOptions } from '../../events/store/types';

export interface StreamReader {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
}

export class ReportIdentities {
  /** Insertion-ordered, so the oldest entry is evicted first. */
  private readonly states = new Map<string, ReportState>();

  constructor(
    private readonly store: StreamReader,
    private readonly capacity = 1000,
  ) {}

  /** The report as of its first event (`changeEntriesOf` reads only its identity fields). */
  async stateAtImport(reportId: string, known?: RecordedEvent): Promise<ReportState | null> {
    const cached = this.states.get(reportId);
    if (cached) return cached;
    const first =
      known?.revision === 0
        ? known
        : (await this.store.readStream(reportStreamId(reportId), { toRevision: 0 }))[0];
    const state = first ? evolve(null, first) : null;
    if (state) this.remember(reportId, state);
    return state;
  }

  private remember(reportId: string, state: ReportState): void {
    if (this.states.size >= this.capacity) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
    this.states.set(reportId, state);
  }
}
