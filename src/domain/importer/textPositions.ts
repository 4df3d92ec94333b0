// Offsets in a document's text to 1-based line/column, for provenance of tokens found by
// searching the whole text rather than line by line.
import { excerptAround } from './cells';
import type { SourceLocation } from './types';

export interface TextPositions {
  locate(offset: number, token: string): SourceLocation;
}

export function textPositions(text: string): TextPositions {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return {
    locate(offset: number, token: string): SourceLocation {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      const lineStart = lineStarts[low];
      const lineEnd = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      const column = offset - lineStart + 1;
      return { line: low + 1, column, token, excerpt: excerptAround(line, column) };
    },
  };
}
