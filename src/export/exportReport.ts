// One entry point for the CLI and the HTTP route: a report and a format in, a file out.
import { reportToCsv } from './csv';
import type { ExportableReport } from './exportableReport';
import { reportToJson } from './json';
import { reportToMarkdown } from './markdown';

export const EXPORT_FORMATS = ['csv', 'json', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  /** Full Content-Type header value, charset included. */
  contentType: string;
  /** Suggested file name, e.g. `平罗县审批服务管理局-2024.csv` (may contain Chinese). */
  filename: string;
  body: string | Buffer;
}

export function isExportFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}

const FORMATS: Record<
  ExportFormat,
  { contentType: string; extension: string; render(report: ExportableReport): string }
> = {
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', render: reportToCsv },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', render: reportToJson },
  markdown: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: reportToMarkdown,
  },
};

/** A file name safe on Windows, macOS and Linux: no separators, controls or reserved marks. */
export function exportFilename(report: ExportableReport, format: ExportFormat): string {
  const agency = report.agency.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || 'report';
  return `${agency}-${report.year}.${FORMATS[format].extension}`;
}

export function exportReport(report: ExportableReport, format: ExportFormat): ExportedFile {
  const { contentType, render } = FORMATS[format];
  return { contentType, filename: exportFilename(report, format), body: render(report) };
}

/**
 * Content-Disposition for a download. Node refuses non-ASCII header values, so the Chinese
 * name goes in RFC 6266/5987 `filename*` and an ASCII fallback in `filename`.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
