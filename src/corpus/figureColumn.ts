// One figure key's values over every report of the corpus, as typed arrays indexed by report
// ordinal: 200 keys x 100k reports is 160 MB of float64, where the same values as objects would
// not fit. Counts are exact in a float64; a decimal key (the fee) also keeps its exact text.
import type { CellMarker, DecimalString } from '../domain/importer/types';

/** 0 = no marker; the marker's index in CELL_MARKERS + 1 otherwise. */
export const CELL_MARKERS: readonly CellMarker[] = ['/', '-', '—', '无'];

export function markerCode(marker: CellMarker | null | undefined): number {
  if (!marker) return 0;
  const index = CELL_MARKERS.indexOf(marker);
  return index < 0 ? 0 : index + 1;
}

export function markerOfCode(code: number): CellMarker | null {
  return code === 0 ? null : (CELL_MARKERS[code - 1] ?? null);
}

/** A cell as the index holds it. */
export interface IndexedCell {
  value: DecimalString | null;
  marker: CellMarker | null;
}

export class FigureColumn {
  /** NaN = the cell has no value (empty, or a marker). */
  values: Float64Array;
  markers: Uint8Array;
  /** Exact text per report, for decimal keys only. */
  readonly decimals: Array<DecimalString | null> | null;

  constructor(
    readonly key: string,
    readonly decimal: boolean,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity).fill(Number.NaN);
    this.markers = new Uint8Array(capacity);
    this.decimals = decimal ? [] : null;
  }

  grow(capacity: number): void {
    if (capacity <= this.values.length) return;
    const values = new Float64Array(capacity).fill(Number.NaN);
    values.set(this.values);
    const markers = new Uint8Array(capacity);
    markers.set(this.markers);
    this.values = values;
    this.markers = markers;
  }

  set(ordinal: number, cell: IndexedCell): void {
    this.values[ordinal] = cell.value === null ? Number.NaN : Number(cell.value);
    this.markers[ordinal] = markerCode(cell.marker);
    if (this.decimals) this.decimals[ordinal] = cell.value;
  }

  get(ordinal: number): IndexedCell {
    const value = this.values[ordinal];
    return {
      value: Number.isNaN(value) ? null : (this.decimals?.[ordinal] ?? numberText(value)),
      marker: markerOfCode(this.markers[ordinal]),
    };
  }
}

/** A count as its canonical decimal text (integers below 2^53 print without exponent). */
export function numberText(value: number): DecimalString {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
