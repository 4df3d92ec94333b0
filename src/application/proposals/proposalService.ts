// The proposal commands: load the proposal (folded from its stream) and the report, decide
// (pure, events/proposal), append to `proposal-<id>`, project. An approval is two appends with
// no transaction between them, ordered so that neither can lose a change:
//   1. ProposalApproved on the proposal stream, at the proposal's revision: of two reviewers
//      (or a reviewer and a rebase) at the same time, one wins;
//   2. the changes as an ordinary setFigures at the report revision the approval was decided
//      on, with event ids derived from the proposal, so a retry writes them once. A report
//      that moved in between answers CONFLICT: ProposalApplyFailed reopens the proposal
//      (stale when its cells moved) instead of overwriting the newer change.
// A process that dies between 1 and 2 leaves an approved proposal not yet applied
// (`applied: false`); the approver's repeated approval applies it.
import { randomUUID } from 'node:crypto';
import { decideProposal } from '../../../events/proposal/decideProposal';
import { foldProposal } from '../../../events/proposal/evolveProposal';
import type { ProposalCommand } from '../../../events/proposal/proposalCommands';
import { ProposalForbiddenError } from '../../../events/proposal/proposalErrors';
import {
  PROPOSAL_SCHEMA_VERSIONS,
  type DecidedProposalEvent,
} from '../../../events/proposal/proposalEvents';
import { proposalStreamId } from '../../../events/proposal/proposalIds';
import type { ProposalState } from '../../../events/proposal/proposalState';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../../events/report/errors';
import { SCHEMA_VERSIONS } from '../../../events/report/eventCatalog';
import { agencyIdFor, agencyStreamId, mutationEventId } from '../../../events/report/ids';
import type { ActorRef, ReportState } from '../../../events/report/reportState';
import { WrongExpectedRevision, type EventMetadata } from '../../../events/store/types';
import type { ProposalReadDocument } from '../../../models/proposalReadModel';
import {
  actorOf,
  assertAdmin,
  assertCanEdit,
  assertCanReview,
  AuthError,
  type Principal,
} from '../../auth/principal';
import { changeEntryId } from '../../projections/changeEntries';
import type { ProjectionContext } from '../../projections/projectionContext';
import { projectProposal } from '../../projections/projectProposal';
import { projectReport } from '../../projections/projectReport';
import { stateOf } from '../../projections/readModelDocument';
import { reportStateAt } from '../../projections/timeTravel';
import { requireReason, requireRevisionInput } from '../commandInput';
import type { RequestMeta } from '../commandTypes';
import type { LedgerServices } from '../ledgerServices';
import type {
  CommentOnProposalInput,
  ProposeChangesInput,
  RebaseProposalInput,
  ReviewProposalInput,
  SetAgencyReviewPolicyInput,
} from './proposalInputs';
import { agencyRequiresReview } from './reviewPolicy';
import { staleConflict } from './staleConflict';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The clientMutationId an approval applies its changes under: derived from what it stored. */
function approvalMutationId(proposalId: string, reportRevision: number): string {
  return `proposal:${proposalId}:at:${reportRevision}`;
}

/** Decide errors of the "who may" kind are FORBIDDEN on the API. */
function decideAs(command: ProposalCommand, state: ProposalState | null): DecidedProposalEvent[] {
  try {
    return decideProposal(command, state);
  } catch (error) {
    if (error instanceof ProposalForbiddenError) throw new AuthError('FORBIDDEN', error.message);
    throw error;
  }
}

export interface AgencyReviewPolicy {
  agencyId: string;
  name: string;
  reviewRequired: boolean;
}

export class ProposalService {
  constructor(
    private readonly context: ProjectionContext,
    private readonly services: LedgerServices,
  ) {}

  /** The proposal folded from its stream (the read model may lag behind another process). */
  async load(proposalId: unknown): Promise<ProposalState> {
    if (typeof proposalId !== 'string' || !UUID.test(proposalId)) {
      throw new ReportInputError('not a proposal id', 'proposalId');
    }
    const state = foldProposal(
      null,
      await this.context.store.readStream(proposalStreamId(proposalId)),
    );
    if (!state) throw new ReportNotFoundError(`no proposal ${proposalId}`, 'proposalId');
    return state;
  }

  /** The report as its stream has it now. */
  private async currentReport(reportId: unknown): Promise<ReportState> {
    if (typeof reportId !== 'string' || reportId === '') {
      throw new ReportInputError('reportId is required', 'reportId');
    }
    const document = await projectReport(this.context, reportId);
    if (!document) throw new ReportNotFoundError(`no report with id ${reportId}`, 'reportId');
    return stateOf(document);
  }

  private async append(
    proposalId: string,
    decided: DecidedProposalEvent[],
    expectedRevision: number | 'no_stream',
    metadata: EventMetadata,
  ): Promise<ProposalReadDocument> {
    try {
      await this.context.store.appendToStream(
        proposalStreamId(proposalId),
        decided.map((event) => ({
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: PROPOSAL_SCHEMA_VERSIONS[event.type],
          data: event.data,
          metadata,
        })),
        { expectedRevision },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // Someone else changed the proposal first: the caller reloads it and decides again.
      const actual = error.actualRevision === 'no_stream' ? -1 : error.actualRevision;
      throw new RevisionConflictError(
        typeof expectedRevision === 'number' ? expectedRevision : -1,
        actual,
      );
    }
    const document = await projectProposal(this.context, proposalId);
    if (!document) throw new Error(`proposal ${proposalId} was appended but cannot be projected`);
    return document;
  }

  private metadata(actor: ActorRef, meta: RequestMeta, reason?: string): EventMetadata {
    return {
      actor,
      ...(reason ? { reason } : {}),
      ...(meta.requestId ? { requestId: meta.requestId } : {}),
    };
  }

  async proposeChanges(
    principal: Principal,
    input: ProposeChangesInput,
    meta: RequestMeta = {},
  ): Promise<ProposalReadDocument> {
    const actor = actorOf(principal);
    const reason = requireReason(input.reason);
    const baseRevision = requireRevisionInput(input.baseRevision, 'baseRevision');
    const current = await this.currentReport(input.reportId);
    assertCanEdit(principal, current.agency);
    if (baseRevision > current.revision) {
      throw new ReportInputError(
        `the report has no revision ${baseRevision} (it is at ${current.revision})`,
        'baseRevision',
      );
    }
    const base =
      baseRevision === current.revision
        ? current
        : await reportStateAt(this.context, current.reportId, { atRevision: baseRevision });
    if (!base) throw new ReportNotFoundError('no such report revision', 'baseRevision');
    const proposalId = randomUUID();
    const decided = decideAs(
      { type: 'OpenProposal', proposalId, actor, base, changes: input.changes },
      null,
    );
    return this.append(proposalId, decided, 'no_stream', this.metadata(actor, meta, reason));
  }

  /** Whoever may edit or review the agency's reports may take part in the discussion. */
  private assertParticipant(principal: Principal, agency: string): void {
    try {
      assertCanEdit(principal, agency);
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== 'FORBIDDEN') throw error;
      assertCanReview(principal, agency);
    }
  }

  async commentOnProposal(
    principal: Principal,
    input: CommentOnProposalInput,
    meta: RequestMeta = {},
  ): Promise<ProposalReadDocument> {
    const actor = actorOf(principal);
    const proposal = await this.load(input.proposalId);
    this.assertParticipant(principal, proposal.agency);
    const decided = decideAs({ type: 'CommentOnProposal', actor, text: input.text }, proposal);
    return this.append(proposal.proposalId, decided, proposal.revision, this.metadata(actor, meta));
  }

  async rebaseProposal(
    principal: Principal,
    input: RebaseProposalInput,
    meta: RequestMeta = {},
  ): Promise<ProposalReadDocument> {
    const actor = actorOf(principal);
    const proposal = await this.load(input.proposalId);
    const report = await this.currentReport(proposal.reportId);
    assertCanEdit(principal, report.agency);
    const decided = decideAs(
      { type: 'RebaseProposal', actor, report, changes: input.changes ?? null },
      proposal,
    );
    const reason = input.reason?.trim() ? requireReason(input.reason) : undefined;
    return this.append(
      proposal.proposalId,
      decided,
      proposal.revision,
      this.metadata(actor, meta, reason),
    );
  }

  async reviewProposal(
    principal: Principal,
    input: ReviewProposalInput,
    meta: RequestMeta = {},
  ): Promise<ProposalReadDocument> {
    const actor = actorOf(principal);
    if (input.decision !== 'approve' && input.decision !== 'reject') {
      throw new ReportInputError('decision is APPROVE or REJECT', 'decision');
    }
    const proposal = await this.load(input.proposalId);
    assertCanReview(principal, proposal.agency);
    if (
      input.decision === 'approve' &&
      proposal.status === 'approved' &&
      proposal.review?.reviewer.id === actor.id
    ) {
      // A repeated approval: finishes one whose changes were not applied (see the header).
      await this.apply(principal, proposal, meta);
      return (await projectProposal(this.context, proposal.proposalId)) as ProposalReadDocument;
    }
    const report = await this.currentReport(proposal.reportId);
    const reportRevision = report.revision;
    const appliedEventId = mutationEventId(
      actor.id,
      approvalMutationId(proposal.proposalId, reportRevision),
      0,
    );
    let decided: DecidedProposalEvent[];
    try {
      decided = decideAs(
        {
          type: 'ReviewProposal',
          actor,
          decision: input.decision,
          comment: input.comment ?? null,
          report,
          appliedEventId,
        },
        proposal,
      );
    } catch (error) {
      // A stale approval: the CONFLICT names the cells, their values and who changed them.
      if (error instanceof RevisionConflictError) throw staleConflict(proposal, report) ?? error;
      throw error;
    }
    const reviewed = await this.append(
      proposal.proposalId,
      decided,
      proposal.revision,
      this.metadata(actor, meta),
    );
    if (reviewed.status !== 'approved') return reviewed;
    await this.apply(principal, reviewed, meta);
    return (await projectProposal(this.context, proposal.proposalId)) as ProposalReadDocument;
  }

  /** Step 2 of an approval: the changes as an ordinary edit naming proposer and approver. */
  private async apply(
    principal: Principal,
    proposal: ProposalState,
    meta: RequestMeta,
  ): Promise<void> {
    const review = proposal.review;
    if (!review || review.reportRevision === null) return;
    if (await this.applied(proposal)) return;
    try {
      await this.services.setFigures(
        principal,
        {
          reportId: proposal.reportId,
          expectedRevision: review.reportRevision,
          changes: proposal.changes.map((change) => ({ key: change.key, value: change.proposed })),
          reason: proposal.reason,
          clientMutationId: approvalMutationId(proposal.proposalId, review.reportRevision),
        },
        meta,
        {
          review: {
            proposalId: proposal.proposalId,
            proposedBy: proposal.proposedBy,
            approvedBy: review.reviewer,
          },
        },
      );
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      await this.append(
        proposal.proposalId,
        decideProposal(
          { type: 'RecordApplyFailed', currentRevision: error.currentRevision },
          proposal,
        ),
        proposal.revision,
        this.metadata(review.reviewer, meta),
      );
      throw error;
    }
  }

  /** Whether the approval's report event is stored (its audit entry is found by `_id`). */
  async applied(proposal: ProposalState): Promise<boolean> {
    const eventId = proposal.review?.appliedEventId;
    if (!eventId || proposal.changes.length === 0) return false;
    return (
      (await this.context.models.changes.exists({
        _id: changeEntryId(eventId, proposal.changes[0].key),
      })) !== null
    );
  }

  async setAgencyReviewPolicy(
    principal: Principal,
    input: SetAgencyReviewPolicyInput,
    meta: RequestMeta = {},
  ): Promise<AgencyReviewPolicy> {
    const actor = actorOf(principal);
    assertAdmin(principal);
    const reason = requireReason(input.reason);
    if (typeof input.reviewRequired !== 'boolean') {
      throw new ReportInputError('reviewRequired is true or false', 'reviewRequired');
    }
    const given = typeof input.agency === 'string' ? input.agency.trim() : '';
    const agencies = this.context.models.agencies;
    const agency =
      (UUID.test(given) ? await agencies.findById(given).lean().exec() : null) ??
      (given ? await agencies.findById(agencyIdFor(given)).lean().exec() : null);
    if (!agency) throw new ReportNotFoundError(`no agency "${given.slice(0, 80)}"`, 'agency');
    if ((await agencyRequiresReview(this.context, agency._id)) !== input.reviewRequired) {
      await this.context.store.appendToStream(
        agencyStreamId(agency._id),
        [
          {
            eventId: randomUUID(),
            type: 'AgencyReviewPolicySet',
            schemaVersion: SCHEMA_VERSIONS.AgencyReviewPolicySet,
            data: { agencyId: agency._id, reviewRequired: input.reviewRequired },
            metadata: this.metadata(actor, meta, reason),
          },
        ],
        { expectedRevision: 'stream_exists' },
      );
    }
    return { agencyId: agency._id, name: agency.name, reviewRequired: input.reviewRequired };
  }

  /** The policy as the agency stream has it. */
  async reviewPolicyOf(agencyId: string): Promise<boolean> {
    return agencyRequiresReview(this.context, agencyId);
  }
}
