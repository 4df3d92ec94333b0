// Proposals and review (docs/api.md "Proposals and review"): the documents the viewer sends and
// the shapes it reads. A proposal never touches the report until a reviewer approves it.
import { graphqlRequest } from './graphqlClient';
import type { Actor, Connection, FigureChangeInput, RuleResult } from './types';

export type ProposalStatus = 'OPEN' | 'STALE' | 'APPROVED' | 'REJECTED';

/** One proposed cell, three-way: at the base revision, in the report now, and proposed. */
export interface ProposalChange {
  key: string;
  label: string | null;
  base: string | null;
  now: string | null;
  proposed: string | null;
  changedSinceBase: boolean;
}

export interface ProposalNote {
  eventId: string;
  kind: 'COMMENT' | 'REBASE' | 'APPROVE' | 'REJECT' | 'APPLY_FAILED';
  actor: Actor;
  text: string | null;
  recordedAt: string;
}

export interface ProposalRuleImpact {
  id: string;
  scope: string;
  before: string;
  after: string;
  effect: 'BREAKS' | 'FIXES' | 'CHANGES';
  messageZh: string | null;
  message: string;
}

export interface ProposalReview {
  reviewer: Actor;
  comment: string | null;
  recordedAt: string;
  reportRevision: number | null;
}

export interface Proposal {
  id: string;
  status: ProposalStatus;
  agencyName: string;
  year: number;
  baseRevision: number;
  reason: string;
  proposedBy: Actor;
  openedAt: string;
  updatedAt: string;
  revision: number;
  applied: boolean;
  changes: ProposalChange[];
  notes: ProposalNote[];
  review: ProposalReview | null;
  report: { id: string; revision: number } | null;
}

/** A proposal with what it would do to the rules (the proposal page reads these). */
export interface ProposalDetail extends Proposal {
  ruleImpact: ProposalRuleImpact[];
  rules: Pick<RuleResult, 'id' | 'scope' | 'status' | 'messageZh' | 'message'>[];
}

/** What the caller's token may do for one agency (Query.viewer). */
export interface ViewerPermissions {
  actor: Actor | null;
  role: string | null;
  canEdit: boolean;
  canReview: boolean;
}

/** OPEN and STALE proposals still wait for a decision. */
export function isPending(proposal: Pick<Proposal, 'status'>): boolean {
  return proposal.status === 'OPEN' || proposal.status === 'STALE';
}

/**
 * The actor id a token acts as (`token:<id>`, the id being the token's second part), so the
 * viewer knows its own proposals even before Query.viewer answers.
 */
export function actorIdOfToken(token: string | null): string | null {
  const match = token ? /^nbl_([0-9a-f]{16})_/.exec(token) : null;
  return match ? `token:${match[1]}` : null;
}

const PROPOSAL_FIELDS = `
  id status agencyName year baseRevision reason openedAt updatedAt revision applied
  proposedBy { id name }
  changes { key label base now proposed changedSinceBase }
  notes { eventId kind text recordedAt actor { id name } }
  review { comment recordedAt reportRevision reviewer { id name } }
  report { id revision }
`;

const PROPOSAL_DETAIL_FIELDS = `
  ${PROPOSAL_FIELDS}
  ruleImpact { id scope before after effect message messageZh }
  rules { id scope status message messageZh }
`;

export const REPORT_PROPOSALS_QUERY = `
  query ViewerReportProposals($filter: ProposalFilter, $first: Int) {
    proposals(filter: $filter, first: $first) {
      edges { cursor node { ${PROPOSAL_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const PROPOSAL_QUERY = `
  query ViewerProposal($id: ID!) {
    proposal(id: $id) { ${PROPOSAL_DETAIL_FIELDS} }
  }
`;

export const VIEWER_QUERY = `
  query ViewerPermissions($agency: String!) {
    viewer { actor { id name } role canEdit(agency: $agency) canReview(agency: $agency) }
  }
`;

export const PROPOSE_CHANGES_MUTATION = `
  mutation ViewerProposeChanges($input: ProposeChangesInput!) {
    proposeChanges(input: $input) { proposal { ${PROPOSAL_FIELDS} } }
  }
`;

export const REVIEW_PROPOSAL_MUTATION = `
  mutation ViewerReviewProposal($input: ReviewProposalInput!) {
    reviewProposal(input: $input) { proposal { ${PROPOSAL_DETAIL_FIELDS} } }
  }
`;

export const REBASE_PROPOSAL_MUTATION = `
  mutation ViewerRebaseProposal($input: RebaseProposalInput!) {
    rebaseProposal(input: $input) { proposal { ${PROPOSAL_DETAIL_FIELDS} } }
  }
`;

export const COMMENT_ON_PROPOSAL_MUTATION = `
  mutation ViewerCommentOnProposal($input: CommentOnProposalInput!) {
    commentOnProposal(input: $input) { proposal { ${PROPOSAL_DETAIL_FIELDS} } }
  }
`;

export const PROPOSAL_CHANGED_SUBSCRIPTION = `
  subscription ViewerProposalChanged($reportId: ID) {
    proposalChanged(reportId: $reportId) { id status revision }
  }
`;

/** Proposals of one report, newest first (one page of 100: the panel shows the pending ones). */
export async function fetchReportProposals(reportId: string): Promise<Proposal[]> {
  const data = await graphqlRequest<{ proposals: Connection<Proposal> }>(REPORT_PROPOSALS_QUERY, {
    filter: { reportId },
    first: 100,
  });
  return data.proposals.edges.map((edge) => edge.node);
}

export async function fetchProposal(id: string): Promise<ProposalDetail | null> {
  const data = await graphqlRequest<{ proposal: ProposalDetail | null }>(PROPOSAL_QUERY, { id });
  return data.proposal;
}

/** `token`: the one to ask about (default: the pasted editor token). */
export async function fetchViewerPermissions(
  agency: string,
  token?: string,
): Promise<ViewerPermissions> {
  const data = await graphqlRequest<{ viewer: ViewerPermissions }>(VIEWER_QUERY, { agency }, token);
  return data.viewer;
}

/**
 * Sends one of the proposal mutations and returns the proposal of its payload: each answers
 * `{ <field>: { proposal } }`, in the fields its document selects.
 */
async function mutateProposal<Result>(
  document: string,
  field: string,
  input: object,
  token: string,
): Promise<Result> {
  const data = await graphqlRequest<Record<string, { proposal: Result }>>(
    document,
    { input },
    token,
  );
  return data[field].proposal;
}

export async function proposeChanges(
  token: string,
  input: { reportId: string; baseRevision: number; changes: FigureChangeInput[]; reason: string },
): Promise<Proposal> {
  return mutateProposal<Proposal>(PROPOSE_CHANGES_MUTATION, 'proposeChanges', input, token);
}

export async function reviewProposal(
  token: string,
  input: { proposalId: string; decision: 'APPROVE' | 'REJECT'; comment: string | null },
): Promise<ProposalDetail> {
  return mutateProposal<ProposalDetail>(REVIEW_PROPOSAL_MUTATION, 'reviewProposal', input, token);
}

export async function rebaseProposal(
  token: string,
  input: { proposalId: string; reason: string | null },
): Promise<ProposalDetail> {
  return mutateProposal<ProposalDetail>(REBASE_PROPOSAL_MUTATION, 'rebaseProposal', input, token);
}

export async function commentOnProposal(
  token: string,
  input: { proposalId: string; text: string },
): Promise<ProposalDetail> {
  return mutateProposal<ProposalDetail>(
    COMMENT_ON_PROPOSAL_MUTATION,
    'commentOnProposal',
    input,
    token,
  );
}
