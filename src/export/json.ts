// JSON export: a stable, versioned document for programs. Values stay decimal strings so no
// consumer's float parsing can change 28.488564; times are ISO 8601 (UTC).
import { figureDefinition } from '../domain/format/figureCatalog';
import type { RuleResult } from '../domain/rules/types';
import type { ExportableReport } from './exportableReport';
import { inTemplateOrder } from './figureOrder';

/** Bumped only when a field changes meaning or disappears; new fields keep the version. */
export const REPORT_JSON_FORMAT = 'nianbao-ledger/report-export@1';

export interface FigureJson {
  key: string;
  /** Chinese labels from the national template; null for a key the catalog does not know. */
  table: string | null;
  row: string | null;
  column: string | null;
  unit: string | null;
  /** Exact decimal as a string, or null for an empty cell or a marker. */
  value: string | null;
  raw: string | null;
  marker: string | null;
  revision: number;
  lastChange: {
    actor: { id: string; name: string };
    recordedAt: string;
    reason: string;
  } | null;
}

export interface ReportJson {
  format: typeof REPORT_JSON_FORMAT;
  id: string;
  agency: string;
  year: number;
  template: string | null;
  revision: number;
  /** In template order: 表二, 表三 row by row, 表四. */
  figures: FigureJson[];
  narrative: Array<{ id: string; heading: string; text: string }>;
  /** Present only when the exporter was given rule results. */
  rules?: RuleResult[];
}

export function reportToJsonValue(report: ExportableReport): ReportJson {
  const json: ReportJson = {
    format: REPORT_JSON_FORMAT,
    id: report.id,
    agency: report.agency,
    year: report.year,
    template: report.template ?? null,
    revision: report.revision,
    figures: inTemplateOrder(report.figures).map((figure) => {
      const definition = figureDefinition(figure.key);
      return {
        key: figure.key,
        table: definition?.tableLabel ?? null,
        row: definition?.rowLabel ?? null,
        column: definition?.columnLabel ?? null,
        unit: definition?.unit ?? null,
        value: figure.value,
        raw: figure.raw,
        marker: figure.marker,
        revision: figure.revision,
        lastChange: figure.lastChange && {
          actor: { id: figure.lastChange.actorId, name: figure.lastChange.actorName },
          recordedAt: figure.lastChange.recordedAt.toISOString(),
          reason: figure.lastChange.reason,
        },
      };
    }),
    narrative: report.narrative.map(({ id, heading, text }) => ({ id, heading, text })),
  };
  if (report.rules) json.rules = report.rules.map((rule) => ({ ...rule, keys: [...rule.keys] }));
  return json;
}

export function reportToJson(report: ExportableReport): string {
  return `${JSON.stringify(reportToJsonValue(report), null, 2)}\n`;
}
