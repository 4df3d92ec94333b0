// Idempotent clientMutationId, for every mutation (report commands and proposal commands): a
// record per (actor, id) holding the input's hash, written before the append, and event ids
// derived from (actor, id, index). A repeat with the same input replays the first outcome; with
// another input it is refused; a failed append drops the record, so the id may be retried.
import { ReportInputError } from '../../events/report/errors';
import { mutationEventId, reportStreamId } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import type { ProjectionContext } from '../projections/projectionContext';
import type { PreparedCommand } from './commandTypes';

const DUPLICATE_KEY = 11000;

export interface RecordedReplay {
  reportId: string;
  /** The events the first call appended. */
  events: RecordedEvent[];
}

/**
 * What any mutation claims with its clientMutationId: the caller, the id and its input's hash.
 * A PreparedCommand is one; the proposal commands build theirs (proposals/proposalService.ts).
 */
export type MutationClaim = Pick<PreparedCommand, 'actor' | 'clientMutationId' | 'hash'> & {
  /** The report the mutation is about (kept with the record, for looking into it). */
  reportId: string | null;
};

export class ClientMutations {
  constructor(private readonly context: ProjectionContext) {}

  private key(prepared: MutationClaim): string {
    return `${prepared.actor.id}:${prepared.clientMutationId}`;
  }

  /**
   * Whether the clientMutationId is recorded; a record for another input is an error, since
   * reusing an id must never apply or replay a different change.
   */
  async sameInputRecorded(prepared: MutationClaim): Promise<boolean> {
    const record = await this.context.models.mutations.findById(this.key(prepared)).lean().exec();
    if (!record) return false;
    if (record.inputHash !== prepared.hash) {
      throw new ReportInputError(
        'this clientMutationId was already used with a different input; use a new one',
        'clientMutationId',
      );
    }
    return true;
  }

  /** The first call's events when this is a replay, else null. */
  async findReplay(prepared: PreparedCommand): Promise<RecordedReplay | null> {
    if (!prepared.clientMutationId) return null;
    if (!(await this.sameInputRecorded(prepared))) return null;
    const firstEventId = mutationEventId(prepared.actor.id, prepared.clientMutationId, 0);
    const entry = await this.context.models.changes
      .findOne({ eventId: firstEventId })
      .lean()
      .exec();
    if (!entry) return null;
    const events = await this.context.store.readStream(reportStreamId(entry.reportId), {
      fromRevision: entry.revision,
    });
    const own = events.filter(
      (event) => event.metadata.correlationId === prepared.clientMutationId,
    );
    return { reportId: entry.reportId, events: own };
  }

  async record(prepared: MutationClaim): Promise<void> {
    if (!prepared.clientMutationId) return;
    try {
      await this.context.models.mutations.create([
        {
          _id: this.key(prepared),
          inputHash: prepared.hash,
          reportId: prepared.reportId,
          createdAt: new Date(),
        },
      ]);
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      await this.sameInputRecorded(prepared);
    }
  }

  /** After a failed append (nothing written): the id may be used again. */
  async forget(prepared: MutationClaim): Promise<void> {
    if (!prepared.clientMutationId) return;
    await this.context.models.mutations
      .deleteOne({ _id: this.key(prepared), inputHash: prepared.hash })
      .exec()
      .catch(() => undefined);
  }
}
