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
