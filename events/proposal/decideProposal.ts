// decideProposal(command, state) -> events: the business rules of proposals, pure. Throws
// ReportInputError (bad input, or a proposal that is not open), RevisionConflictError (an
// approval of a stale proposal) or ProposalForbiddenError (self-review, a rebase by another).
import type { FigureInput } from '../report/commands';
import { MAX_CHANGES_PER_COMMAND } from '../report/commands';
import { ReportInputError, ReportNotFoundError, RevisionConflictError } from '../report/errors';
import { validateFigureValue } from '../report/figureValue';
import type { ReportState } from '../report/reportState';
import type { ProposalCommand, ReviewProposalCommand } from './proposalCommands';
import { MAX_COMMENT_LENGTH } from './proposalCommands';
import { ProposalForbiddenError } from './proposalErrors';
import type { DecidedProposalEvent, ProposedChangeData } from './proposalEvents';
import type { MaybeProposalState, ProposalState } from './proposalState';
import { staleKeys } from './staleKeys';

function requireProposal(state: MaybeProposalState): ProposalState {
  if (state === null) throw new ReportNotFoundError('no such proposal', 'id');
  return state;
}

function requireOpen(state: ProposalState): void {
  if (state.status !== 'open') {
    throw new ReportInputError(`the proposal is ${state.status} already`, 'id');
  }
}

/** The proposed cells against `report`: validated, each once, no-ops left out. */
function proposedChanges(report: ReportState, inputs: FigureInput[]): ProposedChangeData[] {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new ReportInputError('give at least one change', 'changes');
  }
  if (inputs.length > MAX_CHANGES_PER_COMMAND) {
    throw new ReportInputError(`at most ${MAX_CHANGES_PER_COMMAND} changes per call`, 'changes');
  }
  const figures = new Map(report.figures.map((figure) => [figure.key, figure]));
  const seen = new Set<string>();
  const changes: ProposedChangeData[] = [];
  inputs.forEach((input, index) => {
    const field = `changes[${index}]`;
    const figure = figures.get(input.key);
    if (!figure) {
      throw new ReportInputError(
        `unknown figure key "${String(input.key).slice(0, 80)}"`,
        `${field}.key`,
      );
    }
    if (seen.has(input.key))
      throw new ReportInputError(`figure "${input.key}" appears twice`, `${field}.key`);
    seen.add(input.key);
    const proposed = validateFigureValue(input.key, input.value, `${field}.value`);
    // Same rule as a direct edit: a value equal to the cell's is no change unless it clears a marker.
    if (proposed === figure.value && figure.marker === null) return;
    changes.push({ key: input.key, base: figure.value, proposed });
  });
  if (changes.length === 0) {
    throw new ReportInputError('every proposed value equals the report’s value', 'changes');
  }
  return changes;
}

function requireComment(text: string | null, field: string, required: boolean): string | null {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') {
    if (required) throw new ReportInputError('the comment is empty', field);
    return null;
  }
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    throw new ReportInputError(`a comment has at most ${MAX_COMMENT_LENGTH} characters`, field);
  }
  return trimmed;
}

function decideReview(
  command: ReviewProposalCommand,
  state: ProposalState,
): DecidedProposalEvent[] {
  requireOpen(state);
  // Four eyes: whoever proposed may comment and rebase, never judge their own proposal.
  if (command.actor.id === state.proposedBy.id) {
    throw new ProposalForbiddenError('nobody may review their own proposal');
  }
  const comment = requireComment(command.comment, 'comment', false);
  if (command.decision === 'reject') return [{ type: 'ProposalRejected', data: { comment } }];
  if (staleKeys(state, command.report).length > 0) {
    // The author must rebase first: approving would overwrite changes they never saw.
    throw new RevisionConflictError(state.baseRevision, command.report.revision);
  }
  return [
    {
      type: 'ProposalApproved',
      data: {
        comment,
        reportRevision: command.report.revision,
        appliedEventId: command.appliedEventId,
      },
    },
  ];
}

export function decideProposal(
  command: ProposalCommand,
  state: MaybeProposalState,
): DecidedProposalEvent[] {
  switch (command.type) {
    case 'OpenProposal': {
      if (state !== null) throw new ReportInputError('this proposal exists already', 'id');
      const { base } = command;
      return [
        {
          type: 'ProposalOpened',
          data: {
            proposalId: command.proposalId,
            reportId: base.reportId,
            agencyId: base.agencyId,
            agency: base.agency,
            year: base.year,
            baseRevision: base.revision,
            changes: proposedChanges(base, command.changes),
          },
        },
      ];
    }
    case 'CommentOnProposal': {
      requireProposal(state);
      const text = requireComment(command.text, 'text', true) as string;
      return [{ type: 'ProposalCommented', data: { text } }];
    }
    case 'RebaseProposal': {
      const proposal = requireProposal(state);
      requireOpen(proposal);
      if (command.actor.id !== proposal.proposedBy.id) {
        throw new ProposalForbiddenError('only the author of a proposal may rebase it');
      }
      const inputs =
        command.changes ??
        proposal.changes.map((change) => ({ key: change.key, value: change.proposed }));
      return [
        {
          type: 'ProposalRebased',
          data: {
            baseRevision: command.report.revision,
            changes: proposedChanges(command.report, inputs),
          },
        },
      ];
    }
    case 'ReviewProposal':
      return decideReview(command, requireProposal(state));
    case 'RecordApplyFailed': {
      const proposal = requireProposal(state);
      if (proposal.status !== 'approved' || proposal.review?.reportRevision == null) return [];
      return [
        {
          type: 'ProposalApplyFailed',
          data: {
            reportRevision: proposal.review.reportRevision,
            currentRevision: command.currentRevision,
          },
        },
      ];
    }
  }
}
