// Whatever the input, the importer returns a complete report or a clear UnrecognisedDocumentError;
// and a value it marks uncertain is always named in a warning.
import fc from 'fast-check';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { importDocument } from '../../src/domain/importer/importDocument';
import { UnrecognisedDocumentError } from '../../src/domain/importer/types';
import type { ParsedReport } from '../../src/domain/importer/types';
import { consistentValues, flattenedReport, htmlReport, tsvReport } from './syntheticReport';

function check(document: string): void {
  let report: ParsedReport;
  try {
    report = importDocument(document);
  } catch (error) {
    expect(error).toBeInstanceOf(UnrecognisedDocumentError);
    return;
  }
  if (report.template === '2021') {
    expect(Object.keys(report.figures)).toHaveLength(FIGURE_KEYS.length);
  }
  const named = new Set(report.warnings.flatMap((warning) => warning.keys));
  for (const figure of Object.values(report.figures)) {
    if (figure.uncertain) expect(named.has(figure.key)).toBe(true);
    if (figure.raw === null) expect(named.has(figure.key)).toBe(true);
  }
}

const documents = [
  tsvReport(consistentValues()),
  htmlReport(consistentValues()),
  flattenedReport(consistentValues()),
];

describe('importer robustness', () => {
  it('handles arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => check(text)),
      { numRuns: 200 },
    );
  });

  it('handles truncated and spliced reports', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (document, start, length, insert) => {
          const from = start % document.length;
          const to = Math.min(document.length, from + (length % 400));
          check(document.slice(0, from) + insert + document.slice(to));
        },
      ),
      { numRuns: 150 },
    );
  });
});
