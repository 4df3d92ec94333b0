// The consistency rules (勾稽关系) of the national format as data.
import type { DecimalString, NarrativeFigure } from '../importer/types';

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
  /**
   * Every figure key of this report the check read: table keys (`t3.total.total`) and, for
   * TEXT_TABLE, the narrative figure key (`n.1.2.3`).
   */
  keys: string[];
  /** Keys read from the previous year's report (cross-year rules only). */
  previousYearKeys?: string[];
  /** Left and right side of the equation (null when not assessable). */
  left: DecimalString | null;
  right: DecimalString | null;
  /** In English (the API's `message` and `messageEn`). */
  message: string;
  /**
   * The same in Chinese (the viewer's language). Every rule sets it; optional only so that
   * results built by hand elsewhere (fixtures) stay valid.
   */
  messageZh?: string;
  /** Why a `not_assessable` result could not be judged; absent otherwise. */
  notAssessableReason?: NotAssessableReason;
}

/**
 * empty_cells: an operand is blank in this report (or in last year's, for a cross-year rule);
 * no_previous_year_report: a cross-year rule, and last year's report of the agency is not in
 * the ledger.
 */
export type NotAssessableReason = 'empty_cells' | 'no_previous_year_report';

/** Current values by figure key (null = empty cell or marker). */
export type FigureValues = Readonly<Record<string, DecimalString | null>>;

/** Everything a rule may read. */
export interface RuleContext {
  values: FigureValues;
  /** The same agency's report of the year before, when known. */
  previousYear?: FigureValues;
  narrativeFigures?: readonly NarrativeFigure[];
}

/** A rule module: its definition plus a pure check. */
export interface Rule extends RuleDefinition {
  check(context: RuleContext): RuleResult[];
}
