// A ParsedReport built in code (no importer), for tests that need many reports quickly.
import { FIGURES } from '../../src/domain/format/figureCatalog';
import type { FigureReading, ParsedReport } from '../../src/domain/importer/types';

export interface FixtureOptions {
  agency: string;
  year: number;
  /** Value of every figure by key; default: a value derived from the key's position. */
  value?: (key: string, index: number) => string | null;
  sourceHash?: string;
  /** Only the first N catalogue keys (fast fixtures for list tests). */
  figureCount?: number;
}

export function parsedReportFixture(options: FixtureOptions): ParsedReport {
  const figures: Record<string, FigureReading> = {};
  FIGURES.slice(0, options.figureCount ?? FIGURES.length).forEach((figure, index) => {
    const value = options.value ? options.value(figure.key, index) : String(index % 7);
    figures[figure.key] = {
      key: figure.key,
      value,
      raw: value,
      marker: null,
      uncertain: false,
      source: { line: index + 1, column: 1, token: value ?? '' },
    };
  });
  return {
    importerVersion: 'fixture-1',
    sourceHash: options.sourceHash ?? `fixture-${options.agency}-${options.year}`,
    format: 'text',
    shape: 'fixture',
    agency: options.agency,
    year: options.year,
    template: '2021',
    figures,
    narrative: [
      {
        id: '1',
        heading: '一、总体情况',
        text: `${options.agency}${options.year}年共收到申请3件。`,
        source: null,
      },
    ],
    narrativeFigures: [
      {
        key: 'n.1.1',
        sectionId: '1',
        value: '3',
        unit: '件',
        raw: '3',
        sentence: '共收到申请3件。',
        source: null,
      },
    ],
    warnings: [],
  };
}

/**
 * A parser for LedgerServices that reads "agency|year[|variant[|figureCount]]" documents into
 * fixtures; a variant changes the values (a later document for the same report).
 */
export function fixtureParser(document: string): ParsedReport {
  const [agency, year, variant, figureCount] = document.split('|');
  return parsedReportFixture({
    agency,
    year: Number(year),
    sourceHash: `fixture-${document}`,
    ...(variant ? { value: (_key, index) => String((index * Number(variant)) % 11) } : {}),
    ...(figureCount ? { figureCount: Number(figureCount) } : {}),
  });
}
