// The corpus as it stood at one instant (or now): which reports existed, their status, each
// key's values and each agency's region. A past view copies a key's column once and undoes the
// changes recorded after the instant; columns are materialised only for the keys asked for.
import type { CorpusIndex, EffectiveRegion, ReportStatusCode } from './corpusIndex';
import { markerCode, markerOfCode, numberText, type IndexedCell } from './figureColumn';
import type { DecimalString } from '../domain/importer/types';

export interface ColumnView {
  values: Float64Array;
  markers: Uint8Array;
  decimals: ReadonlyArray<DecimalString | null> | null;
}

/** Values derived from agencies' regions (the region itself, its path, …) by name. */
type AgencyValues = Map<string, unknown[]>;

const currentByIndex = new WeakMap<CorpusIndex, { agencyVersion: number; values: AgencyValues }>();

/**
 * Views of now share one set of agency values until an agency changes (index.agencyVersion): a
 * request that filters or groups 20k agencies by region then resolves each once per process,
 * not once per request. A past view keeps its own (regions as of its instant).
 */
function currentAgencyValues(index: CorpusIndex): AgencyValues {
  let current = currentByIndex.get(index);
  if (!current || current.agencyVersion !== index.agencyVersion) {
    current = { agencyVersion: index.agencyVersion, values: new Map() };
    currentByIndex.set(index, current);
  }
  return current.values;
}

export class CorpusView {
  private readonly columns = new Map<string, ColumnView>();
  private statuses: Uint8Array | null = null;
  /** Taken at first use: shared by views of now, this view's own for a past instant. */
  private agencyValues: AgencyValues | null = null;
  private regions: Array<EffectiveRegion | undefined> | null = null;
  private paths: Array<readonly string[] | undefined> | null = null;

  /** `asOf` in epoch milliseconds; null for now. */
  constructor(
    readonly index: CorpusIndex,
    readonly asOf: number | null,
  ) {}

  get reportCount(): number {
    return this.index.reportCount;
  }

  /** The report had been imported by the instant. */
  exists(ordinal: number): boolean {
    return this.asOf === null || this.index.importedAt[ordinal] <= this.asOf;
  }

  /** The same agency's report of the year before, if it existed at the view's instant. */
  previousYearReport(ordinal: number): number | undefined {
    const { index } = this;
    const previous = index.reportOf(index.agencyOfReport[ordinal], index.yearOfReport[ordinal] - 1);
    return previous !== undefined && this.exists(previous) ? previous : undefined;
  }

  status(ordinal: number): ReportStatusCode {
    if (this.asOf === null) return this.index.statusOfReport[ordinal] as ReportStatusCode;
    if (!this.statuses) {
      const statuses = this.index.statusOfReport.slice(0, this.index.reportCount);
      const changes = this.index.statusChanges;
      for (let i = changes.length - 1; i >= 0; i--) {
        if (changes[i].recordedAt > this.asOf) statuses[changes[i].ordinal] = changes[i].from;
      }
      this.statuses = statuses;
    }
    return this.statuses[ordinal] as ReportStatusCode;
  }

  /** Undefined for a key that is not a figure key. */
  column(key: string): ColumnView | undefined {
    const cached = this.columns.get(key);
    if (cached) return cached;
    const column = this.index.columns.get(key);
    if (!column) return undefined;
    let view: ColumnView;
    const changes = this.index.cellChanges.get(key) ?? [];
    const asOf = this.asOf;
    const later = asOf === null ? [] : changes.filter((change) => change.recordedAt > asOf);
    if (later.length === 0) {
      view = { values: column.values, markers: column.markers, decimals: column.decimals };
    } else {
      const values = column.values.slice(0, this.index.reportCount);
      const markers = column.markers.slice(0, this.index.reportCount);
      const decimals = column.decimals ? [...column.decimals] : null;
      for (let i = later.length - 1; i >= 0; i--) {
        const { ordinal, from } = later[i];
        values[ordinal] = from.value === null ? Number.NaN : Number(from.value);
        markers[ordinal] = markerCode(from.marker);
        if (decimals) decimals[ordinal] = from.value;
      }
      view = { values, markers, decimals };
    }
    this.columns.set(key, view);
    return view;
  }

  cell(key: string, ordinal: number): IndexedCell | undefined {
    const column = this.column(key);
    if (!column) return undefined;
    const value = column.values[ordinal];
    return {
      value: Number.isNaN(value) ? null : (column.decimals?.[ordinal] ?? numberText(value)),
      marker: markerOfCode(column.markers[ordinal]),
    };
  }

  /** The cell's value as exact text, null when blank. */
  value(key: string, ordinal: number): DecimalString | null {
    return this.cell(key, ordinal)?.value ?? null;
  }

  /** The per-agency values kept under `name` for this view's instant. */
  private valuesNamed<T>(name: string): Array<T | undefined> {
    const byName = (this.agencyValues ??=
      this.asOf === null ? currentAgencyValues(this.index) : new Map());
    let values = byName.get(name);
    if (!values) {
      values = [];
      byName.set(name, values);
    }
    return values as Array<T | undefined>;
  }

  region(agencyOrdinal: number): EffectiveRegion {
    const regions = (this.regions ??= this.valuesNamed<EffectiveRegion>('region'));
    return (regions[agencyOrdinal] ??= this.index.regionOf(agencyOrdinal, this.asOf));
  }

  /** The codes from the province down to the agency's region; empty when unresolved. */
  regionPath(agencyOrdinal: number): readonly string[] {
    const paths = (this.paths ??= this.valuesNamed<readonly string[]>('regionPath'));
    let path = paths[agencyOrdinal];
    if (path === undefined) {
      const code = this.region(agencyOrdinal).code;
      path = code ? this.index.tree.path(code).map((division) => division.code) : [];
      paths[agencyOrdinal] = path;
    }
    return path;
  }

  /**
   * `derive()` of an agency (an object), once per agency under `name`: for a value that
   * depends only on the agency's region as this view sees it (a view of now shares it with
   * later views of now until an agency changes).
   */
  perAgency<T extends object>(name: string, agencyOrdinal: number, derive: () => T): T {
    const values = this.valuesNamed<T>(name);
    return (values[agencyOrdinal] ??= derive());
  }

  /**
   * For each of `ordinals`, the global position of the event that set the key's cell as the
   * view shows it: the last change at or before the instant, else the import.
   */
  setAtPositions(key: string, ordinals: readonly number[]): Map<number, number> {
    const wanted = new Set(ordinals);
    const positions = new Map<number, number>();
    for (const ordinal of ordinals) positions.set(ordinal, this.index.importedPosition[ordinal]);
    for (const change of this.index.cellChanges.get(key) ?? []) {
      if (!wanted.has(change.ordinal)) continue;
      if (this.asOf !== null && change.recordedAt > this.asOf) continue;
      positions.set(change.ordinal, change.position);
    }
    return positions;
  }

  agencyExists(agencyOrdinal: number): boolean {
    return (
      this.asOf === null || this.index.agencies[agencyOrdinal].registeredAt.getTime() <= this.asOf
    );
  }
}
