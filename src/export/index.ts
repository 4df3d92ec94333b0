// Public surface of the export formats (pure functions of an ExportableReport).
export type {
  ExportableChange,
  ExportableFigure,
  ExportableNarrativeFacts,
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
export {
  REPORT_JSON_FORMAT,
  reportToJson,
  reportToJsonValue,
  ruleToJson,
  type ReportJson,
  type RuleJson,
} from './json';
export { reportToMarkdown } from './markdown';
export { exportHandler, type LoadReportForExport } from './exportHandler';
export { exportableFromReportState } from './fromReportState';
export {
  describeTimePoint,
  parseAsOf,
  parseAtRevision,
  ExportTimePointError,
  type ExportTimePoint,
} from './exportTimePoint';
export { figureLabels, NARRATIVE_TABLE_LABEL, type FigureLabels } from './figureLabels';
export {
  GRAPHQL_FIGURE_TABLE,
  GRAPHQL_RULE_SEVERITY,
  GRAPHQL_RULE_STATUS,
} from './graphqlSpelling';
export {
  NATIONAL_TABLES,
  type LayoutTable,
  type LayoutRow,
  type LayoutCell,
} from './nationalLayout';
