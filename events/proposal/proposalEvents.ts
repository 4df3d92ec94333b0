// Every event a proposal stream (`proposal-<proposalId>`) can hold: the one place that documents
// them. A proposal is a reviewable change of a report's figures (what a pull request is to a
// table): it never touches the report until it is approved; then the report gets an ordinary
// FiguresEdited event and the proposal records which one. Actors and reasons are in the event
// metadata (from authentication), never in the data.
import type { DecimalString } from '../report/storedTypes';

/** One proposed cell: its value at the base revision and the value proposed. */
export interface ProposedChangeData {
  key: string;
  base: DecimalString | null;
  proposed: DecimalString | null;
}

/** Revision 0: an editor proposed `changes` against `baseRevision` of the report. */
export interface ProposalOpenedData {
  proposalId: string;
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  baseRevision: number;
  changes: ProposedChangeData[];
}

/** Someone commented; the text is the comment (the metadata reason repeats nothing). */
export interface ProposalCommentedData {
  text: string;
}

/** The author moved the proposal onto a later revision (and may have changed its values). */
export interface ProposalRebasedData {
  baseRevision: number;
  changes: ProposedChangeData[];
}

/**
 * A reviewer approved. `reportRevision` is the report revision the changes are applied on and
 * `appliedEventId` the id the report's FiguresEdited event gets (derived before the append, so
 * a retried approval writes the same event once).
 */
export interface ProposalApprovedData {
  comment: string | null;
  reportRevision: number;
  appliedEventId: string;
}

/**
 * The approved changes could not be applied: the report moved after the approval was decided.
 * The proposal is open again (and stale when its cells were the ones that moved).
 */
export interface ProposalApplyFailedData {
  reportRevision: number;
  currentRevision: number;
}

export interface ProposalRejectedData {
  comment: string | null;
}

export interface ProposalEventDataByType {
  ProposalOpened: ProposalOpenedData;
  ProposalCommented: ProposalCommentedData;
  ProposalRebased: ProposalRebasedData;
  ProposalApproved: ProposalApprovedData;
  ProposalApplyFailed: ProposalApplyFailedData;
  ProposalRejected: ProposalRejectedData;
}

export type ProposalEventType = keyof ProposalEventDataByType;

export const PROPOSAL_EVENT_TYPES: readonly ProposalEventType[] = [
  'ProposalOpened',
  'ProposalCommented',
  'ProposalRebased',
  'ProposalApproved',
  'ProposalApplyFailed',
  'ProposalRejected',
];

export const PROPOSAL_SCHEMA_VERSIONS: Readonly<Record<ProposalEventType, number>> = {
  ProposalOpened: 1,
  ProposalCommented: 1,
  ProposalRebased: 1,
  ProposalApproved: 1,
  ProposalApplyFailed: 1,
  ProposalRejected: 1,
};

/** An event decided but not yet stored. */
export type DecidedProposalEvent = {
  [T in ProposalEventType]: { type: T; data: ProposalEventDataByType[T] };
}[ProposalEventType];

export const PROPOSAL_EVENT_DESCRIPTIONS: Readonly<Record<ProposalEventType, string>> = {
  ProposalOpened: '提出修改建议 / An editor proposed figure changes against a report revision.',
  ProposalCommented: '评论 / Someone commented on a proposal.',
  ProposalRebased: '变基 / The author moved the proposal onto the report’s current revision.',
  ProposalApproved: '批准 / A reviewer approved; the changes are applied as an ordinary edit.',
  ProposalApplyFailed:
    '应用失败 / The report moved after the approval; the proposal is open again.',
  ProposalRejected: '驳回 / A reviewer rejected the proposal.',
};
