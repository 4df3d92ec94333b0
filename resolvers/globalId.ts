// Relay global ids: opaque base64url of "<Type>:<local id>".
export type NodeTypeName = 'Report' | 'Agency' | 'Figure';

export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 400) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (type !== 'Report' && type !== 'Agency' && type !== 'Figure') return null;
  if (!id) return null;
  return { type, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The current report a client names by a global id (or, for convenience, a bare report UUID);
 * null for anything else, a past revision's id included.
 */
export function reportIdFromInput(id: string): string | null {
  const ref = reportRevisionRefFromInput(id);
  return ref !== null && ref.revision === null ? ref.reportId : null;
}

/**
 * What a Report's local id names: the report now (`<uuid>`) or as it was at a past revision
 * (`<uuid>@<revision>`, the id of `report(atRevision:)` and of its figures).
 */
export interface ReportRevisionRef {
  reportId: string;
  /** null: the current report. */
  revision: number | null;
}

const REPORT_AT =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:@(\d{1,15}))?$/i;

/** The local id of a past revision of a report (`<uuid>@<revision>`). */
export function reportAtRevisionId(reportId: string, revision: number): string {
  return `${reportId}@${revision}`;
}

/** `<uuid>` or `<uuid>@<revision>`; null for anything else. */
export function parseReportRevisionRef(localId: string): ReportRevisionRef | null {
  const match = REPORT_AT.exec(localId);
  if (!match) return null;
  return {
    reportId: match[1].toLowerCase(),
    revision: match[2] === undefined ? null : Number(match[2]),
  };
}

/** A report id as clients send it (a global Report id, current or past, or a bare uuid); null otherwise. */
export function reportRevisionRefFromInput(id: string): ReportRevisionRef | null {
  if (UUID.test(id)) return { reportId: id.toLowerCase(), revision: null };
  const parsed = fromGlobalId(id);
  return parsed?.type === 'Report' ? parseReportRevisionRef(parsed.id) : null;
}

/** A Figure's local id, `<report local id>:<key>`, split; null when malformed. */
export function parseFigureRef(localId: string): (ReportRevisionRef & { key: string }) | null {
  const separator = localId.indexOf(':');
  if (separator < 0) return null;
  const report = parseReportRevisionRef(localId.slice(0, separator));
  const key = localId.slice(separator + 1);
  return report && key ? { ...report, key } : null;
}
