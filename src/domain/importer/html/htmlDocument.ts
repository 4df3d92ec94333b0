// An HTML report parsed once with cheerio (parse5): its tables as grids that honour rowspan
// and colspan, and its prose as plain-text lines (block elements become lines, tables are
// left out) for the narrative extractor.
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { SourceLocation } from '../types';

export interface HtmlCell {
  /** Distinct per <td>/<th>: slots of one spanning cell share it. */
  id: number;
  /** Text content, whitespace (incl. U+00A0) collapsed and trimmed. */
  text: string;
  source: SourceLocation;
  /** Grid row where the cell starts (its own <tr>). */
  row: number;
}

export interface HtmlTable {
  /** 1-based position among all tables of the document. */
  index: number;
  /** grid[row][column]; null where no cell covers the slot (ragged rows). */
  grid: (HtmlCell | null)[][];
  width: number;
  /** All cell texts joined, for recognising which table this is. */
  text: string;
}

export interface HtmlDocument {
  tables: HtmlTable[];
  /** Prose lines outside tables. */
  lines: string[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'blockquote',
  'tr',
  'table',
  'br',
  'hr',
  'pre',
  'center',
  'ucapcontent',
  'title',
]);

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b]+/gu, ' ').trim();
}

function span(element: Element, name: string): number {
  const value = Number.parseInt(element.attribs[name] ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 200) : 1;
}

function ownRows($: CheerioAPI, table: Element): Element[] {
  return $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table')[0] === table);
}

function buildTable($: CheerioAPI, table: Element, index: number, nextId: () => number): HtmlTable {
  const grid: (HtmlCell | null)[][] = [];
  const rows = ownRows($, table);
  const texts: string[] = [];
  rows.forEach((tr, rowIndex) => {
    grid[rowIndex] ??= [];
    let column = 0;
    const cells = $(tr).children('td, th').toArray();
    cells.forEach((td, cellIndex) => {
      while (grid[rowIndex][column]) column += 1;
      const text = collapse($(td).text());
      texts.push(text);
      const location = td.sourceCodeLocation;
      const cell: HtmlCell = {
        id: nextId(),
        text,
        row: rowIndex,
        source: {
          htmlPath: `table[${index}] > tr[${rowIndex + 1}] > ${td.tagName}[${cellIndex + 1}]`,
          ...(location ? { line: location.startLine, column: location.startCol } : {}),
          token: text,
          excerpt: text.slice(0, 60),
        },
      };
      const rowspan = span(td, 'rowspan');
      const colspan = span(td, 'colspan');
      for (let r = rowIndex; r < Math.min(rowIndex + rowspan, rows.length); r += 1) {
        grid[r] ??= [];
        for (let c = column; c < column + colspan; c += 1) grid[r][c] = cell;
      }
      column += colspan;
    });
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const dense = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  return { index, grid: dense, width, text: texts.join(' ') };
}

function proseLines($: CheerioAPI, root: AnyNode[]): string[] {
  let buffer = '';
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      buffer += node.data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const element = node as Element;
    const name = element.tagName?.toLowerCase();
    if (name === 'script' || name === 'style') return;
    if (name === 'table') {
      buffer += '\n';
      return;
    }
    const block = name !== undefined && BLOCK_TAGS.has(name);
    if (block) buffer += '\n';
    for (const child of element.children ?? []) visit(child);
    if (block) buffer += '\n';
  };
  root.forEach(visit);
  return buffer
    .split('\n')
    .map((line) => collapse(line))
    .filter((line) => line.length > 0);
}

export function parseHtmlDocument(html: string): HtmlDocument {
  const $ = load(html, { sourceCodeLocationInfo: true });
  let id = 0;
  const nextId = (): number => (id += 1);
  const tables = $('table')
    .toArray()
    .map((table, position) => buildTable($, table, position + 1, nextId));
  const body = $('body');
  const lines = proseLines($, body.length ? body.toArray() : $.root().toArray());
  return { tables, lines };
}
