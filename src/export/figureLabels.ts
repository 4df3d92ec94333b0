// Where a figure stands, in words, for every format. Table cells take the national template's
// labels from figureCatalog; a number stated in the narrative (key n.*) has no cell, so it is
// placed the way GraphQL's Figure places it: row = the section id, no column, the unit as
// written, and the sentence it was read from.
import { figureDefinition } from '../domain/format/figureCatalog';
import type { ExportableFigure } from './exportableReport';

/** 表格 of a narrative figure: the report text, not one of the three tables. */
export const NARRATIVE_TABLE_LABEL = '正文';

export interface FigureLabels {
  /** FigureTable as GraphQL spells its source value: t2, t3, t4, or n for the narrative. */
  table: 't2' | 't3' | 't4' | 'n' | null;
  tableLabel: string | null;
  row: string | null;
  column: string | null;
  unit: string | null;
  sentence: string | null;
}

export function figureLabels(figure: ExportableFigure): FigureLabels {
  const definition = figureDefinition(figure.key);
  if (definition) {
    return {
      table: definition.table,
      tableLabel: definition.tableLabel,
      row: definition.rowLabel,
      column: definition.columnLabel,
      unit: definition.unit,
      sentence: null,
    };
  }
  if (figure.narrative) {
    return {
      table: 'n',
      tableLabel: NARRATIVE_TABLE_LABEL,
      row: figure.narrative.sectionId,
      column: null,
      unit: figure.narrative.unit,
      sentence: figure.narrative.sentence,
    };
  }
  // A key neither the catalog nor the narrative explains (a future template).
  return { table: null, tableLabel: null, row: null, column: null, unit: null, sentence: null };
}
