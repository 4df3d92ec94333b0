// The export's enum spellings against the schema's own enums, so a renamed GraphQL value
// cannot leave the exports spelling the old one.
import { FigureTableEnum, RuleSeverityEnum, RuleStatusEnum } from '../../resolvers/types/enums';
import { RuleNotAssessableReasonEnum } from '../../resolvers/types/ruleResult';
import {
  GRAPHQL_FIGURE_TABLE,
  GRAPHQL_RULE_NOT_ASSESSABLE_REASON,
  GRAPHQL_RULE_SEVERITY,
  GRAPHQL_RULE_STATUS,
} from '../../src/export/graphqlSpelling';

/** GraphQL name by domain value, read from a type-graphql enum (name = value). */
function graphqlNames(enumObject: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(enumObject).map(([name, value]) => [value, name]));
}

describe('export enum spelling (unit)', () => {
  it.each([
    ['RuleStatus', GRAPHQL_RULE_STATUS, RuleStatusEnum],
    ['RuleSeverity', GRAPHQL_RULE_SEVERITY, RuleSeverityEnum],
    ['RuleNotAssessableReason', GRAPHQL_RULE_NOT_ASSESSABLE_REASON, RuleNotAssessableReasonEnum],
    ['FigureTable', GRAPHQL_FIGURE_TABLE, FigureTableEnum],
  ] as const)(
    'given the schema enum %s, when the export spells its values, then it uses the GraphQL names',
    (_name, exported, schemaEnum) => {
      expect(exported).toEqual(graphqlNames(schemaEnum));
    },
  );
});
