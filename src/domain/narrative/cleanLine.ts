// Removes presentation markup from one source line and keeps the position of every remaining
// character. Markdown from converters wraps numbers in **bold** or <b> tags and prefixes
// headings with `#`; none of that is report text, and a number split by it (**2** 万余次) must
// read as one token.
import type { PositionedText, SourcePoint } from './positionedText';
import { trimText } from './positionedText';

const LEADING_HEADING_MARK = /^\s*#{1,6}\s*/;
const INLINE_MARKUP =
  /\*\*|__|<\/?(?:b|strong|em|i|u|span|font|sup|sub)\b[^>]*>|[\f\r\u200b\ufeff]/gi;

/** Page furniture left by PDF conversion: "-3-", "— 3 —", "第 3 页", "3/6", a bare page number. */
const PAGE_ARTIFACT =
  /^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

const DIGIT_AT_END = /[0-9０-９]$/u;
const DIGIT_AT_START = /^[0-9０-９]/u;

export function cleanLine(source: string, lineNumber: number): PositionedText {
  const removed = new Array<boolean>(source.length).fill(false);
  const heading = LEADING_HEADING_MARK.exec(source);
  if (heading && heading[0].includes('#')) {
    for (let i = 0; i < heading[0].length; i += 1) removed[i] = true;
  }
  for (const match of source.matchAll(INLINE_MARKUP)) {
    for (let i = match.index; i < match.index + match[0].length; i += 1) removed[i] = true;
  }
  let text = '';
  const origins: SourcePoint[] = [];
  for (let i = 0; i < source.length; i += 1) {
    if (removed[i]) {
      // Whatever is removed between two digits (a page break, a carriage return, a tag:
      // "21\f10", "1<b>0") separates two numbers; dropping it would state a number (2110) the
      // document never spells out. Markup next to a number ("**2** 万余次") is unaffected.
      let next = i;
      while (next < source.length && removed[next]) next += 1;
      if (DIGIT_AT_END.test(text) && DIGIT_AT_START.test(source.slice(next))) {
        text += ' ';
        origins.push({ line: lineNumber, column: i + 1 });
      }
      i = next - 1;
      continue;
    }
    text += source[i];
    origins.push({ line: lineNumber, column: i + 1 });
  }
  return trimText({ text, origins });
}

export function isPageArtifact(line: PositionedText): boolean {
  return PAGE_ARTIFACT.test(line.text);
}
