// A proposal's status as a coloured badge; STALE stands out, since it cannot be approved as is.
import type { ProposalStatus } from '../api/proposals';
import { describeProposalStatus } from './proposalLabels';

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  return (
    <span class={`proposal-status proposal-status-${status.toLowerCase()}`} data-status={status}>
      {describeProposalStatus(status)}
      {status === 'STALE' && <span class="muted"> STALE</span>}
    </span>
  );
}
