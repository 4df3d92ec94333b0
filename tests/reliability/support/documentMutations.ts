// Damage that real report documents suffer between the PDF and our importer, as fast-check
// arbitraries: lost and repeated lines (page breaks), misread digits, form feeds, truncated
// downloads, cells in the wrong order, CMS markup left in the text.
import fc from 'fast-check';

export type DocumentMutation =
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'swapDigits'; at: number }
  | { kind: 'changeDigit'; at: number; digit: number }
  | { kind: 'insertFormFeed'; at: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'shuffleCells'; at: number; order: number[] }
  | { kind: 'injectHtml'; at: number; junk: string };

const HTML_JUNK = [
  '<b>',
  '</b>',
  '</td><td>',
  '<tr>',
  '</table>',
  '<table><tr><td>',
  '&nbsp;',
  '&#49;&#50;',
  '&#65297;',
  '<br/>',
  '<!-- 表三 -->',
  '<script>var x = 12345;</script>',
  '<style>td{width:10px}</style>',
  '<td colspan="3">',
  '<td rowspan="999999">',
  '<p><span style="font-size:10pt">',
  '<div class="article">',
  '<',
  '>',
  '&',
];

const position = fc.nat({ max: 1_000_000 });

export const documentMutation: fc.Arbitrary<DocumentMutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLine' as const), at: position }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: position }),
  fc.record({ kind: fc.constant('swapDigits' as const), at: position }),
  fc.record({
    kind: fc.constant('changeDigit' as const),
    at: position,
    digit: fc.integer({ min: 0, max: 9 }),
  }),
  fc.record({ kind: fc.constant('insertFormFeed' as const), at: position }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.integer({ min: 0, max: 1000 }) }),
  fc.record({
    kind: fc.constant('shuffleCells' as const),
    at: position,
    order: fc.array(fc.nat({ max: 1000 }), { minLength: 2, maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('injectHtml' as const),
    at: position,
    junk: fc.constantFrom(...HTML_JUNK),
  }),
);

function digitOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] >= '0' && text[i] <= '9') offsets.push(i);
  return offsets;
}

function permute<T>(items: readonly T[], order: readonly number[]): T[] {
  const rest = [...items];
  const out: T[] = [];
  for (const index of order) {
    if (rest.length === 0) break;
    out.push(...rest.splice(index % rest.length, 1));
  }
  return [...out, ...rest];
}

/** Lines that hold digits: the ones worth shuffling or deleting in a table. */
function pickLine(lines: readonly string[], at: number): number {
  const withDigits = lines.flatMap((line, index) => (/\d/.test(line) ? [index] : []));
  const pool = withDigits.length > 0 ? withDigits : lines.map((_, index) => index);
  return pool[at % pool.length];
}

export function applyMutation(text: string, mutation: DocumentMutation): string {
  const lines = text.split('\n');
  switch (mutation.kind) {
    case 'deleteLine': {
      lines.splice(pickLine(lines, mutation.at), 1);
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const index = pickLine(lines, mutation.at);
      lines.splice(index, 0, lines[index]);
      return lines.join('\n');
    }
    case 'swapDigits':
    case 'changeDigit': {
      const digits = digitOffsets(text);
      if (digits.length === 0) return text;
      const index = mutation.at % digits.length;
      const offset = digits[index];
      if (mutation.kind === 'changeDigit') {
        return text.slice(0, offset) + String(mutation.digit) + text.slice(offset + 1);
      }
      const other = digits[(index + 1) % digits.length];
      const [a, b] = offset < other ? [offset, other] : [other, offset];
      if (a === b) return text;
      return text.slice(0, a) + text[b] + text.slice(a + 1, b) + text[a] + text.slice(b + 1);
    }
    case 'insertFormFeed': {
      const at = mutation.at % (text.length + 1);
      return `${text.slice(0, at)}\f${text.slice(at)}`;
    }
    case 'truncate':
      return text.slice(0, Math.floor((text.length * mutation.keep) / 1000));
    case 'shuffleCells': {
      const index = pickLine(lines, mutation.at);
      const cells = lines[index].split(/(\t| +)/).filter((_, i) => i % 2 === 0);
      const separator = lines[index].includes('\t') ? '\t' : ' ';
      lines[index] = permute(cells, mutation.order).join(separator);
      return lines.join('\n');
    }
    case 'injectHtml': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.junk + text.slice(at);
    }
  }
}

export function applyMutations(text: string, mutations: readonly DocumentMutation[]): string {
  return mutations.reduce(applyMutation, text);
}
