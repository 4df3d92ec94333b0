// The shapes the viewer reads from the GraphQL API (issue 4's public contract). They mirror the
// selections in documents.ts; when the schema changes, both files change together.

export interface Actor {
  id: string;
  name: string;
}

export interface Agency {
  id: string;
  name: string;
  /** Sample data shipped for a first start (示例数据). */
  sample?: boolean;
}

export interface FigureChange {
  eventId: string;
  revision: number;
  recordedAt: string;
  actor: Actor | null;
  reason: string | null;
  from: string | null;
  to: string | null;
  kind: string;
  /** Set when the change applied an approved proposal: who proposed it, who approved it. */
  review?: FigureReview | null;
}

export interface FigureReview {
  proposalId: string;
  proposedBy: Actor;
  approvedBy: Actor;
}

export interface SourceLocation {
  line: number | null;
  column: number | null;
  htmlPath: string | null;
  token: string | null;
  excerpt: string | null;
}

export interface Figure {
  key: string;
  label: string | null;
  table: string | null;
  row: string | null;
  column: string | null;
  unit: string | null;
  value: string | null;
  raw: string | null;
  empty: boolean;
  marker: string | null;
  revision: number | null;
  source: SourceLocation | null;
  lastChange: FigureChange | null;
}

export interface RuleResult {
  id: string;
  scope: string | null;
  status: string;
  severity: string | null;
  keys: string[];
  left: string | null;
  right: string | null;
  message: string | null;
  /** The message in Chinese (the viewer shows it). */
  messageZh: string | null;
  /** Why a NOT_ASSESSABLE rule could not be judged: EMPTY_CELLS or NO_PREVIOUS_YEAR_REPORT. */
  notAssessableReason: string | null;
}

export interface NarrativeFigure {
  key: string;
  sectionId: string;
  value: string;
  unit: string | null;
  raw: string;
  sentence: string | null;
}

export interface NarrativeSection {
  id: string;
  heading: string;
  text: string;
}

export interface Narrative {
  sections: NarrativeSection[];
  figures: NarrativeFigure[];
}

export interface ImportWarning {
  code: string;
  keys: string[];
  message: string;
}

export interface ReportSummary {
  id: string;
  year: number;
  revision: number;
  template: string | null;
  agency: Agency;
  failedRuleCount: number;
  /** The rule checks as a whole; null when the API did not say (never read as passing). */
  ruleStatus: 'PASSED' | 'FAILED' | 'NOT_ASSESSABLE' | null;
}

export interface Report {
  id: string;
  year: number;
  revision: number;
  template: string | null;
  agency: Agency;
  figures: Figure[];
  rules: RuleResult[];
  warnings: ImportWarning[];
  narrative: Narrative;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount?: number | null;
}

export interface ReportFilterInput {
  year?: number;
  agency?: string;
  hasFailedRules?: boolean;
  includeSample?: boolean;
}

export interface FigureChangeInput {
  key: string;
  value: string | null;
}

/** True when a rule result says the rule failed (enum values may be upper or lower case). */
export function isFailed(rule: RuleResult): boolean {
  return rule.status.toLowerCase() === 'failed';
}
