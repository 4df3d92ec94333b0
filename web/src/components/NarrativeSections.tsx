// The narrative parts (一、总体情况 …) with the numbers the importer read from them highlighted;
// each highlighted number is a button that opens its details.
import type { ComponentChildren } from 'preact';
import type { NarrativeFigure, NarrativeSection } from '../api/types';

export interface NarrativeSectionsProps {
  sections: NarrativeSection[];
  figures: NarrativeFigure[];
  selectedKey: string | null;
  onOpen: (key: string) => void;
}

/** The position number at the end of a narrative key: n.1.2.3 → 3. */
function ordinal(key: string): number {
  return Number(key.slice(key.lastIndexOf('.') + 1)) || 0;
}

const DIGIT = /[0-9.０-９]/;

/** Next occurrence of `raw` at or after `from` that is a whole number, not part of a longer one. */
function findNumber(text: string, raw: string, from: number): number {
  for (let at = text.indexOf(raw, from); at >= 0; at = text.indexOf(raw, at + 1)) {
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + raw.length] ?? '';
    const numeric = /^[0-9]/.test(raw);
    if (!numeric || (!DIGIT.test(before) && !DIGIT.test(after))) return at;
  }
  return -1;
}

/**
 * Splits each paragraph around the raw text of the section's figures. Figures are numbered in
 * order of appearance, so matching goes forward through the paragraphs; a figure whose text is
 * nowhere further on (the narrative was edited) is skipped rather than blocking the rest.
 */
function highlightParagraphs(
  paragraphs: string[],
  figures: NarrativeFigure[],
  selectedKey: string | null,
  onOpen: (key: string) => void,
): ComponentChildren[][] {
  let next = 0;
  return paragraphs.map((text, paragraphIndex) => {
    const parts: ComponentChildren[] = [];
    let cursor = 0;
    while (next < figures.length) {
      const figure = figures[next];
      const raw = figure.raw || figure.value;
      const at = findNumber(text, raw, cursor);
      if (at < 0) {
        const later = paragraphs
          .slice(paragraphIndex + 1)
          .some((rest) => findNumber(rest, raw, 0) >= 0);
        if (later) break;
        next += 1;
        continue;
      }
      if (at > cursor) parts.push(text.slice(cursor, at));
      parts.push(
        <button
          type="button"
          key={figure.key}
          class={`narrative-figure${selectedKey === figure.key ? ' cell-selected' : ''}`}
          data-key={figure.key}
          aria-label={`${raw}${figure.unit ?? ''}（正文数字 ${figure.key}）`}
          onClick={() => onOpen(figure.key)}
        >
          {raw}
        </button>,
      );
      cursor = at + raw.length;
      next += 1;
    }
    parts.push(text.slice(cursor));
    return parts;
  });
}

export function NarrativeSections({
  sections,
  figures,
  selectedKey,
  onOpen,
}: NarrativeSectionsProps) {
  if (sections.length === 0) return null;
  return (
    <section class="narrative" aria-labelledby="narrative-title">
      <h2 id="narrative-title">报告正文</h2>
      {sections.map((section) => {
        const depth = section.id.split('.').length;
        const Heading = depth === 1 ? 'h3' : 'h4';
        const own = figures
          .filter((figure) => figure.sectionId === section.id)
          .sort((a, b) => ordinal(a.key) - ordinal(b.key));
        return (
          <div class="narrative-section" key={section.id} data-section={section.id}>
            <Heading>{section.heading}</Heading>
            {highlightParagraphs(
              section.text.split(/\n+/).filter((paragraph) => paragraph.trim()),
              own,
              selectedKey,
              onOpen,
            ).map((parts, index) => (
              <p key={index}>{parts}</p>
            ))}
          </div>
        );
      })}
    </section>
  );
}
