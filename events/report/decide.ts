// decide(command, state) -> events: the report's business rules, pure. Throws ReportInputError,
// RevisionConflictError or ReportNotFoundError; returns [] when the command changes nothing.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import type {
  ChangeRevertedData,
  DecidedReportEvent,
  FigureChangeData,
  FiguresEditedData,
  ImportedCell,
  NarrativeChangeData,
  NarrativeEditedData,
  ReportImportedData,
} from './eventCatalog';
import type {
  EditNarrativeCommand,
  ImportReportCommand,
  ReportCommand,
  RevertChangeCommand,
  SetFiguresCommand,
} from './commands';
import { MAX_CHANGES_PER_COMMAND, MAX_NARRATIVE_TEXT } from './commands';
import {
  FigureConflictError,
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
  type ConflictingChange,
} from './errors';
import { validateFigureValue } from './figureValue';
import { asReportEvent } from './recordedReportEvent';
import type {
  ChangeRef,
  FigureState,
  MaybeReportState,
  NarrativeSectionState,
  ReportState,
} from './reportState';
import { recordedSourceHashes } from './reportState';
import type {
  CellMarker,
  ImportedDocument,
  ImportedNarrativeFigure,
  ImportedNarrativeSection,
  ImportedWarning,
} from './storedTypes';

const CELL_MARKERS: readonly CellMarker[] = ['/', '-', '—', '无'];

function requireReport(state: MaybeReportState): ReportState {
  if (state === null) throw new ReportNotFoundError('no such report', 'reportId');
  return state;
}

function requireRevision(state: ReportState, expectedRevision: number): void {
  if (!Number.isInteger(expectedRevision) || expectedRevision < 0) {
    throw new ReportInputError(
      'expectedRevision must be a revision number (0 or more)',
      'expectedRevision',
    );
  }
  if (state.revision !== expectedRevision)
    throw new RevisionConflictError(expectedRevision, state.revision);
}

/**
 * Figure-level concurrency: the caller saw `expectedRevision`; what it changes must not have
 * been changed after that. A revision ahead of the state is a conflict too (the state is behind
 * the stream, or the caller names a revision that does not exist yet).
 */
function requireSeenRevision(state: ReportState, expectedRevision: number): void {
  if (!Number.isInteger(expectedRevision) || expectedRevision < 0) {
    throw new ReportInputError(
      'expectedRevision must be a revision number (0 or more)',
      'expectedRevision',
    );
  }
  if (expectedRevision > state.revision)
    throw new RevisionConflictError(expectedRevision, state.revision);
}

interface Changed {
  key: string;
  value: string | null;
  /** A figure's marker ("/", "无" …); sections have none. */
  marker?: string | null;
  revision: number;
  lastChange: ChangeRef;
}

/** Throws a FigureConflictError naming every one of `changed` changed after `expectedRevision`. */
function requireUnchangedSince(
  state: ReportState,
  expectedRevision: number,
  changed: readonly Changed[],
): void {
  const conflicts: ConflictingChange[] = changed
    .filter((item) => item.revision > expectedRevision)
    .map((item) => ({
      key: item.key,
      value: item.value,
      marker: item.marker ?? null,
      revision: item.revision,
      actor: { id: item.lastChange.actor.id, name: item.lastChange.actor.name },
      recordedAt: item.lastChange.recordedAt,
    }));
  if (conflicts.length > 0)
    throw new FigureConflictError(expectedRevision, state.revision, conflicts);
}

const figureChanged = (figure: FigureState): Changed => figure;
const sectionChanged = (section: NarrativeSectionState): Changed => ({
  key: `section:${section.id}`,
  value: section.text,
  revision: section.revision,
  lastChange: section.lastChange,
});

function importedCells(parsed: ImportedDocument): ImportedCell[] {
  // Catalogue order, so every report lists its cells the same way.
  const known = FIGURE_KEYS.filter((key) => parsed.figures[key] !== undefined);
  const extra = Object.keys(parsed.figures).filter((key) => !known.includes(key));
  return [...known, ...extra].map((key) => {
    const reading = parsed.figures[key];
    return {
      key,
      value: reading.value,
      raw: reading.raw,
      marker: reading.marker,
      uncertain: reading.uncertain,
      source: reading.source,
    };
  });
}

function decideFirstImport(command: ImportReportCommand): DecidedReportEvent[] {
  const { parsed } = command;
  const data: ReportImportedData = {
    reportId: command.reportId,
    agencyId: command.agencyId,
    agency: command.agency,
    year: command.year,
    template: parsed.template,
    importerVersion: parsed.importerVersion,
    sourceHash: parsed.sourceHash,
    sourceUrl: command.sourceUrl,
    format: parsed.format,
    shape: parsed.shape,
    detected: { agency: parsed.agency, year: parsed.year },
    figures: importedCells(parsed),
    narrative: parsed.narrative.map(storedSection),
    narrativeFigures: parsed.narrativeFigures.map(storedNarrativeFigure),
    warnings: parsed.warnings.map(storedWarning),
  };
  return [{ type: 'ReportImported', data }];
}

/** JSON with object keys sorted: stored warnings may list their fields in another order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${sortedJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameSource(a: unknown, b: unknown): boolean {
  return sortedJson(a) === sortedJson(b);
}

// The importer's result copied into the stored shapes, field by field (storedTypes.ts).
function storedSection(section: ImportedNarrativeSection): ImportedNarrativeSection {
  return { id: section.id, heading: section.heading, text: section.text, source: section.source };
}

function storedNarrativeFigure(figure: ImportedNarrativeFigure): ImportedNarrativeFigure {
  return {
    key: figure.key,
    sectionId: figure.sectionId,
    value: figure.value,
    unit: figure.unit,
    raw: figure.raw,
    sentence: figure.sentence,
    ...(figure.sentenceOffset !== undefined ? { sentenceOffset: figure.sentenceOffset } : {}),
    source: figure.source,
  };
}

function storedWarning(warning: ImportedWarning): ImportedWarning {
  return {
    code: warning.code,
    keys: warning.keys,
    message: warning.message,
    source: warning.source,
    ...(warning.candidates ? { candidates: warning.candidates } : {}),
  };
}

/** What a re-import does with each cell it reads (reimportPlan). */
export interface ReimportPlan {
  /** Cells the new document determines and nobody corrected: written as re-import edits. */
  applied: string[];
  /** Known values the new document leaves blank or ambiguous: kept, with a warning each. */
  kept: string[];
  /** Cells where the document disagrees with a person's correction: proposals, not edits. */
  proposed: Array<{ key: string; current: string | null; document: string | null }>;
  /** Cells the document reads as they are. */
  unchanged: string[];
  /** REIMPORT_KEPT and REIMPORT_PROPOSED warnings naming the keys. */
  warnings: ImportedWarning[];
  changes: FigureChangeData[];
}

/** Kinds of change that are a person's work (a re-import never overwrites them). */
const PERSONS_WORK = new Set(['edit', 'revert']);

function ambiguousKeysOf(parsed: ImportedDocument): Set<string> {
  return new Set(
    parsed.warnings
      .filter((warning) => /AMBIGUOUS|MISMATCH/.test(warning.code))
      .flatMap((warning) => warning.keys),
  );
}

/**
 * Three-way per cell: the previous import (and re-imports) the current value came from, the
 * changes people made since (lastChange kind edit/revert), and the new document. Pure.
 */
export function reimportPlan(parsed: ImportedDocument, state: ReportState): ReimportPlan {
  const current = new Map(state.figures.map((figure) => [figure.key, figure]));
  const ambiguous = ambiguousKeysOf(parsed);
  const plan: ReimportPlan = {
    applied: [],
    kept: [],
    proposed: [],
    unchanged: [],
    warnings: [],
    changes: [],
  };
  const consider = (
    key: string,
    next: {
      value: string | null;
      raw: string | null;
      marker: ImportedCell['marker'];
      uncertain: boolean;
      source: ImportedCell['source'];
    },
    narrative?: FigureChangeData['narrative'],
  ) => {
    const figure = current.get(key);
    if (
      figure &&
      figure.value === next.value &&
      figure.raw === next.raw &&
      figure.marker === next.marker
    ) {
      plan.unchanged.push(key);
      return;
    }
    if (figure) {
      const undetermined =
        (next.value === null && next.marker === null) || next.uncertain || ambiguous.has(key);
      if (undetermined && figure.value !== null) {
        plan.kept.push(key);
        return;
      }
      if (PERSONS_WORK.has(figure.lastChange.kind)) {
        if (figure.value === next.value && figure.marker === next.marker) {
          plan.unchanged.push(key);
        } else {
          plan.proposed.push({ key, current: figure.value, document: next.value });
        }
        return;
      }
    }
    plan.applied.push(key);
    plan.changes.push({
      key,
      from: figure?.value ?? null,
      to: next.value,
      raw: next.raw,
      marker: next.marker,
      fromRaw: figure?.raw ?? null,
      fromMarker: figure?.marker ?? null,
      source: next.source,
      ...(figure ? {} : narrative ? { narrative } : {}),
    });
  };
  for (const cell of importedCells(parsed)) consider(cell.key, cell);
  for (const figure of parsed.narrativeFigures) {
    consider(
      figure.key,
      {
        value: figure.value,
        raw: figure.raw,
        marker: null,
        uncertain: false,
        source: figure.source,
      },
      { sectionId: figure.sectionId, unit: figure.unit, sentence: figure.sentence },
    );
  }
  if (plan.kept.length > 0) {
    plan.warnings.push({
      code: 'REIMPORT_KEPT',
      keys: plan.kept,
      message: `the new document leaves ${plan.kept.length} known value(s) blank or ambiguous; they are kept: ${plan.kept.join(', ')}`,
      source: null,
    });
  }
  if (plan.proposed.length > 0) {
    const keys = plan.proposed.map((item) => item.key);
    plan.warnings.push({
      code: 'REIMPORT_PROPOSED',
      keys,
      message: `the new document disagrees with ${keys.length} correction(s) made since the import; they are kept and the document's values proposed: ${keys.join(', ')}`,
      source: null,
    });
  }
  return plan;
}

const isTableKey = (key: string): boolean => /^t[234]\./.test(key);

/**
 * A later document. Cells it determines that nobody corrected become re-import edits; blank or
 * ambiguous cells never replace known values; cells people corrected are left for a proposal
 * (reimportPlan). A document with no table figures for a report that has some is refused.
 */
function decideReimport(command: ImportReportCommand, state: ReportState): DecidedReportEvent[] {
  const { parsed } = command;
  const stated = importedCells(parsed).filter(
    (cell) => isTableKey(cell.key) && (cell.value !== null || cell.marker !== null),
  ).length;
  const known = state.figures.filter(
    (figure) => isTableKey(figure.key) && figure.value !== null,
  ).length;
  if (stated === 0 && known > 0) {
    throw new ReportInputError(
      `the document yields no table figures, but the report has ${known}; nothing was imported (is it the report's text without its tables?)`,
      'document',
    );
  }
  const plan = reimportPlan(parsed, state);
  const { changes } = plan;
  const sections: NarrativeChangeData[] = [];
  const currentSections = new Map(state.narrative.map((section) => [section.id, section]));
  for (const section of parsed.narrative) {
    const existing = currentSections.get(section.id);
    if (existing && existing.text === section.text) continue;
    // A section a person edited (or reverted) since is theirs: the document does not overwrite it.
    if (
      existing &&
      (existing.lastChange.kind === 'narrative' || existing.lastChange.kind === 'revert')
    )
      continue;
    sections.push({
      sectionId: section.id,
      heading: section.heading,
      from: existing?.text ?? null,
      to: section.text,
    });
  }
  const warnings = [...parsed.warnings.map(storedWarning), ...plan.warnings];
  // A document already recorded for this report that changes nothing records nothing: two
  // renderings of one report (its HTML page and its PDF's text) re-imported in turn would
  // otherwise append a ReportReimported for each, every time the folder is imported.
  const alreadyRecorded =
    state.sourceHash === parsed.sourceHash
      ? sameSource(state.warnings, warnings)
      : recordedSourceHashes(state).includes(parsed.sourceHash);
  if (alreadyRecorded && changes.length === 0 && sections.length === 0) return [];
  const events: DecidedReportEvent[] = [
    {
      type: 'ReportReimported',
      data: {
        importerVersion: parsed.importerVersion,
        sourceHash: parsed.sourceHash,
        sourceUrl: command.sourceUrl,
        format: parsed.format,
        shape: parsed.shape,
        template: parsed.template,
        warnings,
      },
    },
  ];
  if (changes.length > 0)
    events.push({ type: 'FiguresEdited', data: { cause: 'reimport', changes } });
  if (sections.length > 0)
    events.push({ type: 'NarrativeEdited', data: { cause: 'reimport', sections } });
  return events;
}

function decideImport(command: ImportReportCommand, state: MaybeReportState): DecidedReportEvent[] {
  return state === null ? decideFirstImport(command) : decideReimport(command, state);
}

function decideSetFigures(
  command: SetFiguresCommand,
  maybeState: MaybeReportState,
): DecidedReportEvent[] {
  const state = requireReport(maybeState);
  if (!Array.isArray(command.changes) || command.changes.length === 0) {
    throw new ReportInputError('give at least one change', 'changes');
  }
  if (command.changes.length > MAX_CHANGES_PER_COMMAND) {
    throw new ReportInputError(`at most ${MAX_CHANGES_PER_COMMAND} changes per call`, 'changes');
  }
  const figures = new Map<string, FigureState>(state.figures.map((figure) => [figure.key, figure]));
  const seen = new Set<string>();
  const changes: FigureChangeData[] = [];
  const touched: FigureState[] = [];
  command.changes.forEach((input, index) => {
    const field = `changes[${index}]`;
    const figure = figures.get(input.key);
    if (!figure)
      throw new ReportInputError(
        `unknown figure key "${String(input.key).slice(0, 80)}"`,
        `${field}.key`,
      );
    if (seen.has(input.key))
      throw new ReportInputError(`figure "${input.key}" appears twice`, `${field}.key`);
    seen.add(input.key);
    const value = validateFigureValue(input.key, input.value, `${field}.value`);
    const marker = input.marker ?? null;
    if (marker !== null) {
      if (!CELL_MARKERS.includes(marker)) {
        throw new ReportInputError(
          `a marker is one of ${CELL_MARKERS.map((item) => `"${item}"`).join(', ')}`,
          `${field}.marker`,
        );
      }
      if (value !== null) {
        throw new ReportInputError('a cell holds a value or a marker, not both', `${field}.value`);
      }
    }
    if (value === figure.value && figure.marker === marker) return;
    touched.push(figure);
    changes.push({
      key: input.key,
      from: figure.value,
      to: value,
      raw: marker ?? value,
      marker,
      fromRaw: figure.raw,
      fromMarker: figure.marker,
    });
  });
  // Checked after the input so a bad input is reported as such even when also stale. Only the
  // figures this edit changes must be as the caller saw them; others may have moved on.
  requireSeenRevision(state, command.expectedRevision);
  requireUnchangedSince(state, command.expectedRevision, touched.map(figureChanged));
  if (changes.length === 0) return [];
  const data: FiguresEditedData = {
    cause: 'edit',
    changes,
    ...(command.review ? { review: command.review } : {}),
  };
  return [{ type: 'FiguresEdited', data }];
}

function decideEditNarrative(
  command: EditNarrativeCommand,
  maybeState: MaybeReportState,
): DecidedReportEvent[] {
  const state = requireReport(maybeState);
  if (!Array.isArray(command.sections) || command.sections.length === 0) {
    throw new ReportInputError('give at least one section', 'sections');
  }
  const current = new Map(state.narrative.map((section) => [section.id, section]));
  const seen = new Set<string>();
  const sections: NarrativeChangeData[] = [];
  const touched: NarrativeSectionState[] = [];
  let addsSection = false;
  command.sections.forEach((input, index) => {
    const field = `sections[${index}]`;
    if (!/^\d+(\.\d+)*$/.test(input.sectionId)) {
      throw new ReportInputError('a section id looks like "1" or "1.2"', `${field}.sectionId`);
    }
    if (seen.has(input.sectionId))
      throw new ReportInputError('section appears twice', `${field}.sectionId`);
    seen.add(input.sectionId);
    if (input.text !== null && input.text.length > MAX_NARRATIVE_TEXT) {
      throw new ReportInputError(`at most ${MAX_NARRATIVE_TEXT} characters`, `${field}.text`);
    }
    const existing = current.get(input.sectionId);
    if (!existing && input.text === null) {
      throw new ReportInputError(`no section "${input.sectionId}" to remove`, `${field}.sectionId`);
    }
    if (!existing && !input.heading?.trim()) {
      throw new ReportInputError('a new section needs a heading', `${field}.heading`);
    }
    if (
      existing &&
      existing.text === input.text &&
      (!input.heading || input.heading === existing.heading)
    )
      return;
    if (existing) touched.push(existing);
    else addsSection = true;
    sections.push({
      sectionId: input.sectionId,
      heading: input.heading?.trim() || existing?.heading || '',
      from: existing?.text ?? null,
      to: input.text,
    });
  });
  // Section level: only the sections this edit changes must be as the caller saw them. A new
  // section cannot be told apart from one removed since, so adding one stays strict.
  requireSeenRevision(state, command.expectedRevision);
  if (addsSection) requireRevision(state, command.expectedRevision);
  requireUnchangedSince(state, command.expectedRevision, touched.map(sectionChanged));
  if (sections.length === 0) return [];
  const data: NarrativeEditedData = { cause: 'edit', sections };
  return [{ type: 'NarrativeEdited', data }];
}

function decideRevert(
  command: RevertChangeCommand,
  maybeState: MaybeReportState,
): DecidedReportEvent[] {
  const state = requireReport(maybeState);
  const { reverted } = command;
  let figureChanges: FigureChangeData[] = [];
  let sectionChanges: NarrativeChangeData[] = [];
  const event = asReportEvent(reverted);
  switch (event?.type) {
    case 'FiguresEdited':
      figureChanges = event.data.changes;
      break;
    case 'NarrativeEdited':
      sectionChanges = event.data.sections;
      break;
    case 'ChangeReverted':
      figureChanges = event.data.changes;
      sectionChanges = event.data.sections;
      break;
    default:
      throw new ReportInputError(
        `a ${reverted.type} event cannot be reverted; edit the values instead`,
        'eventId',
      );
  }
  requireSeenRevision(state, command.expectedRevision);
  const figures = new Map(state.figures.map((figure) => [figure.key, figure]));
  const changes: FigureChangeData[] = [];
  const touched: Changed[] = [];
  for (const change of figureChanges) {
    const figure = figures.get(change.key);
    if (!figure) continue;
    if (
      figure.value === change.from &&
      figure.raw === change.fromRaw &&
      figure.marker === change.fromMarker
    )
      continue;
    touched.push(figureChanged(figure));
    changes.push({
      key: change.key,
      from: figure.value,
      to: change.from,
      raw: change.fromRaw,
      marker: change.fromMarker,
      fromRaw: figure.raw,
      fromMarker: figure.marker,
    });
  }
  const narrative = new Map(state.narrative.map((section) => [section.id, section]));
  const sections: NarrativeChangeData[] = [];
  for (const change of sectionChanges) {
    const section = narrative.get(change.sectionId);
    const current = section?.text ?? null;
    if (current === change.from) continue;
    // A section removed since cannot be dated from the state: re-adding it stays strict.
    if (section) touched.push(sectionChanged(section));
    else requireRevision(state, command.expectedRevision);
    sections.push({
      sectionId: change.sectionId,
      heading: change.heading,
      from: current,
      to: change.from,
    });
  }
  // Changed-figure level: what the revert changes must be as the caller saw it.
  requireUnchangedSince(state, command.expectedRevision, touched);
  if (changes.length === 0 && sections.length === 0) return [];
  const data: ChangeRevertedData = {
    revertedEventId: reverted.eventId,
    revertedRevision: reverted.revision,
    changes,
    sections,
  };
  return [{ type: 'ChangeReverted', data }];
}

export function decide(command: ReportCommand, state: MaybeReportState): DecidedReportEvent[] {
  switch (command.type) {
    case 'ImportReport':
      return decideImport(command, state);
    case 'SetFigures':
      return decideSetFigures(command, state);
    case 'EditNarrative':
      return decideEditNarrative(command, state);
    case 'RevertChange':
      return decideRevert(command, state);
    case 'PublishReport': {
      const report = requireReport(state);
      requireRevision(report, command.expectedRevision);
      return report.status === 'published' ? [] : [{ type: 'ReportPublished', data: {} }];
    }
    case 'WithdrawReport': {
      const report = requireReport(state);
      requireRevision(report, command.expectedRevision);
      return report.status === 'withdrawn' ? [] : [{ type: 'ReportWithdrawn', data: {} }];
    }
  }
}
