// Which kind of text a document is. HTML is recognised by its element tags (parsing proper is
// cheerio's job); markdown by headings, pipe tables or inline <b>/** emphasis; else plain text.
import type { DocumentFormat } from './types';

const HTML_TAGS = /<(?:html|body|div|p|span|table|tr|td|font|br|ucapcontent)\b[^>]*>/giu;

export function detectFormat(text: string): DocumentFormat {
  const sample = text.slice(0, 200_000);
  const tags = sample.match(HTML_TAGS)?.length ?? 0;
  if (tags >= 5 && /<(?:p|div|table|td)\b/iu.test(sample)) return 'html';
  const lines = sample.split('\n');
  const markdownLines = lines.filter(
    (line) => /^#{1,6}\s/u.test(line) || /^\|.*\|\s*$/u.test(line) || /\*\*\S|<b>/u.test(line),
  ).length;
  return markdownLines >= 2 ? 'markdown' : 'text';
}
