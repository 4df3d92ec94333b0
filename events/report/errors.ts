// Why a command was refused. The API maps each class to a stable error code.

/** The input is wrong; `field` names it the way the caller wrote it, e.g. `changes[2].value`. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** The command was decided against a revision that is no longer the stream's last. */
export class RevisionConflictError extends Error {
  override name = 'RevisionConflictError';
  constructor(
    readonly expectedRevision: number,
    readonly currentRevision: number,
  ) {
    super(
      `expected revision ${expectedRevision}, but the report is at revision ${currentRevision}`,
    );
  }
}

export class ReportNotFoundError extends Error {
  override name = 'ReportNotFoundError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Who last changed a figure or section, and what it holds now (a FigureConflictError names it). */
export interface ConflictingChange {
  /** Figure key (`t3.granted.total`) or `section:<id>` for a narrative section. */
  key: string;
  /** Its current value (a figure's value, a section's text; null when empty or removed). */
  value: string | null;
  /** A figure's marker when its cell holds one instead of a value; null otherwise. */
  marker: string | null;
  revision: number;
  actor: { id: string; name: string };
  recordedAt: Date;
}

/**
 * The command changes figures (or sections) someone else changed after the revision its caller
 * saw. A RevisionConflictError (code CONFLICT) whose message names each of them, its current
 * value, who changed it and when. Edits of other figures are applied on the current revision.
 */
export class FigureConflictError extends RevisionConflictError {
  override name = 'FigureConflictError';
  constructor(
    expectedRevision: number,
    currentRevision: number,
    readonly conflicts: ConflictingChange[],
  ) {
    super(expectedRevision, currentRevision);
    const named = conflicts
      .map(
        (conflict) =>
          `${conflict.key} (now ${conflict.value === null ? 'empty' : JSON.stringify(conflict.value.slice(0, 80))}, changed by ${conflict.actor.name} [${conflict.actor.id}] at ${conflict.recordedAt.toISOString()}, revision ${conflict.revision})`,
      )
      .join('; ');
    this.message = `changed since revision ${expectedRevision} by someone else: ${named}; the report is at revision ${currentRevision}`;
  }
}
