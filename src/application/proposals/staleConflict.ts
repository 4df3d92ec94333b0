// Approving a STALE proposal is a CONFLICT like an edit of figures changed since: it names each
// cell changed after the proposal's base, what it holds now, who changed it and when, so the
// reviewer (and the author, who must rebase) see the same facts as an editor would.
import { staleKeys } from '../../../events/proposal/staleKeys';
import type { ProposalState } from '../../../events/proposal/proposalState';
import { FigureConflictError, type ConflictingChange } from '../../../events/report/errors';
import type { ReportState } from '../../../events/report/reportState';

/** The CONFLICT for approving `proposal` on `report`, or null when it is not stale. */
export function staleConflict(
  proposal: Pick<ProposalState, 'baseRevision' | 'changes'>,
  report: ReportState,
): FigureConflictError | null {
  const figures = new Map(report.figures.map((figure) => [figure.key, figure]));
  const conflicts: ConflictingChange[] = staleKeys(proposal, report).flatMap((key) => {
    const figure = figures.get(key);
    if (!figure) return [];
    return [
      {
        key,
        value: figure.value,
        marker: figure.marker ?? null,
        revision: figure.revision,
        actor: { id: figure.lastChange.actor.id, name: figure.lastChange.actor.name },
        recordedAt: figure.lastChange.recordedAt,
      },
    ];
  });
  return conflicts.length > 0
    ? new FigureConflictError(proposal.baseRevision, report.revision, conflicts)
    : null;
}
