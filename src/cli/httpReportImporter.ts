// A ReportImporter that calls Mutation.importReport on a running server, so the CLI can
// import with an editor or admin token without database access.
import type { ImportDocumentInput, ImportDocumentResult, ReportImporter } from './reportImporter';

/**
 * The one place that knows the server's import contract (schema.graphql, ImportReportPayload).
 * A run writes nothing new when the server replayed the clientMutationId, or when a re-import
 * of an existing report recorded no changes. Narrative figures (keys n.*) are not counted as
 * table figures.
 */
export const IMPORT_REPORT_MUTATION = `mutation ImportReport($input: ImportReportInput!) {
  importReport(input: $input) {
    replayed
    created
    changes { eventId }
    report { id agency { name } year revision failedRuleCount figures { key value } }
    warnings { code message }
    reimport { applied kept proposed unchanged appliedKeys keptKeys proposedCells { key } warnings }
  }
}`;

export interface HttpReportImporterOptions {
  /** GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (graphqlEndpointOf makes it from --url). */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Per-document limit; a large report takes a few seconds at most. */
  timeoutMs?: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The server refused the import; `code` is the GraphQL error code (CONFLICT, FORBIDDEN…). */
export class ImportRequestError extends Error {
  override name = 'ImportRequestError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: Json | undefined, name: string, where: string): Json {
  if (!isObject(value) || !(name in value)) {
    throw new ImportRequestError(
      `unexpected response from server: no ${where}.${name}`,
      'BAD_RESPONSE',
    );
  }
  return value[name];
}

function list(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) {
    throw new ImportRequestError(
      `unexpected response from server: ${where} is not a list`,
      'BAD_RESPONSE',
    );
  }
  return value;
}

function text(value: Json, where: string): string {
  if (typeof value === 'string') return value;
  // Report.agency is an Agency object; its name is what the summary shows.
  if (isObject(value) && typeof value.name === 'string') return value.name;
  throw new ImportRequestError(
    `unexpected response from server: ${where} is not text`,
    'BAD_RESPONSE',
  );
}

function integer(value: Json, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new ImportRequestError(
    `unexpected response from server: ${where} is not an integer`,
    'BAD_RESPONSE',
  );
}

const TABLE_FIGURE = /^t[234]\./;

/** Maps the importReport payload to the CLI's result; exported for tests. */
/** What a re-import did per cell: applied, kept (blank/ambiguous), proposed, unchanged. */
export interface ReimportCounts {
  applied: number;
  kept: number;
  proposed: number;
  unchanged: number;
  appliedKeys: string[];
  keptKeys: string[];
  proposedKeys: string[];
  warnings: string[];
}

/** An import result that may carry re-import counts (importers add them to their results). */
export type ImportResultWithReimport = ImportDocumentResult & { reimport?: ReimportCounts | null };

function strings(value: Json, where: string): string[] {
  return list(value, where).map((item, index) => text(item, `${where}[${index}]`));
}

/** The payload's `reimport` (null for a first import, a replay, or an older server). */
function reimportFromPayload(payload: Json): ReimportCounts | null {
  const reimport = isObject(payload) ? payload.reimport : undefined;
  if (!isObject(reimport)) return null;
  return {
    applied: integer(field(reimport, 'applied', 'reimport'), 'reimport.applied'),
    kept: integer(field(reimport, 'kept', 'reimport'), 'reimport.kept'),
    proposed: integer(field(reimport, 'proposed', 'reimport'), 'reimport.proposed'),
    unchanged: integer(field(reimport, 'unchanged', 'reimport'), 'reimport.unchanged'),
    appliedKeys: strings(field(reimport, 'appliedKeys', 'reimport'), 'reimport.appliedKeys'),
    keptKeys: strings(field(reimport, 'keptKeys', 'reimport'), 'reimport.keptKeys'),
    proposedKeys: list(field(reimport, 'proposedCells', 'reimport'), 'reimport.proposedCells').map(
      (cell, index) =>
        text(field(cell, 'key', 'reimport.proposedCells'), `reimport.proposedCells[${index}].key`),
    ),
    warnings: strings(field(reimport, 'warnings', 'reimport'), 'reimport.warnings'),
  };
}

export function importResultFromPayload(payload: Json): ImportResultWithReimport {
  const report = field(payload, 'report', 'importReport');
  const figures = list(field(report, 'figures', 'report'), 'report.figures');
  const changes = list(field(payload, 'changes', 'importReport'), 'importReport.changes');
  const replayed = field(payload, 'replayed', 'importReport') === true;
  const created = field(payload, 'created', 'importReport') === true;
  const reimport = replayed ? null : reimportFromPayload(payload);
  return {
    ...(reimport ? { reimport } : {}),
    reportId: text(field(report, 'id', 'report'), 'report.id'),
    agency: text(field(report, 'agency', 'report'), 'report.agency'),
    year: integer(field(report, 'year', 'report'), 'report.year'),
    revision: integer(field(report, 'revision', 'report'), 'report.revision'),
    figureCount: figures.filter(
      (figure) =>
        isObject(figure) &&
        typeof figure.key === 'string' &&
        TABLE_FIGURE.test(figure.key) &&
        figure.value !== null,
    ).length,
    warnings: list(field(payload, 'warnings', 'importReport'), 'importReport.warnings').map(
      (warning, index) => ({
        code: text(field(warning, 'code', `warnings[${index}]`), `warnings[${index}].code`),
        message: text(
          field(warning, 'message', `warnings[${index}]`),
          `warnings[${index}].message`,
        ),
      }),
    ),
    failedRuleCount: integer(field(report, 'failedRuleCount', 'report'), 'report.failedRuleCount'),
    unchanged: replayed || (!created && changes.length === 0),
  };
}

function firstError(body: Json): ImportRequestError | null {
  if (!isObject(body) || !Array.isArray(body.errors) || body.errors.length === 0) return null;
  const error = body.errors[0];
  const message = isObject(error) && typeof error.message === 'string' ? error.message : 'error';
  const extensions = isObject(error) ? error.extensions : undefined;
  const code =
    isObject(extensions) && typeof extensions.code === 'string' ? extensions.code : 'ERROR';
  return new ImportRequestError(`${code}: ${message}`, code);
}

export function createHttpReportImporter(options: HttpReportImporterOptions): ReportImporter {
  const fetchImpl = options.fetch ?? fetch;
  return {
    async importDocument(input: ImportDocumentInput): Promise<ImportDocumentResult> {
      let response: Response;
      try {
        response = await fetchImpl(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
            // Apollo's CSRF prevention accepts JSON posts; this names the client in logs.
            'apollographql-client-name': 'nianbao-cli',
          },
          body: JSON.stringify({ query: IMPORT_REPORT_MUTATION, variables: { input } }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
        });
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new ImportRequestError(`cannot reach ${options.url}: ${detail}`, 'NETWORK');
      }
      const raw = await response.text();
      let body: Json;
      try {
        body = JSON.parse(raw) as Json;
      } catch {
        throw new ImportRequestError(
          `server answered HTTP ${response.status} without JSON: ${raw.slice(0, 200)}`,
          `HTTP_${response.status}`,
        );
      }
      const error = firstError(body);
      if (error) throw error;
      if (!response.ok) {
        throw new ImportRequestError(
          `server answered HTTP ${response.status}`,
          `HTTP_${response.status}`,
        );
      }
      return importResultFromPayload(
        field(field(body, 'data', 'response'), 'importReport', 'data'),
      );
    },
  };
}
