// How a figure reads in a cell: its exact value, else its marker or raw text; blank and 0 are
// different facts, so a blank cell says so to screen readers.
import type { Figure } from '../api/types';

export interface FigureText {
  display: string;
  /** Extra words for assistive technology, e.g. 空白 for a blank cell. */
  spoken: string;
}

export function formatFigure(figure: Figure | undefined): FigureText {
  if (!figure) return { display: '', spoken: '无数据' };
  if (figure.value !== null) return { display: figure.value, spoken: '' };
  if (figure.marker) return { display: figure.marker, spoken: '标记，无数值' };
  if (figure.raw && figure.raw.trim()) return { display: figure.raw, spoken: '原文，无数值' };
  return { display: '', spoken: '空白' };
}

export function formatValue(value: string | null): string {
  return value === null ? '（空）' : value;
}
