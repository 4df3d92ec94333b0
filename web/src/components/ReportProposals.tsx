// The report's pending proposals in one place, so a reviewer finds them without hunting for the
// marked cells; each links to its proposal page.
import { isPending, type Proposal } from '../api/proposals';
import { figureTitle } from '../layout/tableLayouts';
import { routeHref } from '../state/route';
import { ProposalStatusBadge } from './ProposalStatusBadge';

export function ReportProposals({ proposals }: { proposals: readonly Proposal[] }) {
  const pending = proposals.filter(isPending);
  if (pending.length === 0) return null;
  return (
    <section class="report-proposals notice" aria-labelledby="report-proposals-title">
      <h2 id="report-proposals-title">待审核的修改建议 {pending.length} 条</h2>
      <ul class="proposal-list">
        {pending.map((proposal) => (
          <li key={proposal.id} data-proposal-id={proposal.id}>
            <ProposalStatusBadge status={proposal.status} />{' '}
            <a href={routeHref({ name: 'proposal', id: proposal.id })}>
              {proposal.changes.map((change) => change.label ?? figureTitle(change.key)).join('、')}
            </a>
            <span class="change-meta">
              {' '}
              · {proposal.proposedBy.name} · {proposal.reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
