// Importer fuzzing: on random documents, on synthetic reports and on damaged copies of the
// real corpus, importDocument either returns a report or throws its own typed error, and it
// never states a number (table cell or narrative figure) that the document does not spell out.
import fc from 'fast-check';
import { createRandom } from '../../bench/generator/prng';
import { generateFigureValues } from '../../bench/generator/figureValues';
import { canonicalDecimal } from '../../src/domain/format/decimal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { importDocument } from '../../src/domain/importer/importDocument';
import { UnrecognisedDocumentError, type ParsedReport } from '../../src/domain/importer/types';
import { flattenedReport, htmlReport, tsvReport } from '../importer/syntheticReport';
import { loadCorpus } from './support/corpus';
import { applyMutations, documentMutation } from './support/documentMutations';
import { numbersNotInDocument, type StatedNumber } from './support/numbersInDocument';
import { reliabilityProfile } from './support/profile';
import { randomReportDocument } from './support/randomDocument';

const profile = reliabilityProfile();
const runs = (share: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(10, Math.round(profile.importerRuns * share)),
  ...(profile.seed === undefined ? {} : { seed: profile.seed }),
});

function statedNumbers(report: ParsedReport): StatedNumber[] {
  return [
    ...Object.values(report.figures).flatMap((figure) =>
      figure.value === null
        ? []
        : [{ key: figure.key, value: figure.value, raw: figure.raw, uncertain: figure.uncertain }],
    ),
    ...report.narrativeFigures.map((figure) => ({
      key: figure.key,
      value: figure.value,
      raw: figure.raw,
    })),
  ];
}

/**
 * The property for one document. Throws (so fast-check shrinks and prints it) on anything but
 * UnrecognisedDocumentError, on a non-canonical value, on a 2021-template report missing keys,
 * and on a number not in the document.
 */
function checkImport(document: string): void {
  let report: ParsedReport;
  try {
    report = importDocument(document);
  } catch (error) {
    if (error instanceof UnrecognisedDocumentError) return;
    throw new Error(`importDocument threw ${String(error)}`, { cause: error });
  }
  if (report.template === '2021') {
    expect(Object.keys(report.figures).sort()).toEqual([...FIGURE_KEYS].sort());
  }
  for (const number of statedNumbers(report)) {
    if (canonicalDecimal(number.value) !== number.value) {
      throw new Error(`${number.key}: value "${number.value}" is not a canonical decimal`);
    }
  }
  const invented = numbersNotInDocument(document, statedNumbers(report));
  if (invented.length > 0) {
    throw new Error(`numbers not in the document: ${JSON.stringify(invented.slice(0, 5))}`);
  }
}

const syntheticReport = fc
  .tuple(fc.nat(), fc.constantFrom('tsv', 'html', 'flattened'))
  .map(([seed, layout]) => {
    const values = generateFigureValues(createRandom(seed));
    if (layout === 'tsv') return tsvReport(values);
    if (layout === 'html') return htmlReport(values);
    return flattenedReport(values, `本年度共收到申请${values['t3.newReceived.total']}件。`);
  });

const mutations = fc.array(documentMutation, { minLength: 1, maxLength: 6 });

describe('importer fuzzing', () => {
  it('random report-like documents: only typed errors, only numbers from the document', () => {
    fc.assert(fc.property(randomReportDocument, checkImport), runs(0.35));
  });

  it('synthetic reports, damaged: only typed errors, only numbers from the document', () => {
    fc.assert(
      fc.property(syntheticReport, mutations, (document, damage) =>
        checkImport(applyMutations(document, damage)),
      ),
      runs(0.25),
    );
  });

  // Regression found by this fuzzer: paragraph reflow once joined a number at the end of one
  // line (or before a form feed) to digits at the start of the next, stating a number the
  // document never spells out ("申请21\n10件" -> 2110).
  it.each([
    ['a line break', '国办公开办函〔2019〕60号\n一、总体情况\n本年共收到申请21\n10件。'],
    ['a form feed', '国办公开办函〔2019〕60号\n一、总体情况\n本年共收到申请21\f10件。'],
  ])('regression: digits split by %s are not joined into one narrative number', (_, document) => {
    checkImport(document);
  });

  const corpus = loadCorpus();
  const corpusIt = corpus && corpus.length > 0 ? it : it.skip;
  corpusIt('corpus documents, damaged: only typed errors, only numbers from the document', () => {
    const documents = corpus ?? [];
    fc.assert(
      fc.property(fc.nat({ max: documents.length - 1 }), mutations, (index, damage) =>
        checkImport(applyMutations(documents[index].text, damage)),
      ),
      runs(0.4),
    );
  });
});
