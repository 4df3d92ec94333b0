// The ledger's commands: each checks its input, names the report and the command, and hands
// them to the one command step (reportCommandHandler.ts). Import input and client mutation
// ids have modules of their own (importReport.ts, clientMutations.ts).
import type { ReportCommand } from '../../events/report/commands';
import { ReportInputError, ReportNotFoundError } from '../../events/report/errors';
import { agencyRegisteredEvent } from '../../events/report/agencyRegistration';
import { agencyStreamId, reportStreamId } from '../../events/report/ids';
import type { ActorRef, MaybeReportState, ReportState } from '../../events/report/reportState';
import { WrongExpectedRevision, type RecordedEvent } from '../../events/store/types';
import { actorOf, assertCanEdit, assertCanReview, type Principal } from '../auth/principal';
import type { ProjectionContext } from '../projections/projectionContext';
import { projectAgencyEvents } from '../projections/projectAgency';
import { ClientMutations } from './clientMutations';
import {
  inputHash,
  optionalClientMutationId,
  requireReason,
  requireRevisionInput,
} from './commandInput';
import type {
  EditNarrativeInput,
  ImportReportInput,
  MutationOutcome,
  PreparedCommand,
  PublicationInput,
  RequestMeta,
  RevertChangeInput,
  SetFiguresInput,
} from './commandTypes';
import type { DocumentParser } from './documentParser';
import { prepareImport } from './importReport';
import type { AppliedProposal } from './proposals/appliedProposal';
import { assertDirectEditAllowed } from './proposals/reviewPolicy';
import { replayOutcome, ReportCommandHandler } from './reportCommandHandler';
import { reimportPlan, type ReimportPlan } from '../../events/report/decide';

export type {
  EditNarrativeInput,
  ImportReportInput,
  MutationOutcome,
  PublicationInput,
  RequestMeta,
  RevertChangeInput,
  SetFiguresInput,
} from './commandTypes';
export { DEFAULT_MAX_DOCUMENT_LENGTH } from './importReport';

/**
 * Opens a proposal for a re-import's disagreements (ProposalService.proposeChanges, wired by
 * createLedger: the proposal service depends on these services, not the other way round).
 */
export type ReimportProposer = (
  principal: Principal,
  input: {
    reportId: string;
    baseRevision: number;
    changes: Array<{ key: string; value: string | null }>;
    reason: string;
  },
  meta: RequestMeta,
) => Promise<{ _id: string }>;

export interface LedgerServicesOptions {
  parseDocument: DocumentParser;
  /** Longest document accepted by importReport, in characters. */
  maxDocumentLength?: number;
}

export class LedgerServices {
  private readonly mutations: ClientMutations;
  private readonly handler: ReportCommandHandler;
  /** Set by createLedger; without it a re-import keeps corrections but opens no proposal. */
  reimportProposer: ReimportProposer | null = null;

  constructor(
    readonly context: ProjectionContext,
    private readonly options: LedgerServicesOptions,
  ) {
    this.mutations = new ClientMutations(context);
    this.handler = new ReportCommandHandler(context, this.mutations);
  }

  /** Runs one revision-checked command against an existing report. */
  private async runCommand(
    principal: Principal,
    operation: string,
    input: { reportId: string; reason: string; clientMutationId?: string | null },
    hashedInput: unknown,
    meta: RequestMeta,
    command: (state: ReportState) => ReportCommand,
    authorise: (principal: Principal, agencyName: string) => void = assertCanEdit,
  ): Promise<MutationOutcome> {
    const actor = actorOf(principal);
    if (typeof input.reportId !== 'string' || input.reportId === '') {
      throw new ReportInputError('reportId is required', 'reportId');
    }
    const prepared: PreparedCommand = {
      reportId: input.reportId,
      actor,
      reason: requireReason(input.reason),
      clientMutationId: optionalClientMutationId(input.clientMutationId),
      hash: inputHash(operation, hashedInput),
    };
    const existing = (state: MaybeReportState): ReportState => {
      if (!state) throw new ReportNotFoundError(`no report with id ${input.reportId}`, 'reportId');
      return state;
    };
    return this.handler.handle({
      prepared,
      meta,
      authorise: (state) => authorise(principal, existing(state).agency),
      command: (state) => command(existing(state)),
    });
  }

  /**
   * `applied`: the edit applies an approved proposal (src/application/proposals): the caller is
   * its reviewer, the agency's review policy is satisfied, and the event records the review.
   */
  async setFigures(
    principal: Principal,
    input: SetFiguresInput,
    meta: RequestMeta = {},
    applied: AppliedProposal | null = null,
  ): Promise<MutationOutcome> {
    const expectedRevision = requireRevisionInput(input.expectedRevision);
    if (!Array.isArray(input.changes))
      throw new ReportInputError('changes must be a list', 'changes');
    const changes = input.changes.map((change) => ({
      key: change.key,
      value: change.value ?? null,
      ...(change.marker ? { marker: change.marker } : {}),
    }));
    if (!applied) await assertDirectEditAllowed(this.context, principal, input.reportId);
    const review = applied ? { review: applied.review } : {};
    return this.runCommand(
      principal,
      'setFigures',
      input,
      { reportId: input.reportId, expectedRevision, changes, reason: input.reason, ...review },
      meta,
      () => ({ type: 'SetFigures', expectedRevision, changes, ...review }),
      applied ? assertCanReview : assertCanEdit,
    );
  }

  async editNarrative(
    principal: Principal,
    input: EditNarrativeInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    const expectedRevision = requireRevisionInput(input.expectedRevision);
    if (!Array.isArray(input.sections))
      throw new ReportInputError('sections must be a list', 'sections');
    const sections = input.sections.map((section) => ({
      sectionId: section.sectionId,
      text: section.text ?? null,
      heading: section.heading ?? null,
    }));
    return this.runCommand(
      principal,
      'editNarrative',
      input,
      { reportId: input.reportId, expectedRevision, sections, reason: input.reason },
      meta,
      () => ({ type: 'EditNarrative', expectedRevision, sections }),
    );
  }

  async revertChange(
    principal: Principal,
    input: RevertChangeInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    const expectedRevision = requireRevisionInput(input.expectedRevision);
    if (typeof input.eventId !== 'string' || !/^[0-9a-f-]{36}$/i.test(input.eventId)) {
      throw new ReportInputError('eventId is the id of an event of this report', 'eventId');
    }
    const entry = await this.context.models.changes
      .findOne({ eventId: input.eventId, reportId: input.reportId })
      .lean()
      .exec();
    if (!entry)
      throw new ReportNotFoundError(`no event ${input.eventId} in this report`, 'eventId');
    const [reverted] = await this.context.store.readStream(reportStreamId(input.reportId), {
      fromRevision: entry.revision,
      toRevision: entry.revision,
    });
    if (!reverted || reverted.eventId !== input.eventId) {
      throw new ReportNotFoundError(`no event ${input.eventId} in this report`, 'eventId');
    }
    return this.runCommand(
      principal,
      'revertChange',
      input,
      { reportId: input.reportId, eventId: input.eventId, expectedRevision, reason: input.reason },
      meta,
      () => ({ type: 'RevertChange', expectedRevision, reverted }),
    );
  }

  async publishReport(
    principal: Principal,
    input: PublicationInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    return this.changePublication(principal, 'publishReport', 'PublishReport', input, meta);
  }

  async withdrawReport(
    principal: Principal,
    input: PublicationInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    return this.changePublication(principal, 'withdrawReport', 'WithdrawReport', input, meta);
  }

  /** Publishing and withdrawing take the same input and differ only in the command. */
  private async changePublication(
    principal: Principal,
    operation: 'publishReport' | 'withdrawReport',
    type: 'PublishReport' | 'WithdrawReport',
    input: PublicationInput,
    meta: RequestMeta,
  ): Promise<MutationOutcome> {
    const expectedRevision = requireRevisionInput(input.expectedRevision);
    return this.runCommand(
      principal,
      operation,
      input,
      { ...input, clientMutationId: undefined },
      meta,
      () => ({ type, expectedRevision }),
    );
  }

  /** Registers the agency once (idempotent: the event id is derived from the agency id). */
  private async ensureAgency(
    agencyId: string,
    name: string,
    actor: ActorRef,
    reason: string,
  ): Promise<void> {
    if (await this.context.models.agencies.exists({ _id: agencyId })) return;
    let events: RecordedEvent[];
    try {
      const result = await this.context.store.appendToStream(
        agencyStreamId(agencyId),
        [agencyRegisteredEvent(agencyId, name, actor, reason)],
        { expectedRevision: 'no_stream' },
      );
      events = result.events;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      events = await this.context.store.readStream(agencyStreamId(agencyId), { toRevision: 0 });
    }
    await projectAgencyEvents(this.context, events);
  }

  /**
   * Imports a document. The first document for (agency, year) creates the report; a later one
   * records its differences as edits against the current values (history is never wiped).
   */
  async importReport(
    principal: Principal,
    input: ImportReportInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    const { prepared, parsed, agency, agencyId, year } = prepareImport(
      principal,
      input,
      this.options.parseDocument,
      this.options.maxDocumentLength,
    );
    const { reportId, actor, reason } = prepared;
    const replay = await this.mutations.findReplay(prepared);
    if (replay) return replayOutcome(this.context, replay.reportId, replay.events);
    await this.ensureAgency(agencyId, agency, actor, reason);
    // An import is not tied to a revision the caller saw: when another writer gets in first,
    // the handler decides again against the new state. The plan of the state last decided on
    // is the one appended (reimportPlan is what decide follows).
    const last: { plan: ReimportPlan | null } = { plan: null };
    const outcome = await this.handler.handle({
      prepared,
      meta,
      replayChecked: true,
      command: (state) => {
        last.plan = state ? reimportPlan(parsed, state) : null;
        return {
          type: 'ImportReport',
          reportId,
          agencyId,
          agency,
          year,
          sourceUrl: input.sourceUrl ?? null,
          parsed,
        };
      },
    });
    const decided = last.plan;
    if (!decided || outcome.replayed) return outcome;
    let proposalId: string | null = null;
    if (decided.proposed.length > 0 && outcome.events.length > 0 && this.reimportProposer) {
      // The document disagrees with people's corrections: a proposal by the importer's actor,
      // reviewed like any other, instead of an overwrite.
      const proposal = await this.reimportProposer(
        principal,
        {
          reportId,
          baseRevision: outcome.report.revision,
          changes: decided.proposed.map((item) => ({ key: item.key, value: item.document })),
          reason: `${reason} (re-import: the document disagrees with corrections made since the import)`,
        },
        meta,
      );
      proposalId = proposal._id;
    }
    return {
      ...outcome,
      reimport: {
        applied: decided.applied,
        kept: decided.kept,
        proposed: decided.proposed,
        unchanged: decided.unchanged,
        warnings: decided.warnings.map((warning) => warning.message),
        proposalId,
      },
    };
  }
}
