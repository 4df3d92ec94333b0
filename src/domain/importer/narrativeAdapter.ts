// The importer's one dependency on the narrative extractor (src/domain/narrative), kept in
// one place so the orchestrator does not care how sections and narrative figures are found.
import { extractNarrative } from '../narrative/extractNarrative';
import type { NarrativeFigure, NarrativeSection } from './types';

export interface NarrativeReading {
  sections: NarrativeSection[];
  figures: NarrativeFigure[];
}

/** Sections and stated figures of the narrative, from the document's plain-text lines. */
export function readNarrative(lines: string[]): NarrativeReading {
  const { sections, figures } = extractNarrative(lines);
  return { sections, figures };
}
