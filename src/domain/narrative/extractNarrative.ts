// The narrative of a report: its parts and sub-parts as text blocks, and every number stated
// in them as a figure with a stable key `n.<sectionId>.<ordinal>`. Pure: the importer passes
// the document's text lines (HTML already converted to text).
import type { NarrativeFigure, NarrativeSection, SourceLocation } from '../importer/types';
import { buildParagraphs } from './paragraphs';
import type { PositionedText, SourcePoint } from './positionedText';
import { scanFigures, type ScannedFigure } from './scanFigures';
import { SectionSplitter } from './splitSections';

export interface ExtractedNarrative {
  sections: NarrativeSection[];
  figures: NarrativeFigure[];
}

const SENTENCE_TERMINATORS = '。！？!?；;';
const EXCERPT_RADIUS = 20;

function sentenceAround(paragraph: string, start: number, end: number) {
  let from = start;
  while (from > 0 && !SENTENCE_TERMINATORS.includes(paragraph[from - 1])) from -= 1;
  let to = Math.max(end, start + 1);
  while (to < paragraph.length && !SENTENCE_TERMINATORS.includes(paragraph[to - 1])) to += 1;
  const raw = paragraph.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), offset: start - from - lead };
}

function figureSource(
  lines: readonly string[],
  paragraph: PositionedText,
  figure: ScannedFigure,
): SourceLocation {
  const first: SourcePoint = paragraph.origins[figure.start];
  const last: SourcePoint = paragraph.origins[figure.end - 1];
  const sourceLine = lines[first.line - 1] ?? '';
  const token =
    last.line === first.line
      ? sourceLine.slice(first.column - 1, last.column)
      : paragraph.text.slice(figure.start, figure.end);
  const excerpt = sourceLine
    .slice(
      Math.max(0, first.column - 1 - EXCERPT_RADIUS),
      first.column - 1 + token.length + EXCERPT_RADIUS,
    )
    .trim();
  return { line: first.line, column: first.column, token, excerpt };
}

export function extractNarrative(lines: readonly string[]): ExtractedNarrative {
  const splitter = new SectionSplitter();
  lines.forEach((line, index) => splitter.addLine(line, index + 1));
  const sections: NarrativeSection[] = [];
  const figures: NarrativeFigure[] = [];
  for (const raw of splitter.result()) {
    const paragraphs = buildParagraphs(raw.part, raw.fragments);
    sections.push({
      id: raw.id,
      heading: raw.heading,
      text: paragraphs.map((p) => p.text).join('\n'),
      source: raw.headingSource
        ? { line: raw.headingSource.line, column: raw.headingSource.column, token: raw.heading }
        : null,
    });
    let ordinal = 0;
    for (const paragraph of paragraphs) {
      for (const scanned of scanFigures(paragraph.text)) {
        ordinal += 1;
        const { sentence, offset } = sentenceAround(paragraph.text, scanned.start, scanned.end);
        figures.push({
          key: `n.${raw.id}.${ordinal}`,
          sectionId: raw.id,
          value: scanned.value,
          unit: scanned.unit,
          raw: paragraph.text.slice(scanned.start, scanned.end),
          sentence,
          sentenceOffset: offset,
          source: figureSource(lines, paragraph, scanned),
        });
      }
    }
  }
  return { sections, figures };
}
