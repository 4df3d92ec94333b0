// What setFigures needs to know when it applies an approved proposal instead of a direct edit.
import type { FigureReviewData } from '../../../events/report/eventCatalog';

export interface AppliedProposal {
  /** Recorded on the FiguresEdited event: the proposal, its author and its approver. */
  review: FigureReviewData;
}
