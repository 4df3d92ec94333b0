// Finds the parts (一…六) and sub-parts (（一）…) of a report and hands each the text that
// follows its heading. Headings are found inside lines as well as at their start, because
// crawler text runs a whole report into one line.
import { cleanLine, isPageArtifact } from './cleanLine';
import {
  chineseNumeral,
  isProblemsTitle,
  isTablePart,
  matchKnownTitle,
  partFromKeywords,
} from './partTitles';
import type { PositionedText, SourcePoint } from './positionedText';
import { sliceText, trimText } from './positionedText';

export interface SectionFragment {
  text: PositionedText;
  /** True when the fragment begins a source line (false for text right after a heading). */
  startsLine: boolean;
}

export interface RawSection {
  id: string;
  /** Template part 1…6 this section belongs to. */
  part: number;
  /** Verbatim heading; empty for a part whose heading the document left out. */
  heading: string;
  headingSource: SourcePoint | null;
  fragments: SectionFragment[];
}

/** A heading mark (一、 or （一）) found in a line, with what surrounds it. */
interface HeadingMark {
  numeral: number;
  /** The line after the mark. */
  rest: string;
  /** Offset in the line just past the mark. */
  afterMark: number;
  lineStart: boolean;
  atBoundary: boolean;
  /** The character before the mark ('' at the line start). */
  previous: string;
}

type Decision =
  | { kind: 'part'; part: number; end: number }
  | { kind: 'sub'; numeral: number; end: number; implicitPart?: number };

const HEADING_MARK =
  /[（(]([一二三四五六七八九十]{1,3})[）)]|([一二三四五六七八九十]{1,3})[、．.]/g;
const TOP_PRECEDER = /[\s。！？!?；;\d|）)]/;
const SUB_PRECEDER = /[\s。！？!?]/;
/** An enumeration in running text (一、总体情况、二、…) is not a heading. */
const ENUMERATION_FOLLOWER = /^[、，,；;]/;
const TITLE_DELIMITER = /[。：:；;\t ]/;

/** Title of a sub-part: up to its first delimiter, or up to 方面/情况, or the short rest. */
function subTitleLength(rest: string): number {
  const lead = rest.length - rest.trimStart().length;
  const body = rest.slice(lead);
  const delimiter = TITLE_DELIMITER.exec(body.slice(1));
  if (delimiter && delimiter.index + 1 <= 30) {
    const at = delimiter.index + 1;
    return lead + at + (/[。：:]/.test(body[at]) ? 1 : 0);
  }
  const topical = /^.{1,24}?(?:方面|情况)/.exec(body);
  if (topical) return lead + topical[0].length;
  return body.length <= 30 ? rest.length : 0;
}

function isHeadingLike(title: string): boolean {
  return (
    title.length > 0 &&
    title.length <= 40 &&
    !/[\t|]/.test(title) &&
    !/\d\s+\d/.test(title) &&
    !/。./.test(title)
  );
}

export class SectionSplitter {
  private readonly sections: RawSection[] = [];
  private readonly usedIds = new Set<string>();
  private current: RawSection | null = null;
  private currentPart = 0;
  private lastSub = 0;

  addLine(source: string, lineNumber: number): void {
    const line = cleanLine(source, lineNumber);
    if (line.text.length === 0 || isPageArtifact(line)) return;
    const text = line.text;
    let cursor = 0;
    let boundary = 0;
    HEADING_MARK.lastIndex = 0;
    for (let match = HEADING_MARK.exec(text); match; match = HEADING_MARK.exec(text)) {
      const at = match.index;
      const isSub = match[1] !== undefined;
      const numeral = chineseNumeral(match[1] ?? match[2]);
      if (numeral === null) continue;
      const afterMark = at + match[0].length;
      const context: HeadingMark = {
        numeral,
        rest: text.slice(afterMark),
        afterMark,
        lineStart: at === 0,
        atBoundary: at === 0 || at === boundary,
        previous: at > 0 ? text[at - 1] : '',
      };
      const decision = isSub ? this.decideSub(context) : this.decidePart(context);
      if (!decision) continue;
      this.addFragment(line, cursor, at);
      this.open(decision, text.slice(at, decision.end), line.origins[at]);
      cursor = decision.end;
      boundary = cursor + (text.slice(cursor).length - text.slice(cursor).trimStart().length);
      HEADING_MARK.lastIndex = cursor;
    }
    this.addFragment(line, cursor, text.length);
  }

  result(): RawSection[] {
    return this.sections;
  }

  private decidePart(c: HeadingMark): Decision | null {
    if (!c.atBoundary && !TOP_PRECEDER.test(c.previous)) return null;
    const known = matchKnownTitle(c.rest);
    if (known && known.part > this.currentPart) {
      const lead = c.rest.length - c.rest.trimStart().length;
      let end = c.afterMark + lead + known.title.length;
      const follower = c.rest.slice(lead + known.title.length);
      if (!c.lineStart && ENUMERATION_FOLLOWER.test(follower)) return null;
      if (/^[。：:]/.test(follower)) end += 1;
      return { kind: 'part', part: known.part, end };
    }
    if (!c.lineStart) return null;
    const title = c.rest.trim();
    if (!isHeadingLike(title)) return null;
    const end = c.afterMark + c.rest.length;
    const byKeywords = partFromKeywords(title);
    if (byKeywords !== null && byKeywords > this.currentPart) {
      return { kind: 'part', part: byKeywords, end };
    }
    // An unusual title in the template's own place: 五、存在的不足… after part 四.
    if ([1, 5, 6].includes(c.numeral) && c.numeral === this.currentPart + 1) {
      return { kind: 'part', part: c.numeral, end };
    }
    // A non-template heading inside a narrative part (上海市科委's 二、工作机制保障 under 一)
    // is kept as a sub-part so its id cannot collide with a template part.
    if (this.currentPart > 0 && !isTablePart(this.currentPart) && c.numeral > this.lastSub) {
      return { kind: 'sub', numeral: c.numeral, end };
    }
    return null;
  }

  private decideSub(c: HeadingMark): Decision | null {
    if (this.currentPart === 0) return null;
    if (!c.atBoundary && !SUB_PRECEDER.test(c.previous)) return null;
    const end = c.afterMark + subTitleLength(c.rest);
    if (isTablePart(this.currentPart)) {
      // Table labels （一）予以公开… are table content; problems after the last table without
      // a 五 heading (上海市科委 2024) open part 5.
      const title = c.rest.trimStart().slice(0, 20);
      if (c.numeral === 1 && this.currentPart < 5 && isProblemsTitle(title)) {
        return { kind: 'sub', numeral: 1, end, implicitPart: 5 };
      }
      return null;
    }
    const inSequence = c.lineStart ? c.numeral > this.lastSub : c.numeral === this.lastSub + 1;
    return inSequence ? { kind: 'sub', numeral: c.numeral, end } : null;
  }

  private open(decision: Decision, heading: string, origin: SourcePoint): void {
    if (decision.kind === 'part') {
      this.openSection(String(decision.part), decision.part, heading, origin);
      this.currentPart = decision.part;
      this.lastSub = 0;
      return;
    }
    if (decision.implicitPart !== undefined) {
      this.openSection(String(decision.implicitPart), decision.implicitPart, '', null);
      this.currentPart = decision.implicitPart;
    }
    this.openSection(`${this.currentPart}.${decision.numeral}`, this.currentPart, heading, origin);
    this.lastSub = decision.numeral;
  }

  private openSection(id: string, part: number, heading: string, origin: SourcePoint | null): void {
    let unique = id;
    for (let n = 2; this.usedIds.has(unique); n += 1) unique = `${id}_${n}`;
    this.usedIds.add(unique);
    this.current = {
      id: unique,
      part,
      heading: heading.trim(),
      headingSource: origin,
      fragments: [],
    };
    this.sections.push(this.current);
  }

  private addFragment(line: PositionedText, start: number, end: number): void {
    if (!this.current || end <= start) return;
    const text = trimText(sliceText(line, start, end));
    if (text.text.length > 0) this.current.fragments.push({ text, startsLine: start === 0 });
  }
}
