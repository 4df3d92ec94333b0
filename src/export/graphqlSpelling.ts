// Exports spell enum values the way the GraphQL API does (RuleStatus FAILED, RuleSeverity
// ERROR, RuleNotAssessableReason EMPTY_CELLS, FigureTable T2 … NARRATIVE), not as the domain
// stores them (failed, error, empty_cells, t2, n):
// a program reading both must not need two spellings. The maps are here rather than taken
// from resolvers/types/enums.ts so the export formats stay free of the GraphQL layer;
// tests/export/graphqlSpelling.test.ts holds them equal to the schema's enums.
import type { NotAssessableReason, RuleSeverity, RuleStatus } from '../domain/rules/types';
import type { FigureLabels } from './figureLabels';

export const GRAPHQL_RULE_STATUS = {
  ok: 'OK',
  failed: 'FAILED',
  not_assessable: 'NOT_ASSESSABLE',
} as const satisfies Record<RuleStatus, string>;

export const GRAPHQL_RULE_SEVERITY = {
  error: 'ERROR',
  warning: 'WARNING',
} as const satisfies Record<RuleSeverity, string>;

export const GRAPHQL_RULE_NOT_ASSESSABLE_REASON = {
  empty_cells: 'EMPTY_CELLS',
  no_previous_year_report: 'NO_PREVIOUS_YEAR_REPORT',
} as const satisfies Record<NotAssessableReason, string>;

export const GRAPHQL_FIGURE_TABLE = {
  t2: 'T2',
  t3: 'T3',
  t4: 'T4',
  n: 'NARRATIVE',
} as const satisfies Record<NonNullable<FigureLabels['table']>, string>;

export type GraphqlRuleStatus = (typeof GRAPHQL_RULE_STATUS)[RuleStatus];
export type GraphqlRuleSeverity = (typeof GRAPHQL_RULE_SEVERITY)[RuleSeverity];
export type GraphqlNotAssessableReason =
  (typeof GRAPHQL_RULE_NOT_ASSESSABLE_REASON)[NotAssessableReason];
export type GraphqlFigureTable = (typeof GRAPHQL_FIGURE_TABLE)[keyof typeof GRAPHQL_FIGURE_TABLE];
