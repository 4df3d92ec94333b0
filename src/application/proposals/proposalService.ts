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
import { agencyIdFor, agencyStreamId, mutationEventId, uuidV5 } from '../../../events/report/ids';
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
import { findChangeEntry } from '../../readSide/changeEntryPage';
import type { ProjectionContext } from '../../projections/projectionContext';
import { projectProposal } from '../../projections/projectProposal';
import { projectReport } from '../../projections/projectReport';
import { stateOf } from '../../projections/readModelDocument';
import { reportStateAt } from '../../projections/timeTravel';
import { ClientMutations, type MutationClaim } from '../clientMutations';
import {
  inputHash,
  optionalClientMutationId,
  requireReason,
  requireRevisionInput,
} from '../commandInput';
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

/** A proposal command's answer: the proposal after it, and whether it was a replay. */
export interface ProposalOutcome {
  proposal: ProposalReadDocument;
  /** The clientMutationId had been used with this input already: nothing was written. */
  replayed: boolean;
}

/**
 * With a clientMutationId, a new proposal's id derives from (actor, id), so a retried
 * proposeChanges names the stream the first call created.
 */
function proposalIdFor(actorId: string, clientMutationId: string | null): string {
  return clientMutationId ? uuidV5(`proposal:${actorId}:${clientMutationId}`) : randomUUID();
}

export interface AgencyReviewPolicy {
  agencyId: string;
  name: string;
  reviewRequired: boolean;
}

export class ProposalService {
  private readonly mutations: ClientMutations;

  constructor(
    private readonly context: ProjectionContext,
    private readonly services: LedgerServices,
  ) {
    this.mutations = new ClientMutations(context);
  }

  /** The claim of a proposal command's clientMutationId (null without one). */
  private claimOf(
    actor: ActorRef,
    clientMutationId: unknown,
    operation: string,
    input: unknown,
    reportId: string,
  ): MutationClaim | null {
    const id = optionalClientMutationId(clientMutationId);
    return id ? { actor, clientMutationId: id, hash: inputHash(operation, input), reportId } : null;
  }

  /** The proposal, when its stream holds the first event `claim`'s mutation wrote. */
  private async replayOf(
    claim: MutationClaim,
    proposalId: string,
  ): Promise<ProposalReadDocument | null> {
    const eventId = mutationEventId(claim.actor.id, claim.clientMutationId as string, 0);
    const events = await this.context.store.readStream(proposalStreamId(proposalId));
    if (!events.some((event) => event.eventId === eventId)) return null;
    return projectProposal(this.context, proposalId);
  }

  /**
   * Runs a proposal command once per clientMutationId, the way report commands do
   * (clientMutations.ts): a recorded id with the same input answers the proposal without
   * writing; the record is written before the command's append and dropped when nothing of the
   * command was stored.
   */
  private async once(
    claim: MutationClaim | null,
    proposalId: string,
    command: () => Promise<ProposalOutcome>,
  ): Promise<ProposalOutcome> {
    if (!claim) return command();
    if (await this.mutations.sameInputRecorded(claim)) {
      const replay = await this.replayOf(claim, proposalId);
      if (replay) return { proposal: replay, replayed: true };
    }
    await this.mutations.record(claim);
    try {
      return await command();
    } catch (error) {
      // An approval whose report edit failed stays recorded: its ProposalApproved is stored.
      if (!(await this.replayOf(claim, proposalId))) await this.mutations.forget(claim);
      throw error;
    }
  }

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

  /**
   * Appends at `expectedRevision`. With a clientMutationId (`claim`) the event ids derive from
   * it, so the same request sent twice at once is stored once: the second finds the first's
   * events and answers as a replay.
   */
  private async append(
    proposalId: string,
    decided: DecidedProposalEvent[],
    expectedRevision: number | 'no_stream',
    metadata: EventMetadata,
    claim: MutationClaim | null = null,
  ): Promise<ProposalOutcome> {
    const clientMutationId = claim?.clientMutationId ?? null;
    let replayed = false;
    try {
      const appended = await this.context.store.appendToStream(
        proposalStreamId(proposalId),
        decided.map((event, index) => ({
          eventId: clientMutationId
            ? mutationEventId(metadata.actor.id, clientMutationId, index)
            : randomUUID(),
          type: event.type,
          schemaVersion: PROPOSAL_SCHEMA_VERSIONS[event.type],
          data: event.data,
          metadata: clientMutationId ? { ...metadata, correlationId: clientMutationId } : metadata,
        })),
        { expectedRevision },
      );
      replayed = appended.alreadyAppended;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      const replay = claim ? await this.replayOf(claim, proposalId) : null;
      if (replay) return { proposal: replay, replayed: true };
      // Someone else changed the proposal first: the caller reloads it and decides again.
      const actual = error.actualRevision === 'no_stream' ? -1 : error.actualRevision;
      throw new RevisionConflictError(
        typeof expectedRevision === 'number' ? expectedRevision : -1,
        actual,
      );
    }
    const document = await projectProposal(this.context, proposalId);
    if (!document) throw new Error(`proposal ${proposalId} was appended but cannot be projected`);
    return { proposal: document, replayed };
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
  ): Promise<ProposalOutcome> {
    const actor = actorOf(principal);
    const reason = requireReason(input.reason);
    const baseRevision = requireRevisionInput(input.baseRevision, 'baseRevision');
    const claim = this.claimOf(
      actor,
      input.clientMutationId,
      'proposeChanges',
      { reportId: input.reportId, baseRevision, changes: input.changes, reason },
      input.reportId,
    );
    const proposalId = proposalIdFor(actor.id, claim?.clientMutationId ?? null);
    const current = await this.currentReport(input.reportId);
    assertCanEdit(principal, current.agency);
    return this.once(claim, proposalId, () =>
      this.openProposal(proposalId, actor, current, baseRevision, input, reason, meta, claim),
    );
  }

  private async openProposal(
    proposalId: string,
    actor: ActorRef,
    current: ReportState,
    baseRevision: number,
    input: ProposeChangesInput,
    reason: string,
    meta: RequestMeta,
    claim: MutationClaim | null,
  ): Promise<ProposalOutcome> {
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
    const decided = decideAs(
      { type: 'OpenProposal', proposalId, actor, base, changes: input.changes },
      null,
    );
    return this.append(proposalId, decided, 'no_stream', this.metadata(actor, meta, reason), claim);
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
  ): Promise<ProposalOutcome> {
    const actor = actorOf(principal);
    const proposal = await this.load(input.proposalId);
    this.assertParticipant(principal, proposal.agency);
    const claim = this.claimOf(
      actor,
      input.clientMutationId,
      'commentOnProposal',
      { proposalId: proposal.proposalId, text: input.text },
      proposal.reportId,
    );
    return this.once(claim, proposal.proposalId, async () => {
      const decided = decideAs({ type: 'CommentOnProposal', actor, text: input.text }, proposal);
      return this.append(
        proposal.proposalId,
        decided,
        proposal.revision,
        this.metadata(actor, meta),
        claim,
      );
    });
  }

  async rebaseProposal(
    principal: Principal,
    input: RebaseProposalInput,
    meta: RequestMeta = {},
  ): Promise<ProposalOutcome> {
    const actor = actorOf(principal);
    const proposal = await this.load(input.proposalId);
    const report = await this.currentReport(proposal.reportId);
    assertCanEdit(principal, report.agency);
    const reason = input.reason?.trim() ? requireReason(input.reason) : undefined;
    const claim = this.claimOf(
      actor,
      input.clientMutationId,
      'rebaseProposal',
      { proposalId: proposal.proposalId, changes: input.changes ?? null, reason: reason ?? null },
      proposal.reportId,
    );
    return this.once(claim, proposal.proposalId, async () => {
      const decided = decideAs(
        { type: 'RebaseProposal', actor, report, changes: input.changes ?? null },
        proposal,
      );
      return this.append(
        proposal.proposalId,
        decided,
        proposal.revision,
        this.metadata(actor, meta, reason),
        claim,
      );
    });
  }

  async reviewProposal(
    principal: Principal,
    input: ReviewProposalInput,
    meta: RequestMeta = {},
  ): Promise<ProposalOutcome> {
    const actor = actorOf(principal);
    if (input.decision !== 'approve' && input.decision !== 'reject') {
      throw new ReportInputError('decision is APPROVE or REJECT', 'decision');
    }
    const proposal = await this.load(input.proposalId);
    assertCanReview(principal, proposal.agency);
    const claim = this.claimOf(
      actor,
      input.clientMutationId,
      'reviewProposal',
      { proposalId: proposal.proposalId, decision: input.decision, comment: input.comment ?? null },
      proposal.reportId,
    );
    const outcome = await this.once(claim, proposal.proposalId, () =>
      this.decideReview(principal, actor, proposal, input, meta, claim),
    );
    if (!outcome.replayed) return outcome;
    // A retried approval whose first call died before its report edit finishes that edit.
    const now = await this.load(proposal.proposalId);
    if (now.status !== 'approved' || now.review?.reviewer.id !== actor.id) return outcome;
    if (await this.applied(now)) return outcome;
    await this.apply(principal, now, meta);
    return { proposal: await this.projected(proposal.proposalId), replayed: true };
  }

  private async projected(proposalId: string): Promise<ProposalReadDocument> {
    return (await projectProposal(this.context, proposalId)) as ProposalReadDocument;
  }

  private async decideReview(
    principal: Principal,
    actor: ActorRef,
    proposal: ProposalState,
    input: ReviewProposalInput,
    meta: RequestMeta,
    claim: MutationClaim | null,
  ): Promise<ProposalOutcome> {
    if (
      input.decision === 'approve' &&
      proposal.status === 'approved' &&
      proposal.review?.reviewer.id === actor.id
    ) {
      // A repeated approval: finishes one whose changes were not applied (see the header).
      await this.apply(principal, proposal, meta);
      return { proposal: await this.projected(proposal.proposalId), replayed: false };
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
      claim,
    );
    if (reviewed.replayed || reviewed.proposal.status !== 'approved') return reviewed;
    await this.apply(principal, reviewed.proposal, meta);
    return { proposal: await this.projected(proposal.proposalId), replayed: false };
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
    const entryId = changeEntryId(eventId, proposal.changes[0].key);
    return (await findChangeEntry(this.context.models.changes, entryId)) !== null;
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
