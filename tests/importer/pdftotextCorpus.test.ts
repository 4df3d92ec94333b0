// The pdftotext readers against the real corpus renderings and their answer keys: every one
// of the 200 values must be exactly right, or — where the source does not determine it —
// named by a warning. Never a silently wrong number. The corpus lives outside the repository
// (../shared/corpus) and is read at run time; without it these tests are skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalDecimal } from '../../src/domain/format/decimal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { importDocument } from '../../src/domain/importer/importDocument';
import { pdftotextLayoutReader } from '../../src/domain/importer/shapes/pdftotextLayout';
import { pdftotextRawReader } from '../../src/domain/importer/shapes/pdftotextRaw';
import { splitLines } from '../../src/domain/importer/shapes/shapeReader';
import type {
  SourceDocument,
  TableShapeReader,
} from '../../src/domain/importer/shapes/shapeReader';
import { corpusPresent, SHARED_CORPUS_DIR } from '../support/sharedCorpus';

const CORPUS = SHARED_CORPUS_DIR;
const present = corpusPresent('pdftotext corpus tests');
const describeCorpus = present ? describe : describe.skip;

interface AnswerKey {
  figures: Record<string, number | string | null>;
  ambiguous: Record<string, string>;
}

interface Case {
  file: string;
  answer: string;
  reader: TableShapeReader;
  other: TableShapeReader;
  /** The -layout renderings keep every cell in place: all 200 must be exact and certain. */
  exact: boolean;
}

const CASES: Case[] = [
  {
    file: '2024_huaian-shi_pdftotext-layout.txt',
    answer: '2024_huaian-shi',
    reader: pdftotextLayoutReader,
    other: pdftotextRawReader,
    exact: true,
  },
  {
    file: '2023_hongze-qu_pdftotext-layout.txt',
    answer: '2023_hongze-qu',
    reader: pdftotextLayoutReader,
    other: pdftotextRawReader,
    exact: true,
  },
  {
    file: '2024_huaian-shi_pdftotext-raw.txt',
    answer: '2024_huaian-shi',
    reader: pdftotextRawReader,
    other: pdftotextLayoutReader,
    exact: false,
  },
  {
    file: '2023_hongze-qu_pdftotext-raw.txt',
    answer: '2023_hongze-qu',
    reader: pdftotextRawReader,
    other: pdftotextLayoutReader,
    exact: false,
  },
  {
    file: '2024_hongze-qu_pdftotext-raw.txt',
    answer: '2024_hongze-qu',
    reader: pdftotextRawReader,
    other: pdftotextLayoutReader,
    exact: false,
  },
];

function loadDocument(file: string): SourceDocument {
  const text = readFileSync(path.join(CORPUS, file), 'utf8');
  return { text, format: 'text', lines: splitLines(text) };
}

function loadAnswer(name: string): AnswerKey {
  return JSON.parse(
    readFileSync(path.join(CORPUS, 'expected', `${name}.json`), 'utf8'),
  ) as AnswerKey;
}

function expectedValue(value: number | string | null): string | null {
  return value === null ? null : canonicalDecimal(String(value));
}

describeCorpus.each(CASES)('$file', ({ file, answer, reader, other, exact }) => {
  const doc = present ? loadDocument(file) : { text: '', format: 'text' as const, lines: [] };
  const key = present ? loadAnswer(answer) : { figures: {}, ambiguous: {} };
  const reading = present ? reader.read(doc) : { shape: '', figures: {}, warnings: [] };
  const warned = new Set(reading.warnings.flatMap((warning) => warning.keys));

  it('is recognised by this reader and not by the other pdftotext reader', () => {
    expect(reader.detect(doc)).toBeGreaterThanOrEqual(0.9);
    expect(other.detect(doc)).toBeLessThan(0.5);
  });

  it('reads every one of the 200 values right, or names it in a warning', () => {
    const silentlyWrong = FIGURE_KEYS.filter((figureKey) => {
      const got = reading.figures[figureKey];
      const want = expectedValue(key.figures[figureKey] ?? null);
      return (got?.value ?? null) !== want && !warned.has(figureKey);
    }).map(
      (figureKey) =>
        `${figureKey}: read ${reading.figures[figureKey]?.value} want ${key.figures[figureKey]}`,
    );
    expect(silentlyWrong).toEqual([]);
  });

  it('gives every value of the answer key exactly', () => {
    const wrong = FIGURE_KEYS.filter(
      (figureKey) =>
        (reading.figures[figureKey]?.value ?? null) !==
        expectedValue(key.figures[figureKey] ?? null),
    );
    expect(wrong).toEqual([]);
  });

  it('warns about every cell the answer key calls ambiguous', () => {
    const unflagged = Object.keys(key.ambiguous).filter((figureKey) => !warned.has(figureKey));
    expect(unflagged).toEqual([]);
  });

  it('names every uncertain reading in a warning', () => {
    const unnamed = Object.values(reading.figures)
      .filter((figure) => figure?.uncertain && !warned.has(figure.key))
      .map((figure) => figure?.key);
    expect(unnamed).toEqual([]);
  });

  if (exact) {
    it('is certain of every cell it read (the -layout rendering keeps cells in place)', () => {
      const uncertain = Object.values(reading.figures).filter((figure) => figure?.uncertain);
      expect(uncertain).toEqual([]);
    });
  }

  it('is the reader the importer picks for this file, and its values reach the report', () => {
    const report = importDocument(doc.text);
    expect(report.shape).toBe(reader.shape);
    const changed = FIGURE_KEYS.filter(
      (figureKey) =>
        report.figures[figureKey]?.value !== (reading.figures[figureKey]?.value ?? null),
    );
    expect(changed).toEqual([]);
  });

  it('points each value at its token in the source text', () => {
    const misplaced = Object.values(reading.figures).filter((figure) => {
      const source = figure?.source;
      if (!figure || figure.raw === null || !source?.line || !source.column || !source.token)
        return false;
      const line = doc.lines[source.line - 1] ?? '';
      return (
        line.slice(source.column - 1, source.column - 1 + source.token.length) !== source.token
      );
    });
    expect(misplaced).toEqual([]);
  });
});
