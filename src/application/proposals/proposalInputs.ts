// What the proposal commands take (GraphQL inputs map onto these).
export interface ProposeChangesInput {
  reportId: string;
  baseRevision: number;
  changes: Array<{ key: string; value: string | null }>;
  reason: string;
  /** Relay's clientMutationId: a retry with the same id and input writes nothing more. */
  clientMutationId?: string | null;
}

export interface CommentOnProposalInput {
  proposalId: string;
  text: string;
  /** Relay's clientMutationId: a retry with the same id and input writes nothing more. */
  clientMutationId?: string | null;
}

export interface RebaseProposalInput {
  proposalId: string;
  /** New values; absent keeps the proposed values on the new base. */
  changes?: Array<{ key: string; value: string | null }> | null;
  reason?: string | null;
  /** Relay's clientMutationId: a retry with the same id and input writes nothing more. */
  clientMutationId?: string | null;
}

export type ReviewDecision = 'approve' | 'reject';

export interface ReviewProposalInput {
  proposalId: string;
  decision: ReviewDecision;
  comment?: string | null;
  /** Relay's clientMutationId: a retry with the same id and input writes nothing more. */
  clientMutationId?: string | null;
}

export interface SetAgencyReviewPolicyInput {
  /** Agency id or name. */
  agency: string;
  reviewRequired: boolean;
  reason: string;
}
