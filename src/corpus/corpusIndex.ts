// The in-memory corpus index: every report's figure values by key (typed columns), its agency,
// year and status, every agency's region, the change entries asOf needs, and a compact copy of
// the global log for the change feed. It is a projection: built only by folding the log in
// position order (apply), rebuildable at any time, never the only copy of anything.
//
// asOf: the columns hold the current values; a past instant is reached by undoing, newest
// first, the changes recorded after it (each change keeps its `from`). Reports imported after
// the instant do not exist then. Like time travel of one report (src/projections/timeTravel.ts),
// "as it stood at T" means "every event with recordedAt <= T".
import type {
  AgencyRegionSetData,
  AgencyRegisteredData,
  ChangeRevertedData,
  FigureChangeData,
  FiguresEditedData,
  ReportImportedData,
} from '../../events/report/eventCatalog';
import { reportIdOfStream } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import type { DecimalString } from '../domain/importer/types';
import { figureDefinition, FIGURE_KEYS } from '../domain/format/figureCatalog';
import type { DivisionTree } from '../domain/regions/divisionTree';
import type { AgencyKind, AgencyLevel } from '../domain/regions/regionTypes';
import { resolveAgencyRegion, type RegionResolution } from '../domain/regions/resolveAgencyRegion';
import { FigureColumn, type IndexedCell } from './figureColumn';
import { CORPUS_SNAPSHOT_FORMAT, type CorpusSnapshot } from './corpusSnapshot';
import type {
  CellChange,
  LogEntry,
  RegionOverride,
  ReportStatusCode,
  StatusChange,
} from './corpusRecords';

export type { CellChange, LogEntry, RegionOverride, ReportStatusCode, StatusChange };

export const STATUS_NAMES = ['draft', 'published', 'withdrawn'] as const;
export type ReportStatusName = (typeof STATUS_NAMES)[number];

export interface AgencyRow {
  ordinal: number;
  agencyId: string;
  name: string;
  registeredAt: Date;
  /** From the name. */
  resolution: RegionResolution;
  /** In log order. */
  overrides: RegionOverride[];
  /** Sample data (AgencyMarkedSample): left out of corpus queries unless asked for. */
  sample: boolean;
  /** Removed (AgencyRemoved): left out of every corpus query. */
  removed: boolean;
}

/** Where an agency is, as the API shows it. */
export interface EffectiveRegion {
  /** Null when neither the name nor an administrator gives one. */
  code: string | null;
  level: AgencyLevel | null;
  kind: AgencyKind;
  status: 'resolved' | 'ambiguous' | 'unresolved' | 'set';
  candidates: string[];
  warnings: string[];
}

const INITIAL_CAPACITY = 1024;

export class CorpusIndex {
  /** Every position at or below it is folded in. */
  checkpoint = 0;
  reportCount = 0;
  private capacity = INITIAL_CAPACITY;

  readonly reportIds: string[] = [];
  readonly ordinalOfReport = new Map<string, number>();
  agencyOfReport = new Int32Array(INITIAL_CAPACITY);
  yearOfReport = new Int16Array(INITIAL_CAPACITY);
  statusOfReport = new Uint8Array(INITIAL_CAPACITY);
  importedAt = new Float64Array(INITIAL_CAPACITY);
  /** Global position of each report's ReportImported event. */
  importedPosition = new Float64Array(INITIAL_CAPACITY);
  revisionOfReport = new Int32Array(INITIAL_CAPACITY);
  /** `${agencyOrdinal}:${year}` to the report ordinal (the previous year's report). */
  private readonly reportByAgencyYear = new Map<string, number>();

  readonly columns = new Map<string, FigureColumn>();
  /** Per key, in log order. */
  readonly cellChanges = new Map<string, CellChange[]>();
  readonly statusChanges: StatusChange[] = [];

  readonly agencies: AgencyRow[] = [];
  private readonly ordinalOfAgency = new Map<string, number>();

  readonly log: LogEntry[] = [];

  /** Bumped whenever anything changes: caches keyed on it stay correct. */
  version = 0;
  /**
   * Bumped whenever an agency is added or its region, sample or removed mark changes: what the
   * current regions of agencies (CorpusView) are cached on, so figure edits keep that cache.
   */
  agencyVersion = 0;
  /** Report ordinals per year, in ordinal order, for `yearCount` reports (years never change). */
  private byYear: { count: number; ordinals: Map<number, Int32Array> } | null = null;

  constructor(private readonly divisions: DivisionTree) {
    for (const key of FIGURE_KEYS) {
      this.columns.set(
        key,
        new FigureColumn(key, figureDefinition(key)?.valueType === 'decimal', INITIAL_CAPACITY),
      );
    }
  }

  get tree(): DivisionTree {
    return this.divisions;
  }

  reportOrdinal(reportId: string): number | undefined {
    return this.ordinalOfReport.get(reportId);
  }

  agencyOrdinal(agencyId: string): number | undefined {
    return this.ordinalOfAgency.get(agencyId);
  }

  reportOf(agencyOrdinal: number, year: number): number | undefined {
    return this.reportByAgencyYear.get(`${agencyOrdinal}:${year}`);
  }

  /**
   * The ordinals of the reports of `year`, ascending: a query of one year reads a fifth of a
   * five-year corpus. Built once per report count (a report's year never changes).
   */
  reportsOfYear(year: number): Int32Array {
    if (this.byYear?.count !== this.reportCount) {
      const lists = new Map<number, number[]>();
      for (let ordinal = 0; ordinal < this.reportCount; ordinal++) {
        const list = lists.get(this.yearOfReport[ordinal]);
        if (list) list.push(ordinal);
        else lists.set(this.yearOfReport[ordinal], [ordinal]);
      }
      const ordinals = new Map<number, Int32Array>();
      for (const [each, list] of lists) ordinals.set(each, Int32Array.from(list));
      this.byYear = { count: this.reportCount, ordinals };
    }
    return this.byYear.ordinals.get(year) ?? new Int32Array(0);
  }

  /** Folds events in position order; events at or below the checkpoint are ignored. */
  apply(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.position <= this.checkpoint) continue;
      this.applyOne(event);
      this.checkpoint = event.position;
    }
    this.version++;
  }

  /** Moves the checkpoint past positions whose events were filtered out or skipped. */
  advanceTo(checkpoint: number): void {
    if (checkpoint > this.checkpoint) {
      this.checkpoint = checkpoint;
      this.version++;
    }
  }

  private applyOne(event: RecordedEvent): void {
    const recordedAt = new Date(event.recordedAt).getTime();
    const entry: LogEntry = {
      position: event.position,
      eventId: event.eventId,
      type: event.type,
      streamId: event.streamId,
      reportOrdinal: -1,
      agencyOrdinal: -1,
      revision: event.revision,
      recordedAt,
      actorId: event.metadata.actor.id,
      actorName: event.metadata.actor.name,
      reason: event.metadata.reason ?? null,
      keys: [],
    };
    const reportId = reportIdOfStream(event.streamId);
    if (reportId !== null) {
      if (event.type === 'ReportImported') {
        entry.reportOrdinal = this.addReport(event.data as ReportImportedData, event, recordedAt);
        entry.keys = 'all';
      } else {
        const ordinal = this.ordinalOfReport.get(reportId);
        if (ordinal !== undefined) {
          entry.reportOrdinal = ordinal;
          this.revisionOfReport[ordinal] = event.revision;
          entry.keys = this.applyReportEvent(ordinal, event, recordedAt);
        }
      }
      if (entry.reportOrdinal >= 0) entry.agencyOrdinal = this.agencyOfReport[entry.reportOrdinal];
    } else if (event.type === 'AgencyRegistered') {
      const data = event.data as AgencyRegisteredData;
      entry.agencyOrdinal = this.ensureAgency(data.agencyId, data.name, new Date(recordedAt));
    } else if (event.type === 'AgencyRegionSet') {
      const data = event.data as AgencyRegionSetData;
      const ordinal = this.ordinalOfAgency.get(data.agencyId);
      if (ordinal !== undefined) {
        entry.agencyOrdinal = ordinal;
        this.agencyVersion++;
        this.agencies[ordinal].overrides.push({
          recordedAt,
          position: event.position,
          regionCode: data.regionCode,
          level: data.level,
          kind: data.kind,
          actorName: event.metadata.actor.name,
          reason: event.metadata.reason ?? null,
        });
      }
    } else if (event.streamId.startsWith('agency-')) {
      entry.agencyOrdinal = this.ordinalOfAgency.get(event.streamId.slice('agency-'.length)) ?? -1;
      const agency = this.agencies[entry.agencyOrdinal];
      if (agency && event.type === 'AgencyMarkedSample') agency.sample = true;
      if (agency && event.type === 'AgencyRemoved') agency.removed = true;
      this.agencyVersion++;
    }
    this.log.push(entry);
  }

  private ensureAgency(agencyId: string, name: string, registeredAt: Date): number {
    const known = this.ordinalOfAgency.get(agencyId);
    if (known !== undefined) return known;
    const ordinal = this.agencies.length;
    this.agencyVersion++;
    this.agencies.push({
      ordinal,
      agencyId,
      name,
      registeredAt,
      resolution: resolveAgencyRegion(name, this.divisions),
      overrides: [],
      sample: false,
      removed: false,
    });
    this.ordinalOfAgency.set(agencyId, ordinal);
    return ordinal;
  }

  private addReport(data: ReportImportedData, event: RecordedEvent, recordedAt: number): number {
    const existing = this.ordinalOfReport.get(data.reportId);
    if (existing !== undefined) return existing;
    const ordinal = this.reportCount++;
    if (ordinal >= this.capacity) this.grow(this.capacity * 2);
    const agencyOrdinal = this.ensureAgency(data.agencyId, data.agency, new Date(recordedAt));
    this.reportIds.push(data.reportId);
    this.ordinalOfReport.set(data.reportId, ordinal);
    this.agencyOfReport[ordinal] = agencyOrdinal;
    this.yearOfReport[ordinal] = data.year;
    this.statusOfReport[ordinal] = 0;
    this.importedAt[ordinal] = recordedAt;
    this.importedPosition[ordinal] = event.position;
    this.revisionOfReport[ordinal] = event.revision;
    this.reportByAgencyYear.set(`${agencyOrdinal}:${data.year}`, ordinal);
    for (const cell of data.figures) {
      this.columns.get(cell.key)?.set(ordinal, { value: cell.value, marker: cell.marker });
    }
    return ordinal;
  }

  private grow(capacity: number): void {
    const grown = <T extends Int32Array | Int16Array | Uint8Array | Float64Array>(
      array: T,
      make: (size: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    this.agencyOfReport = grown(this.agencyOfReport, (n) => new Int32Array(n));
    this.yearOfReport = grown(this.yearOfReport, (n) => new Int16Array(n));
    this.statusOfReport = grown(this.statusOfReport, (n) => new Uint8Array(n));
    this.importedAt = grown(this.importedAt, (n) => new Float64Array(n));
    this.importedPosition = grown(this.importedPosition, (n) => new Float64Array(n));
    this.revisionOfReport = grown(this.revisionOfReport, (n) => new Int32Array(n));
    for (const column of this.columns.values()) column.grow(capacity);
    this.capacity = capacity;
  }

  /** Returns the figure keys the event set. */
  private applyReportEvent(ordinal: number, event: RecordedEvent, recordedAt: number): string[] {
    switch (event.type) {
      case 'FiguresEdited':
        return this.applyCells(
          ordinal,
          (event.data as FiguresEditedData).changes,
          event,
          recordedAt,
        );
      case 'ChangeReverted':
        return this.applyCells(
          ordinal,
          (event.data as ChangeRevertedData).changes,
          event,
          recordedAt,
        );
      case 'ReportPublished':
        this.setStatus(ordinal, 1, recordedAt);
        return [];
      case 'ReportWithdrawn':
        this.setStatus(ordinal, 2, recordedAt);
        return [];
      default:
        return [];
    }
  }

  private applyCells(
    ordinal: number,
    changes: readonly FigureChangeData[],
    event: RecordedEvent,
    recordedAt: number,
  ): string[] {
    const keys: string[] = [];
    for (const change of changes) {
      const column = this.columns.get(change.key);
      if (!column) continue; // narrative figures are not part of the corpus index
      keys.push(change.key);
      // The column's own state is the truth of what is undone (`from` says the same).
      const from = column.get(ordinal);
      const to: IndexedCell = { value: change.to, marker: change.marker };
      column.set(ordinal, to);
      const history = this.cellChanges.get(change.key) ?? [];
      history.push({ ordinal, recordedAt, position: event.position, from, to });
      this.cellChanges.set(change.key, history);
    }
    return keys;
  }

  private setStatus(ordinal: number, to: ReportStatusCode, recordedAt: number): void {
    const from = this.statusOfReport[ordinal] as ReportStatusCode;
    this.statusOfReport[ordinal] = to;
    this.statusChanges.push({ ordinal, recordedAt, from, to });
  }

  /** The agency's region as of `asOf` (null: now). */
  regionOf(agencyOrdinal: number, asOf: number | null = null): EffectiveRegion {
    const agency = this.agencies[agencyOrdinal];
    let override: RegionOverride | undefined;
    for (let i = agency.overrides.length - 1; i >= 0; i--) {
      if (asOf === null || agency.overrides[i].recordedAt <= asOf) {
        override = agency.overrides[i];
        break;
      }
    }
    const auto = agency.resolution;
    if (override && override.regionCode !== null) {
      const division = this.divisions.get(override.regionCode);
      return {
        code: override.regionCode,
        level: override.level ?? division?.tier ?? null,
        kind: override.kind ?? auto.kind,
        status: 'set',
        candidates: [],
        warnings: [],
      };
    }
    if (auto.status === 'resolved') {
      return {
        code: auto.code,
        level: override?.level ?? auto.level,
        kind: override?.kind ?? auto.kind,
        status: 'resolved',
        candidates: [],
        warnings: auto.warnings,
      };
    }
    return {
      code: null,
      level: override?.level ?? null,
      kind: override?.kind ?? auto.kind,
      status: auto.status,
      candidates: auto.status === 'ambiguous' ? auto.candidates : [],
      warnings: auto.warnings,
    };
  }

  /** A consistent copy of the whole index (typed arrays sliced to the report count). */
  toSnapshot(): CorpusSnapshot {
    const count = this.reportCount;
    return {
      format: CORPUS_SNAPSHOT_FORMAT,
      checkpoint: this.checkpoint,
      reportIds: this.reportIds.slice(0, count),
      agencyOfReport: this.agencyOfReport.slice(0, count),
      yearOfReport: this.yearOfReport.slice(0, count),
      statusOfReport: this.statusOfReport.slice(0, count),
      importedAt: this.importedAt.slice(0, count),
      importedPosition: this.importedPosition.slice(0, count),
      revisionOfReport: this.revisionOfReport.slice(0, count),
      columns: [...this.columns.values()].map((column) => ({
        key: column.key,
        values: column.values.slice(0, count),
        markers: column.markers.slice(0, count),
        decimals: column.decimals ? column.decimals.slice(0, count) : null,
      })),
      cellChanges: [...this.cellChanges].map(([key, changes]) => ({ key, changes: [...changes] })),
      statusChanges: [...this.statusChanges],
      agencies: this.agencies.map((agency) => ({
        agencyId: agency.agencyId,
        name: agency.name,
        registeredAt: agency.registeredAt.getTime(),
        overrides: [...agency.overrides],
        sample: agency.sample,
        removed: agency.removed,
      })),
      log: [...this.log],
    };
  }

  /** An index holding exactly what the snapshot holds (names are resolved again). */
  static fromSnapshot(divisions: DivisionTree, snapshot: CorpusSnapshot): CorpusIndex {
    if (snapshot.format !== CORPUS_SNAPSHOT_FORMAT) {
      throw new Error(
        `corpus snapshot format ${snapshot.format}, expected ${CORPUS_SNAPSHOT_FORMAT}`,
      );
    }
    const index = new CorpusIndex(divisions);
    const count = snapshot.reportIds.length;
    index.grow(Math.max(INITIAL_CAPACITY, count));
    for (const agency of snapshot.agencies) {
      const ordinal = index.ensureAgency(
        agency.agencyId,
        agency.name,
        new Date(agency.registeredAt),
      );
      index.agencies[ordinal].overrides.push(...agency.overrides);
      index.agencies[ordinal].sample = agency.sample;
      index.agencies[ordinal].removed = agency.removed;
    }
    index.reportCount = count;
    index.agencyOfReport.set(snapshot.agencyOfReport);
    index.yearOfReport.set(snapshot.yearOfReport);
    index.statusOfReport.set(snapshot.statusOfReport);
    index.importedAt.set(snapshot.importedAt);
    index.importedPosition.set(snapshot.importedPosition);
    index.revisionOfReport.set(snapshot.revisionOfReport);
    snapshot.reportIds.forEach((reportId, ordinal) => {
      index.reportIds.push(reportId);
      index.ordinalOfReport.set(reportId, ordinal);
      index.reportByAgencyYear.set(
        `${snapshot.agencyOfReport[ordinal]}:${snapshot.yearOfReport[ordinal]}`,
        ordinal,
      );
    });
    for (const saved of snapshot.columns) {
      const column = index.columns.get(saved.key);
      if (!column) continue;
      column.values.set(saved.values);
      column.markers.set(saved.markers);
      if (column.decimals && saved.decimals) {
        saved.decimals.forEach((value, ordinal) => {
          (column.decimals as Array<DecimalString | null>)[ordinal] = value;
        });
      }
    }
    for (const { key, changes } of snapshot.cellChanges) index.cellChanges.set(key, [...changes]);
    // Loops, not push(...): a spread of 200k arguments overflows the stack.
    for (const change of snapshot.statusChanges) index.statusChanges.push(change);
    for (const entry of snapshot.log) index.log.push(entry);
    index.checkpoint = snapshot.checkpoint;
    index.version++;
    return index;
  }

  /** A cell as of now. */
  cell(key: string, ordinal: number): IndexedCell | undefined {
    return this.columns.get(key)?.get(ordinal);
  }
}
