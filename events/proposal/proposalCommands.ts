// What callers ask a proposal stream to do. The report states a command needs (its base, or the
// report as it is now) are loaded by the caller, so decideProposal stays pure.
import type { FigureInput } from '../report/commands';
import type { ActorRef, ReportState } from '../report/reportState';

export interface OpenProposalCommand {
  type: 'OpenProposal';
  proposalId: string;
  actor: ActorRef;
  /** The report as of the revision the proposer saw (`base.revision` is the base revision). */
  base: ReportState;
  changes: FigureInput[];
}

export interface CommentOnProposalCommand {
  type: 'CommentOnProposal';
  actor: ActorRef;
  text: string;
}

export interface RebaseProposalCommand {
  type: 'RebaseProposal';
  actor: ActorRef;
  /** The report as it is now: the new base. */
  report: ReportState;
  /** New values; null keeps the proposed values (the author resolved nothing by hand). */
  changes: FigureInput[] | null;
}

export interface ReviewProposalCommand {
  type: 'ReviewProposal';
  actor: ActorRef;
  decision: 'approve' | 'reject';
  comment: string | null;
  /** The report as it is now (an approval is refused when the proposal is stale against it). */
  report: ReportState;
  /** Id the report's FiguresEdited event will get when this approval is applied. */
  appliedEventId: string;
}

export interface RecordApplyFailedCommand {
  type: 'RecordApplyFailed';
  currentRevision: number;
}

export type ProposalCommand =
  | OpenProposalCommand
  | CommentOnProposalCommand
  | RebaseProposalCommand
  | ReviewProposalCommand
  | RecordApplyFailedCommand;

export const MAX_COMMENT_LENGTH = 4000;
