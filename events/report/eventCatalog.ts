// Every event a report or agency stream can hold: the one place that documents them.
// Events are past-tense facts. Payloads are versioned (schemaVersion on the stored event); a
// new payload shape gets a new version and evolve() keeps reading the old ones.
// Figure cells travel as ARRAYS of { key, ... }: figure keys contain dots, which MongoDB-wire
// databases reject (FerretDB) or misread (paths) as field names.
import type {
  CellMarker,
  DecimalString,
  ImportedCell,
  ImportedNarrativeFigure,
  ImportedNarrativeSection,
  ImportedWarning,
  SourceLocation,
  TemplateId,
} from './storedTypes';

export type { ImportedCell } from './storedTypes';

/** `agency-<agencyId>` stream, revision 0. */
export interface AgencyRegisteredData {
  agencyId: string;
  name: string;
}

/**
 * `agency-<agencyId>` stream, any later revision: an administrator set or corrected the agency's
 * region (src/domain/regions). null fields go back to what the name resolves to.
 */
export interface AgencyRegionSetData {
  agencyId: string;
  /** Six-digit GB/T 2260 code, or null to return to the resolution from the name. */
  regionCode: string | null;
  level: 'province' | 'city' | 'county' | 'township' | null;
  kind: 'government' | 'department' | 'other' | null;
}

/**
 * `agency-<agencyId>` stream: the agency and its reports are sample data shipped for a first
 * start (written for the project, not a published report). Sample data stays out of lists and
 * cross-report queries unless a query asks for it.
 */
export interface AgencyMarkedSampleData {
  agencyId: string;
}

/**
 * `agency-<agencyId>` stream: an administrator removed the agency (today: sample data, by
 * `cli sample remove`). Its streams stay in the log; the agency and its reports leave every
 * list and cross-report query, and are still readable by id with their history.
 */
export interface AgencyRemovedData {
  agencyId: string;
}

/**
 * `agency-<agencyId>` stream: an administrator set whether editors' figure edits of the agency's
 * reports need a reviewer's approval (events/proposal/agencyReviewPolicy.ts folds it).
 */
export interface AgencyReviewPolicySetData {
  agencyId: string;
  reviewRequired: boolean;
}

/** `report-<reportId>` stream, revision 0: the first document imported for (agency, year). */
export interface ReportImportedData {
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  template: TemplateId | null;
  importerVersion: string;
  sourceHash: string;
  sourceUrl: string | null;
  format: string;
  shape: string;
  /** What the importer read from the document itself (may differ from the hints given). */
  detected: { agency: string | null; year: number | null };
  /** All table cells (200 for the 2021 template). */
  figures: ImportedCell[];
  narrative: ImportedNarrativeSection[];
  /** Numbers stated in the narrative, keys `n.<section>.<ordinal>`. */
  narrativeFigures: ImportedNarrativeFigure[];
  warnings: ImportedWarning[];
}

/**
 * A later document for the same (agency, year). Records the new source; the differences in
 * figures and narrative follow as FiguresEdited (cause 'reimport') and NarrativeEdited events
 * in the same commit, so history is never wiped.
 */
export interface ReportReimportedData {
  importerVersion: string;
  sourceHash: string;
  sourceUrl: string | null;
  format: string;
  shape: string;
  template: TemplateId | null;
  warnings: ImportedWarning[];
}

export type FigureChangeCause = 'edit' | 'reimport';

/** One cell's change. `from`/`to` are values (null = empty); raw/marker/source describe `to`. */
export interface FigureChangeData {
  key: string;
  from: DecimalString | null;
  to: DecimalString | null;
  raw: string | null;
  marker: CellMarker | null;
  /** The cell's raw text and marker before the change, so a revert can restore them. */
  fromRaw: string | null;
  fromMarker: CellMarker | null;
  /** Only present when the change carries new provenance (a re-import). */
  source?: SourceLocation | null;
  /** Only present when a re-import adds a narrative figure the report did not have. */
  narrative?: { sectionId: string; unit: string; sentence: string };
}

/** Who proposed and who approved an edit that came through review (events/proposal). */
export interface FigureReviewData {
  proposalId: string;
  proposedBy: { id: string; name: string };
  approvedBy: { id: string; name: string };
}

export interface FiguresEditedData {
  cause: FigureChangeCause;
  changes: FigureChangeData[];
  /** Only present on an edit that applies an approved proposal (the actor is the approver). */
  review?: FigureReviewData;
}

export interface NarrativeChangeData {
  sectionId: string;
  heading: string;
  from: string | null;
  to: string | null;
}

export interface NarrativeEditedData {
  cause: FigureChangeCause;
  sections: NarrativeChangeData[];
}

/** Compensating event: sets back what `revertedEventId` changed. The reverted event stays. */
export interface ChangeRevertedData {
  revertedEventId: string;
  revertedRevision: number;
  changes: FigureChangeData[];
  sections: NarrativeChangeData[];
}

export type ReportPublishedData = Record<string, never>;
export type ReportWithdrawnData = Record<string, never>;

export interface ReportEventDataByType {
  ReportImported: ReportImportedData;
  ReportReimported: ReportReimportedData;
  FiguresEdited: FiguresEditedData;
  NarrativeEdited: NarrativeEditedData;
  ChangeReverted: ChangeRevertedData;
  ReportPublished: ReportPublishedData;
  ReportWithdrawn: ReportWithdrawnData;
}

export type ReportEventType = keyof ReportEventDataByType;

export const REPORT_EVENT_TYPES: readonly ReportEventType[] = [
  'ReportImported',
  'ReportReimported',
  'FiguresEdited',
  'NarrativeEdited',
  'ChangeReverted',
  'ReportPublished',
  'ReportWithdrawn',
];

export const AGENCY_EVENT_TYPES = [
  'AgencyRegistered',
  'AgencyRegionSet',
  'AgencyMarkedSample',
  'AgencyRemoved',
  'AgencyReviewPolicySet',
] as const;
export type AgencyEventType = (typeof AGENCY_EVENT_TYPES)[number];

/** Current payload version per event type. */
export const SCHEMA_VERSIONS: Readonly<Record<ReportEventType | AgencyEventType, number>> = {
  AgencyRegistered: 1,
  AgencyRegionSet: 1,
  AgencyMarkedSample: 1,
  AgencyRemoved: 1,
  AgencyReviewPolicySet: 1,
  ReportImported: 1,
  ReportReimported: 1,
  FiguresEdited: 1,
  NarrativeEdited: 1,
  ChangeReverted: 1,
  ReportPublished: 1,
  ReportWithdrawn: 1,
};

/** An event decided but not yet stored (no id, actor or time yet). */
export type DecidedReportEvent = {
  [T in ReportEventType]: { type: T; data: ReportEventDataByType[T] };
}[ReportEventType];

/** Human descriptions, used by docs/api.md and the audit log's `kind`. */
export const EVENT_DESCRIPTIONS: Readonly<Record<ReportEventType | AgencyEventType, string>> = {
  AgencyRegistered: '机构登记 / An agency was first seen (by its first import).',
  AgencyRegionSet: '设置机构区划 / An administrator set or corrected the region of an agency.',
  AgencyMarkedSample:
    '示例数据 / The agency and its reports are sample data (left out of lists unless asked for).',
  AgencyRemoved:
    '移除机构 / The agency and its reports were removed from lists (their history stays in the log).',
  AgencyReviewPolicySet:
    '审核要求 / An administrator set whether editors’ figure edits of the agency need a reviewer’s approval.',
  ReportImported:
    '报告导入 / The first document for (agency, year) was imported: all figures, narrative, warnings.',
  ReportReimported:
    '重新导入 / A later document for the same (agency, year); its differences follow as edits.',
  FiguresEdited: '数字修改 / Figure values changed (by a person, or by a re-import).',
  NarrativeEdited: '正文修改 / Narrative section text changed.',
  ChangeReverted: '撤销修改 / A compensating change that sets back what an earlier event changed.',
  ReportPublished: '发布 / The report was marked published.',
  ReportWithdrawn: '撤回 / The report was withdrawn from publication.',
};
