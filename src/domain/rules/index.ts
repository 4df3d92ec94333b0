// Public surface of the rule engine.
export { evaluateRules, RULES, type EvaluateRulesOptions } from './evaluateRules';
export { failedRuleKeys, failuresByKey } from './ruleFindings';
export { RuleInputError } from './ruleInputError';
export type {
  FigureValues,
  Rule,
  RuleContext,
  RuleDefinition,
  RuleId,
  RuleResult,
  RuleSeverity,
  RuleStatus,
} from './types';
