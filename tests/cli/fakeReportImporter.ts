// An in-memory ReportImporter that behaves like the write side: a repeated clientMutationId
// replays the first result and writes nothing; a document containing FAIL is rejected.
import type {
  ImportDocumentInput,
  ImportDocumentResult,
  ReportImporter,
} from '../../src/cli/importCommand';

export interface FakeReportImporter extends ReportImporter {
  readonly calls: ImportDocumentInput[];
  /** Imports that were not replays: what a real store would have written. */
  readonly writes: number;
}

export function fakeReportImporter(): FakeReportImporter {
  const calls: ImportDocumentInput[] = [];
  const firstResults = new Map<string, ImportDocumentResult>();
  let writes = 0;
  return {
    calls,
    get writes() {
      return writes;
    },
    async importDocument(input) {
      calls.push(input);
      if (input.document.includes('FAIL')) {
        throw new Error('BAD_USER_INPUT: document is not a report');
      }
      const replay = input.clientMutationId && firstResults.get(input.clientMutationId);
      if (replay) return { ...replay, unchanged: true };
      writes += 1;
      const year = Number(/(\d{4})年/.exec(input.document)?.[1] ?? 2024);
      const result: ImportDocumentResult = {
        reportId: `report-${writes}`,
        agency: /机构：(\S+)/.exec(input.document)?.[1] ?? '某局',
        year,
        revision: 1,
        figureCount: 190 + writes,
        // The n-th document written gets n warnings, so counts and listings differ by file.
        warnings: Array.from({ length: writes }, (_, index) => ({
          code: index === 0 ? 'ROW_MISSING' : 'LABEL_FUZZY_MATCH',
          message: `warning ${index + 1} of ${input.document.slice(0, 6)}`,
        })),
        failedRuleCount: 2,
        unchanged: false,
      };
      if (input.clientMutationId) firstResults.set(input.clientMutationId, result);
      return result;
    },
  };
}
