// Public surface of the export formats (pure functions of an ExportableReport).
export type {
  ExportableChange,
  ExportableFigure,
  ExportableNarrativeSection,
  ExportableReport,
} from './exportableReport';
export {
  EXPORT_FORMATS,
  contentDisposition,
  exportFilename,
  exportReport,
  isExportFormat,
  type ExportFormat,
  type ExportedFile,
} from './exportReport';
export { CSV_COLUMNS, UTF8_BOM, csvField, reportToCsv } from './csv';
export { REPORT_JSON_FORMAT, reportToJson, reportToJsonValue, type ReportJson } from './json';
export { reportToMarkdown } from './markdown';
export { exportHandler, type LoadReportForExport } from './exportHandler';
export { exportableFromReportState } from './fromReportState';
export {
  NATIONAL_TABLES,
  type LayoutTable,
  type LayoutRow,
  type LayoutCell,
} from './nationalLayout';
