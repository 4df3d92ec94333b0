// JSON export: a stable, versioned document for programs. Values stay decimal strings so no
// consumer's float parsing can change 28.488564; times are ISO 8601 (UTC); enum values are
// spelled as the GraphQL API spells them (graphqlSpelling.ts).
import type { RuleResult } from '../domain/rules/types';
import type { ExportableReport } from './exportableReport';
import { figureLabels } from './figureLabels';
import { inTemplateOrder } from './figureOrder';
import {
  GRAPHQL_FIGURE_TABLE,
  GRAPHQL_RULE_NOT_ASSESSABLE_REASON,
  GRAPHQL_RULE_SEVERITY,
  GRAPHQL_RULE_STATUS,
  type GraphqlFigureTable,
  type GraphqlNotAssessableReason,
  type GraphqlRuleSeverity,
  type GraphqlRuleStatus,
} from './graphqlSpelling';

/**
 * Bumped only when a field changes meaning or disappears; new fields keep the version.
 * @2: `figures` holds the narrative's numbers (n.*) too; `table` is the GraphQL FigureTable
 * (T2, T3, T4, NARRATIVE) with the Chinese title in `tableLabel`; rule `status`, `severity`
 * and `notAssessableReason` are spelled as in GraphQL (FAILED, ERROR, EMPTY_CELLS).
 */
export const REPORT_JSON_FORMAT = 'nianbao-ledger/report-export@2';

export interface FigureJson {
  key: string;
  /** GraphQL's FigureTable; null for a key neither the catalog nor the narrative explains. */
  table: GraphqlFigureTable | null;
  /** Chinese labels from the national template (正文 and the section id for narrative numbers). */
  tableLabel: string | null;
  row: string | null;
  column: string | null;
  unit: string | null;
  /** Exact decimal as a string, or null for an empty cell or a marker. */
  value: string | null;
  raw: string | null;
  marker: string | null;
  /** For narrative figures: the sentence the number was read from. */
  sentence: string | null;
  revision: number;
  lastChange: {
    actor: { id: string; name: string };
    recordedAt: string;
    reason: string;
  } | null;
}

/** A rule result as GraphQL's RuleResult spells it. */
export type RuleJson = Omit<RuleResult, 'status' | 'severity' | 'notAssessableReason'> & {
  status: GraphqlRuleStatus;
  severity: GraphqlRuleSeverity;
  notAssessableReason?: GraphqlNotAssessableReason;
};

export interface ReportJson {
  format: typeof REPORT_JSON_FORMAT;
  id: string;
  agency: string;
  year: number;
  template: string | null;
  revision: number;
  /** In template order: 表二, 表三 row by row, 表四, then the narrative's numbers. */
  figures: FigureJson[];
  narrative: Array<{ id: string; heading: string; text: string }>;
  /** Present only when the exporter was given rule results. */
  rules?: RuleJson[];
}

export function ruleToJson(rule: RuleResult): RuleJson {
  const { notAssessableReason, ...rest } = rule;
  return {
    ...rest,
    keys: [...rule.keys],
    status: GRAPHQL_RULE_STATUS[rule.status],
    severity: GRAPHQL_RULE_SEVERITY[rule.severity],
    ...(notAssessableReason
      ? { notAssessableReason: GRAPHQL_RULE_NOT_ASSESSABLE_REASON[notAssessableReason] }
      : {}),
  };
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
      const labels = figureLabels(figure);
      return {
        key: figure.key,
        table: labels.table === null ? null : GRAPHQL_FIGURE_TABLE[labels.table],
        tableLabel: labels.tableLabel,
        row: labels.row,
        column: labels.column,
        unit: labels.unit,
        value: figure.value,
        raw: figure.raw,
        marker: figure.marker,
        sentence: labels.sentence,
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
  if (report.rules) json.rules = report.rules.map(ruleToJson);
  return json;
}

export function reportToJson(report: ExportableReport): string {
  return `${JSON.stringify(reportToJsonValue(report), null, 2)}\n`;
}
