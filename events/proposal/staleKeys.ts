// A proposal is stale when a cell it changes was changed in the report after its base revision:
// approving it would overwrite a change its author never saw. Other cells may move freely.
import type { ReportState } from '../report/reportState';
import type { ProposalState } from './proposalState';

export function staleKeys(
  proposal: Pick<ProposalState, 'baseRevision' | 'changes'>,
  report: Pick<ReportState, 'figures'>,
): string[] {
  const revisions = new Map(report.figures.map((figure) => [figure.key, figure.revision]));
  return proposal.changes
    .filter((change) => (revisions.get(change.key) ?? -1) > proposal.baseRevision)
    .map((change) => change.key);
}
