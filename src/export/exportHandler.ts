// GET /export/:agency/:year/:format — a report as a download (csv, json or markdown).
// Mount with `app.get('/export/:agency/:year/:format', exportHandler(loadReport))`, behind
// whatever read authorisation the server applies to GraphQL reads.
import type { RequestHandler, Response } from 'express';
import type { ExportableReport } from './exportableReport';
import { EXPORT_FORMATS, contentDisposition, exportReport, isExportFormat } from './exportReport';

export type LoadReportForExport = (
  agency: string,
  year: number,
) => Promise<ExportableReport | null>;

/** The route's error shape matches GraphQL errors so clients parse one format. */
function fail(res: Response, status: number, code: string, message: string, field?: string) {
  res.status(status).json({
    errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
  });
}

export function exportHandler(loadReport: LoadReportForExport): RequestHandler {
  return async (req, res, next) => {
    const { agency, year, format } = req.params as Record<string, string | undefined>;
    // "md" is accepted too, so `/export/某局/2024/md` matches the downloaded file's extension.
    const formatName = format === 'md' ? 'markdown' : format;
    if (!agency?.trim()) {
      fail(res, 400, 'BAD_USER_INPUT', 'agency is required', 'agency');
      return;
    }
    if (!year || !/^\d{4}$/.test(year)) {
      fail(
        res,
        400,
        'BAD_USER_INPUT',
        `year must be a four-digit year, got "${year ?? ''}"`,
        'year',
      );
      return;
    }
    if (!formatName || !isExportFormat(formatName)) {
      fail(
        res,
        400,
        'BAD_USER_INPUT',
        `format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format ?? ''}"`,
        'format',
      );
      return;
    }
    try {
      const report = await loadReport(agency.trim(), Number(year));
      if (!report) {
        fail(res, 404, 'NOT_FOUND', `no report for agency "${agency.trim()}" and year ${year}`);
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
