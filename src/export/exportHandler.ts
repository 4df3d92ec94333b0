// GET /export/:agency/:year/:format[?atRevision=N][&asOf=ISO] — a report as a download (csv,
// json or markdown), the current version or the one at a revision or instant.
// Mount with `app.get('/export/:agency/:year/:format', exportHandler(loadReport))`, behind
// whatever read authorisation the server applies to GraphQL reads.
import type { Request, RequestHandler } from 'express';
import type { ExportableReport } from './exportableReport';
import { sendExportError, type ExportError } from './exportErrorResponse';
import { EXPORT_FORMATS, contentDisposition, exportReport, isExportFormat } from './exportReport';
import {
  describeTimePoint,
  ExportTimePointError,
  parseAsOf,
  parseAtRevision,
  type ExportTimePoint,
} from './exportTimePoint';

/** The report at `at` (the current one for `{}`), or null when there is none then. */
export type LoadReportForExport = (
  agency: string,
  year: number,
  at: ExportTimePoint,
) => Promise<ExportableReport | null>;

const badInput = (field: string, message: string): ExportError => ({
  status: 400,
  code: 'BAD_USER_INPUT',
  message,
  field,
});

type Parsed<T> = { value: T | undefined } | { error: ExportError };

/** One optional query parameter read with `parse`; a repeated one is a mistake, not "first wins". */
function queryParameter<T>(req: Request, name: string, parse: (text: string) => T): Parsed<T> {
  const text = req.query[name];
  if (text === undefined) return { value: undefined };
  if (typeof text !== 'string') return { error: badInput(name, `${name} is given more than once`) };
  try {
    return { value: parse(text) };
  } catch (error) {
    if (!(error instanceof ExportTimePointError)) throw error;
    return { error: badInput(name, `${name} ${error.message}`) };
  }
}

function timePointOf(req: Request): { at: ExportTimePoint } | { error: ExportError } {
  const atRevision = queryParameter(req, 'atRevision', parseAtRevision);
  if ('error' in atRevision) return atRevision;
  const asOf = queryParameter(req, 'asOf', parseAsOf);
  if ('error' in asOf) return asOf;
  return {
    at: {
      ...(atRevision.value !== undefined ? { atRevision: atRevision.value } : {}),
      ...(asOf.value !== undefined ? { asOf: asOf.value } : {}),
    },
  };
}

export function exportHandler(loadReport: LoadReportForExport): RequestHandler {
  return async (req, res, next) => {
    const { agency, year, format } = req.params as Record<string, string | undefined>;
    // "md" is accepted too, so `/export/某局/2024/md` matches the downloaded file's extension.
    const formatName = format === 'md' ? 'markdown' : format;
    if (!agency?.trim()) {
      sendExportError(req, res, badInput('agency', 'agency is required'));
      return;
    }
    if (!year || !/^\d{4}$/.test(year)) {
      sendExportError(
        req,
        res,
        badInput('year', `year must be a four-digit year, got "${year ?? ''}"`),
      );
      return;
    }
    if (!formatName || !isExportFormat(formatName)) {
      sendExportError(
        req,
        res,
        badInput(
          'format',
          `format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format ?? ''}"`,
        ),
      );
      return;
    }
    const timePoint = timePointOf(req);
    if ('error' in timePoint) {
      sendExportError(req, res, timePoint.error);
      return;
    }
    const { at } = timePoint;
    try {
      const report = await loadReport(agency.trim(), Number(year), at);
      if (!report) {
        const when = describeTimePoint(at);
        sendExportError(req, res, {
          status: 404,
          code: 'NOT_FOUND',
          message: `no report for agency "${agency.trim()}" and year ${year}${when ? ` ${when}` : ''}`,
        });
        return;
      }
      const file = exportReport(report, formatName);
      res.setHeader('content-type', file.contentType);
      res.setHeader('content-disposition', contentDisposition(file.filename));
      res.send(file.body);
    } catch (error) {
      next(error);
    }
  };
}
