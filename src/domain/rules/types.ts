// The consistency rules (勾稽关系) of the national format as data.
import type { DecimalString } from '../importer/types';

export type RuleId =
  | 'T3_BALANCE'
  | 'T3_OUTCOMES'
  | 'T3_ROW_TOTAL'
  | 'T4_GROUP_TOTAL'
  | 'NON_NEGATIVE'
  | 'XY_CARRY'
  | 'XY_IN_FORCE'
  | 'TEXT_TABLE';

export type RuleStatus = 'ok' | 'failed' | 'not_assessable';
export type RuleSeverity = 'error' | 'warning';

export interface RuleDefinition {
  id: RuleId;
  severity: RuleSeverity;
  descriptionZh: string;
  descriptionEn: string;
}

export interface RuleResult {
  id: RuleId;
  /** What the rule was checked for: a column ('naturalPerson'), a row, a group, or a key. */
  scope: string;
  status: RuleStatus;
  severity: RuleSeverity;
  /** Every figure key the check read. */
  keys: string[];
  /** Left and right side of the equation (null when not assessable). */
  left: DecimalString | null;
  right: DecimalString | null;
  message: string;
}

/** Current values by figure key (null = empty cell or marker). */
export type FigureValues = Readonly<Record<string, DecimalString | null>>;
