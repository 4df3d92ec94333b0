// Command handlers: load the stream's state -> decide (pure) -> append with the stream's
// revision as expectedRevision -> project (read-your-writes) -> return the new read model.
import { randomUUID } from 'node:crypto';
import type { ReportCommand } from '../../events/report/commands';
import { decide } from '../../events/report/decide';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import { SCHEMA_VERSIONS, type DecidedReportEvent } from '../../events/report/eventCatalog';
import {
  agencyIdFor,
  agencyStreamId,
  mutationEventId,
  normaliseAgencyName,
  reportIdFor,
  reportStreamId,
  uuidV5,
} from '../../events/report/ids';
import type { ActorRef, ReportState } from '../../events/report/reportState';
import {
  InvalidAppendError,
  WrongExpectedRevision,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '../../events/store/types';
import type { ReportReadDocument } from '../../models/reportReadModel';
import { actorOf, assertCanEdit, type Principal } from '../auth/principal';
import { UnrecognisedDocumentError } from '../domain/importer/types';
import type { ProjectionContext } from '../projections/projectionContext';
import { projectAgencyEvents } from '../projections/projectAgency';
import { projectReport } from '../projections/projectReport';
import { stateOf } from '../projections/readModelDocument';
import {
  inputHash,
  optionalClientMutationId,
  requireReason,
  requireRevisionInput,
} from './commandInput';
import type { DocumentParser } from './documentParser';

export interface RequestMeta {
  requestId?: string;
}

export interface MutationOutcome {
  report: ReportReadDocument;
  /** Events this call appended, or (replay) the ones the first call appended. */
  events: RecordedEvent[];
  /** True when the clientMutationId had been used with this input already: nothing was written. */
  replayed: boolean;
}

export interface ImportReportInput {
  document: string;
  agency?: string | null;
  year?: number | null;
  sourceUrl?: string | null;
  reason: string;
  clientMutationId?: string | null;
}

export interface SetFiguresInput {
  reportId: string;
  expectedRevision: number;
  changes: Array<{ key: string; value: string | null }>;
  reason: string;
  clientMutationId?: string | null;
}

export interface EditNarrativeInput {
  reportId: string;
  expectedRevision: number;
  sections: Array<{ sectionId: string; text: string | null; heading?: string | null }>;
  reason: string;
  clientMutationId?: string | null;
}

export interface RevertChangeInput {
  reportId: string;
  eventId: string;
  expectedRevision: number;
  reason: string;
  clientMutationId?: string | null;
}

export interface PublicationInput {
  reportId: string;
  expectedRevision: number;
  reason: string;
  clientMutationId?: string | null;
}

export interface LedgerServicesOptions {
  parseDocument: DocumentParser;
  /** Longest document accepted by importReport, in characters. */
  maxDocumentLength?: number;
}

export const DEFAULT_MAX_DOCUMENT_LENGTH = 5_000_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

interface Prepared {
  reportId: string;
  actor: ActorRef;
  reason: string;
  clientMutationId: string | null;
  hash: string;
}

export class LedgerServices {
  constructor(
    readonly context: ProjectionContext,
    private readonly options: LedgerServicesOptions,
  ) {}

  private get models() {
    return this.context.models;
  }

  /** The read model of a report, caught up with its stream; NOT_FOUND when there is none. */
  private async currentReport(reportId: string): Promise<ReportReadDocument> {
    const document = await projectReport(this.context, reportId);
    if (!document) throw new ReportNotFoundError(`no report with id ${reportId}`, 'reportId');
    return document;
  }

  private newEvents(
    decided: DecidedReportEvent[],
    prepared: Prepared,
    meta: RequestMeta,
  ): NewEvent[] {
    const metadata: EventMetadata = {
      actor: prepared.actor,
      reason: prepared.reason,
      ...(prepared.clientMutationId ? { correlationId: prepared.clientMutationId } : {}),
      ...(meta.requestId ? { requestId: meta.requestId } : {}),
    };
    return decided.map((event, index) => ({
      eventId: prepared.clientMutationId
        ? mutationEventId(prepared.actor.id, prepared.clientMutationId, index)
        : randomUUID(),
      type: event.type,
      schemaVersion: SCHEMA_VERSIONS[event.type],
      data: event.data,
      metadata,
    }));
  }

  private mutationKey(prepared: Prepared): string {
    return `${prepared.actor.id}:${prepared.clientMutationId}`;
  }

  /**
   * Whether the clientMutationId is recorded; a record for another input is an error, since
   * reusing an id must never apply or replay a different change.
   */
  private async sameInputRecorded(prepared: Prepared): Promise<boolean> {
    const record = await this.models.mutations.findById(this.mutationKey(prepared)).lean().exec();
    if (!record) return false;
    if (record.inputHash !== prepared.hash) {
      throw new ReportInputError(
        'this clientMutationId was already used with a different input; use a new one',
        'clientMutationId',
      );
    }
    return true;
  }

  /** A replay of an already applied mutation, or null when this one is new. */
  private async findReplay(prepared: Prepared): Promise<MutationOutcome | null> {
    if (!prepared.clientMutationId) return null;
    if (!(await this.sameInputRecorded(prepared))) return null;
    const firstEventId = mutationEventId(prepared.actor.id, prepared.clientMutationId, 0);
    const entry = await this.models.changes.findOne({ eventId: firstEventId }).lean().exec();
    if (!entry) return null;
    const events = await this.context.store.readStream(reportStreamId(entry.reportId), {
      fromRevision: entry.revision,
    });
    const own = events.filter(
      (event) => event.metadata.correlationId === prepared.clientMutationId,
    );
    return { report: await this.currentReport(entry.reportId), events: own, replayed: true };
  }

  private async recordMutation(prepared: Prepared): Promise<void> {
    if (!prepared.clientMutationId) return;
    try {
      await this.models.mutations.create([
        {
          _id: this.mutationKey(prepared),
          inputHash: prepared.hash,
          reportId: prepared.reportId,
          createdAt: new Date(),
        },
      ]);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      await this.sameInputRecorded(prepared);
    }
  }

  /**
   * Appends; a failed append wrote nothing, so its clientMutationId record is dropped and the
   * id may be retried (after a CONFLICT, with another expectedRevision or other values).
   */
  private async append(
    prepared: Prepared,
    reportId: string,
    events: NewEvent[],
    expectedRevision: number | 'no_stream',
  ): Promise<{ events: RecordedEvent[]; replayed: boolean }> {
    try {
      return await this.appendEvents(reportId, events, expectedRevision);
    } catch (error) {
      if (prepared.clientMutationId) {
        await this.models.mutations
          .deleteOne({ _id: this.mutationKey(prepared), inputHash: prepared.hash })
          .exec()
          .catch(() => undefined);
      }
      throw error;
    }
  }

  private async appendEvents(
    reportId: string,
    events: NewEvent[],
    expectedRevision: number | 'no_stream',
  ): Promise<{ events: RecordedEvent[]; replayed: boolean }> {
    try {
      const result = await this.context.store.appendToStream(reportStreamId(reportId), events, {
        expectedRevision,
      });
      return { events: result.events, replayed: result.alreadyAppended };
    } catch (error) {
      if (error instanceof WrongExpectedRevision) {
        const actual = error.actualRevision === 'no_stream' ? -1 : error.actualRevision;
        throw new RevisionConflictError(
          typeof expectedRevision === 'number' ? expectedRevision : -1,
          actual,
        );
      }
      if (error instanceof InvalidAppendError) {
        throw new ReportInputError(
          `the change is too large or malformed: ${error.message}`,
          'input',
        );
      }
      throw error;
    }
  }

  /** Runs one revision-checked command against an existing report. */
  private async runCommand(
    principal: Principal,
    operation: string,
    input: { reportId: string; reason: string; clientMutationId?: string | null },
    hashedInput: unknown,
    meta: RequestMeta,
    command: (state: ReportState) => ReportCommand,
  ): Promise<MutationOutcome> {
    const actor = actorOf(principal);
    if (typeof input.reportId !== 'string' || input.reportId === '') {
      throw new ReportInputError('reportId is required', 'reportId');
    }
    const prepared: Prepared = {
      reportId: input.reportId,
      actor,
      reason: requireReason(input.reason),
      clientMutationId: optionalClientMutationId(input.clientMutationId),
      hash: inputHash(operation, hashedInput),
    };
    const document = await this.currentReport(input.reportId);
    const state = stateOf(document);
    assertCanEdit(principal, state.agency);
    const replay = await this.findReplay(prepared);
    if (replay) return replay;
    const decided = decide(command(state), state);
    if (decided.length === 0) return { report: document, events: [], replayed: false };
    await this.recordMutation(prepared);
    const appended = await this.append(
      prepared,
      input.reportId,
      this.newEvents(decided, prepared, meta),
      state.revision,
    );
    const report = await projectReport(this.context, input.reportId, {
      base: { document },
      known: appended.events,
    });
    return { report: report ?? document, events: appended.events, replayed: appended.replayed };
  }

  async setFigures(
    principal: Principal,
    input: SetFiguresInput,
    meta: RequestMeta = {},
  ): Promise<MutationOutcome> {
    const expectedRevision = requireRevisionInput(input.expectedRevision);
    if (!Array.isArray(input.changes))
      throw new ReportInputError('changes must be a list', 'changes');
    const changes = input.changes.map((change) => ({
      key: change.key,
      value: change.value ?? null,
    }));
    return this.runCommand(
      principal,
      'setFigures',
      input,
      { reportId: input.reportId, expectedRevision, changes, reason: input.reason },
      meta,
      () => ({ type: 'SetFigures', expectedRevision, changes }),
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
    const entry = await this.models.changes
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
    if (await this.models.agencies.exists({ _id: agencyId })) return;
    let events: RecordedEvent[];
    try {
      const result = await this.context.store.appendToStream(
        agencyStreamId(agencyId),
        [
          {
            eventId: uuidV5(`agency-registered:${agencyId}`),
            type: 'AgencyRegistered',
            schemaVersion: SCHEMA_VERSIONS.AgencyRegistered,
            data: { agencyId, name },
            metadata: { actor, reason },
          },
        ],
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
    const actor = actorOf(principal);
    const reason = requireReason(input.reason);
    const clientMutationId = optionalClientMutationId(input.clientMutationId);
    if (typeof input.document !== 'string' || input.document.trim() === '') {
      throw new ReportInputError('document is empty', 'document');
    }
    const maxLength = this.options.maxDocumentLength ?? DEFAULT_MAX_DOCUMENT_LENGTH;
    if (input.document.length > maxLength) {
      throw new ReportInputError(`a document has at most ${maxLength} characters`, 'document');
    }
    const hintAgency = input.agency?.trim() ? normaliseAgencyName(input.agency) : undefined;
    if (input.agency !== undefined && input.agency !== null && !hintAgency) {
      throw new ReportInputError('agency is empty', 'agency');
    }
    if (hintAgency && hintAgency.length > 200)
      throw new ReportInputError('agency name is too long', 'agency');
    if (input.year !== undefined && input.year !== null) {
      if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR) {
        throw new ReportInputError(`year must be between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
      }
    }
    if (
      input.sourceUrl !== undefined &&
      input.sourceUrl !== null &&
      !/^https?:\/\/\S{1,2000}$/.test(input.sourceUrl)
    ) {
      throw new ReportInputError('sourceUrl must be an http(s) URL', 'sourceUrl');
    }
    let parsed;
    try {
      parsed = this.options.parseDocument(input.document, {
        ...(hintAgency ? { agency: hintAgency } : {}),
        ...(input.year ? { year: input.year } : {}),
      });
    } catch (error) {
      if (
        error instanceof UnrecognisedDocumentError ||
        (error as Error).name === 'UnrecognisedDocumentError'
      ) {
        throw new ReportInputError(
          `the document cannot be read as a report: ${(error as Error).message}`,
          'document',
        );
      }
      throw error;
    }
    const agency = hintAgency ?? (parsed.agency ? normaliseAgencyName(parsed.agency) : null);
    if (!agency)
      throw new ReportInputError('the document does not name its agency; give agency', 'agency');
    const year = input.year ?? parsed.year;
    if (!year)
      throw new ReportInputError('the document does not state its year; give year', 'year');
    assertCanEdit(principal, agency);

    const reportId = reportIdFor(agency, year);
    const agencyId = agencyIdFor(agency);
    const prepared: Prepared = {
      reportId,
      actor,
      reason,
      clientMutationId,
      hash: inputHash('importReport', {
        document: input.document,
        agency: hintAgency ?? null,
        year: input.year ?? null,
        sourceUrl: input.sourceUrl ?? null,
        reason,
      }),
    };
    const replay = await this.findReplay(prepared);
    if (replay) return replay;
    await this.ensureAgency(agencyId, agency, actor, reason);

    for (let attempt = 0; ; attempt++) {
      const document = await projectReport(this.context, reportId);
      const state = document ? stateOf(document) : null;
      const decided = decide(
        {
          type: 'ImportReport',
          reportId,
          agencyId,
          agency,
          year,
          sourceUrl: input.sourceUrl ?? null,
          parsed,
        },
        state,
      );
      if (decided.length === 0 && document)
        return { report: document, events: [], replayed: false };
      await this.recordMutation(prepared);
      try {
        const appended = await this.append(
          prepared,
          reportId,
          this.newEvents(decided, prepared, meta),
          state ? state.revision : 'no_stream',
        );
        const report = await projectReport(this.context, reportId, {
          base: { document },
          known: appended.events,
        });
        if (!report) throw new Error(`report ${reportId} was appended but cannot be projected`);
        return { report, events: appended.events, replayed: appended.replayed };
      } catch (error) {
        // An import is not tied to a revision the caller saw: another writer got in first, so
        // decide again against the new state.
        if (error instanceof RevisionConflictError && attempt < 3) continue;
        throw error;
      }
    }
  }
}
