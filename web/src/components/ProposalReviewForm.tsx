// Approve or reject a proposal with a comment: offered to reviewers of the agency, never on
// their own proposal. The server checks both again; whatever it refuses is shown as it says.
import { useState } from 'preact/hooks';
import { reviewProposal, type ProposalDetail } from '../api/proposals';
import { ErrorAlert } from './ErrorAlert';
import { useProposalAction } from './useProposalAction';

export interface ProposalReviewFormProps {
  proposal: ProposalDetail;
  token: string;
  onReviewed: (proposal: ProposalDetail) => void;
  /** After a refusal the proposal may have moved (e.g. became STALE): read it again. */
  onRefused: () => void;
}

export function ProposalReviewForm({
  proposal,
  token,
  onReviewed,
  onRefused,
}: ProposalReviewFormProps) {
  const [comment, setComment] = useState('');
  const action = useProposalAction<'APPROVE' | 'REJECT'>();
  const sending = action.busy;

  const decide = (decision: 'APPROVE' | 'REJECT') =>
    action.run(
      decision,
      decision === 'APPROVE' ? '批准' : '驳回',
      async () => {
        const reviewed = await reviewProposal(token, {
          proposalId: proposal.id,
          decision,
          comment: comment.trim() || null,
        });
        setComment('');
        onReviewed(reviewed);
      },
      onRefused,
    );

  return (
    <section class="panel-section review-form" aria-labelledby="proposal-review">
      <h2 id="proposal-review">审核 / review</h2>
      {proposal.status === 'STALE' && (
        <p class="notice">此建议已过时：须由提出人变基后才能批准（批准会被服务器拒绝）。</p>
      )}
      <form onSubmit={(event) => event.preventDefault()} class="edit-form">
        <label for="review-comment">审核意见</label>
        <textarea
          id="review-comment"
          name="review-comment"
          rows={2}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <div class="button-row">
          <button
            type="button"
            class="approve"
            disabled={sending !== null}
            onClick={() => void decide('APPROVE')}
          >
            {sending === 'APPROVE' ? '正在批准…' : '批准 / approve'}
          </button>
          <button
            type="button"
            class="reject"
            disabled={sending !== null}
            onClick={() => void decide('REJECT')}
          >
            {sending === 'REJECT' ? '正在驳回…' : '驳回 / reject'}
          </button>
        </div>
      </form>
      <ErrorAlert error={action.error} />
    </section>
  );
}
