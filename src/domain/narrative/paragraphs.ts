// Rebuilds paragraphs from source lines. PDF text wraps every line and page breaks split words
// ("政务服" / "务事项清单"), so a line that does not end a sentence continues on the next one.
// Table parts keep only lines that read as prose; their cells are the importer's business.
import { isTablePart } from './partTitles';
import type { PositionedText } from './positionedText';
import { concatTexts, separator } from './positionedText';
import type { SectionFragment } from './splitSections';

const SENTENCE_END = /(?:[。！？!?；;…]|[。！？][”’」』"])$/;

function isProse(text: string): boolean {
  return text.includes('。') && !/[\t|]/.test(text) && !/\d\s{2,}\d/.test(text);
}

export function buildParagraphs(
  part: number,
  fragments: readonly SectionFragment[],
): PositionedText[] {
  if (isTablePart(part)) return fragments.map((f) => f.text).filter((t) => isProse(t.text));
  const paragraphs: PositionedText[] = [];
  for (const fragment of fragments) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && !SENTENCE_END.test(last.text)) {
      // Digits on both sides of a line break are two numbers, not one wrapped number: typesetting
      // does not break inside a number, and joining them would invent a figure ("21" + "10").
      // "5." + "1（三）" is a list number before a heading, not 5.1.
      const splitsDigits =
        /[0-9０-９][.,．，]?$/u.test(last.text) && /^[0-9０-９]/u.test(fragment.text.text);
      paragraphs[paragraphs.length - 1] = concatTexts(
        splitsDigits ? [last, separator(' ', last), fragment.text] : [last, fragment.text],
      );
    } else {
      paragraphs.push(fragment.text);
    }
  }
  return paragraphs;
}
