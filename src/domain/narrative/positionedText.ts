// Text that remembers, for every UTF-16 unit, where it stood in the caller's lines, so a
// narrative figure found after markup removal and line joining still points at its source.

export interface SourcePoint {
  /** 1-based line in the caller's `lines`. */
  line: number;
  /** 1-based column (UTF-16 units) in that line. */
  column: number;
}

export interface PositionedText {
  readonly text: string;
  /** origins[i] is where text[i] came from. */
  readonly origins: readonly SourcePoint[];
}

export const EMPTY_TEXT: PositionedText = { text: '', origins: [] };

export function sliceText(
  value: PositionedText,
  start: number,
  end = value.text.length,
): PositionedText {
  return { text: value.text.slice(start, end), origins: value.origins.slice(start, end) };
}

export function concatTexts(parts: readonly PositionedText[]): PositionedText {
  return {
    text: parts.map((part) => part.text).join(''),
    origins: parts.flatMap((part) => part.origins),
  };
}

export function trimText(value: PositionedText): PositionedText {
  const start = value.text.length - value.text.trimStart().length;
  const end = value.text.trimEnd().length;
  return start === 0 && end === value.text.length
    ? value
    : sliceText(value, start, Math.max(start, end));
}

/** A separator character that belongs to no source position: it borrows its neighbour's. */
export function separator(char: string, after: PositionedText): PositionedText {
  const origin = after.origins[after.origins.length - 1] ?? { line: 1, column: 1 };
  return { text: char, origins: [origin] };
}
