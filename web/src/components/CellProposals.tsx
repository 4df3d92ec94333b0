// The pending proposals of one cell, in the figure panel: who proposed what and why, and a link
// to the proposal page where reviewers decide.
import type { Proposal } from '../api/proposals';
import { routeHref } from '../state/route';
import { formatValue } from './formatFigure';
import { formatTime } from './labels';
import { ProposalStatusBadge } from './ProposalStatusBadge';

export interface CellProposalsProps {
  figureKey: string;
  /** Pending (OPEN or STALE) proposals of the report that change this cell. */
  proposals: readonly Proposal[];
}

export function CellProposals({ figureKey, proposals }: CellProposalsProps) {
  if (proposals.length === 0) return null;
  return (
    <section class="panel-section" aria-labelledby="panel-proposals">
      <h3 id="panel-proposals">待审核的修改建议（{proposals.length}）</h3>
      <ul class="proposal-list">
        {proposals.map((proposal) => {
          const change = proposal.changes.find((candidate) => candidate.key === figureKey);
          return (
            <li key={proposal.id} data-proposal-id={proposal.id}>
              <ProposalStatusBadge status={proposal.status} />{' '}
              <span class="change-values">建议值 {formatValue(change?.proposed ?? null)}</span>
              <div class="change-meta">
                {proposal.proposedBy.name} · {formatTime(proposal.openedAt)} · 基于修订号{' '}
                {proposal.baseRevision}
              </div>
              <div class="change-reason">理由：{proposal.reason}</div>
              <a href={routeHref({ name: 'proposal', id: proposal.id })}>查看三方对照与审核</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
