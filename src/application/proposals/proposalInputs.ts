// What the proposal commands take (GraphQL inputs map onto these).
export interface ProposeChangesInput {
  reportId: string;
  baseRevision: number;
  changes: Array<{ key: string; value: string | null }>;
  reason: string;
}

export interface CommentOnProposalInput {
  proposalId: string;
  text: string;
}

export interface RebaseProposalInput {
  proposalId: string;
  /** New values; absent keeps the proposed values on the new base. */
  changes?: Array<{ key: string; value: string | null }> | null;
  reason?: string | null;
}

export type ReviewDecision = 'approve' | 'reject';

export interface ReviewProposalInput {
  proposalId: string;
  decision: ReviewDecision;
  comment?: string | null;
}

export interface SetAgencyReviewPolicyInput {
  /** Agency id or name. */
  agency: string;
  reviewRequired: boolean;
  reason: string;
}
