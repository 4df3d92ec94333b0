// The three tables of the national format (国办公开办函〔2021〕30号) as header/cell grids, so
// the viewer lays a report out the way the printed form does and every figure cell knows the ids
// of the header cells that describe it (for `headers=`). The grids are the one national layout
// the exports write too (src/domain/format/nationalTableLayout.ts); this file only gives them the
// viewer's shape.
import { FIGURES, figureDefinition } from '../../../src/domain/format/figureCatalog';
import {
  NATIONAL_TABLE_LAYOUTS,
  type NationalCell,
} from '../../../src/domain/format/nationalTableLayout';

export interface HeaderCellSpec {
  kind: 'header';
  id: string;
  label: string;
  colSpan: number;
  rowSpan: number;
  scope: 'col' | 'colgroup' | 'row';
  /** Header ids of the cells this header sits under (for header cells inside the body). */
  headers?: string[];
}

export interface FigureCellSpec {
  kind: 'figure';
  key: string;
  colSpan: number;
  headers: string[];
}

export type CellSpec = HeaderCellSpec | FigureCellSpec;

export interface TableLayout {
  id: 't2' | 't3' | 't4';
  caption: string;
  head: CellSpec[][];
  /** One entry per <tbody>. */
  bodies: CellSpec[][][];
}

/** A shared layout cell as the viewer's mutable cell spec. */
function cellSpec(cell: NationalCell): CellSpec {
  if (cell.kind === 'figure') return { ...cell, headers: [...cell.headers] };
  const { headers, ...rest } = cell;
  return headers ? { ...rest, headers: [...headers] } : rest;
}

function tableLayout(id: TableLayout['id']): TableLayout {
  const layout = NATIONAL_TABLE_LAYOUTS.find((candidate) => candidate.id === id);
  if (!layout) throw new Error(`the national layout has no table ${id}`);
  return {
    id,
    caption: layout.title,
    head: layout.head.map((row) => row.map(cellSpec)),
    bodies: layout.bodies.map((body) => body.map((row) => row.map(cellSpec))),
  };
}

/** 表二: one <tbody> per article of the regulation, each with its own column headers. */
export function table2Layout(): TableLayout {
  return tableLayout('t2');
}

/** 表三: three header rows (申请人情况 → 自然人 | 法人或其他组织 (…) | 总计) and grouped row labels. */
export function table3Layout(): TableLayout {
  return tableLayout('t3');
}

/** 表四: 行政复议 | 行政诉讼 → 未经复议直接起诉 / 复议后起诉, five results each. */
export function table4Layout(): TableLayout {
  return tableLayout('t4');
}

export const TABLE_LAYOUTS: readonly TableLayout[] = [
  table2Layout(),
  table3Layout(),
  table4Layout(),
];

/** Chinese description of a figure from the catalogue, e.g. 表三 一、本年新收… · 自然人. */
export function figureTitle(key: string): string {
  const definition = figureDefinition(key);
  if (!definition) return key;
  return `${definition.rowLabel} · ${definition.columnLabel}`;
}

export const ALL_TABLE_KEYS: readonly string[] = FIGURES.map((figure) => figure.key);
