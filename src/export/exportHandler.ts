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

const badInput = (field: string, message: string, messageZh: string): ExportError => ({
  status: 400,
  code: 'BAD_USER_INPUT',
  message,
  messageZh,
  field,
});

type Parsed<T> = { value: T | undefined } | { error: ExportError };

/**
 * One optional query parameter read with `parse`; a repeated one is a mistake, not "first
 * wins". `expectedZh` says in Chinese what the parameter must be.
 */
function queryParameter<T>(
  req: Request,
  name: string,
  parse: (text: string) => T,
  expectedZh: string,
): Parsed<T> {
  const text = req.query[name];
  if (text === undefined) return { value: undefined };
  if (typeof text !== 'string') {
    return {
      error: badInput(name, `${name} is given more than once`, `参数 ${name} 只能给一次`),
    };
  }
  try {
    return { value: parse(text) };
  } catch (error) {
    if (!(error instanceof ExportTimePointError)) throw error;
    return {
      error: badInput(name, `${name} ${error.message}`, `${name} ${expectedZh}，收到“${text}”`),
    };
  }
}

function timePointOf(req: Request): { at: ExportTimePoint } | { error: ExportError } {
  const atRevision = queryParameter(
    req,
    'atRevision',
    parseAtRevision,
    '须为 0 或更大的整数修订号',
  );
  if ('error' in atRevision) return atRevision;
  const asOf = queryParameter(
    req,
    'asOf',
    parseAsOf,
    '须为 ISO 8601 时间（如 2025-01-31T08:00:00Z）',
  );
  if ('error' in asOf) return asOf;
  return {
    at: {
      ...(atRevision.value !== undefined ? { atRevision: atRevision.value } : {}),
      ...(asOf.value !== undefined ? { asOf: asOf.value } : {}),
    },
  };
}

/** "（第 3 版）", "（截至 2025-01-31T08:00:00.000Z）", or "" for the current version. */
function timePointZh(at: ExportTimePoint): string {
  const parts = [
    ...(at.atRevision !== undefined ? [`第 ${at.atRevision} 版`] : []),
    ...(at.asOf !== undefined ? [`截至 ${at.asOf.toISOString()}`] : []),
  ];
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

export function exportHandler(loadReport: LoadReportForExport): RequestHandler {
  return async (req, res, next) => {
    const { agency, year, format } = req.params as Record<string, string | undefined>;
    // "md" is accepted too, so `/export/某局/2024/md` matches the downloaded file's extension.
    const formatName = format === 'md' ? 'markdown' : format;
    if (!agency?.trim()) {
      sendExportError(req, res, badInput('agency', 'agency is required', '缺少机构名称'));
      return;
    }
    if (!year || !/^\d{4}$/.test(year)) {
      sendExportError(
        req,
        res,
        badInput(
          'year',
          `year must be a four-digit year, got "${year ?? ''}"`,
          `年度须为四位数字，收到“${year ?? ''}”`,
        ),
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
          `格式须为 ${EXPORT_FORMATS.join('、')} 之一，收到“${format ?? ''}”`,
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
          messageZh: `没有“${agency.trim()}”${year}年的报告${timePointZh(at)}`,
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
