// The shared corpus in a ledger for the bulk figure export tests: every answer-key report
// imported through the importReport mutation, then corrected to its answer key with setFigures,
// so the ledger holds exactly the answer keys (the independent expectation of the tests).
import { readCorpusDocument, type AnswerKey } from '../../corpus/answerKeys';

export type AdminGql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

const IMPORT = `mutation($input: ImportReportInput!) {
  importReport(input: $input) { report { id } }
}`;
const FIGURES = `query($id: ID!) { reportById(id: $id) { revision figures { key value } } }`;
const SET_FIGURES = `mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;

/** Imports and corrects the answer keys; returns an instant after the imports, before the corrections. */
export async function seedAnswerKeys(
  gql: AdminGql,
  answerKeys: readonly AnswerKey[],
): Promise<Date> {
  const ids = new Map<AnswerKey, string>();
  for (const key of answerKeys) {
    const imported = await gql<{ importReport: { report: { id: string } } }>(IMPORT, {
      input: {
        document: readCorpusDocument(key.file),
        agency: key.agency,
        year: key.year,
        reason: '语料导入',
      },
    });
    ids.set(key, imported.importReport.report.id);
  }
  // recordedAt comes from the server clock: leave a gap so an instant falls between.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const importedUntil = new Date();
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (const key of answerKeys) {
    const id = ids.get(key) as string;
    const report = await gql<{
      reportById: { revision: number; figures: Array<{ key: string; value: string | null }> };
    }>(FIGURES, { id });
    const changes = report.reportById.figures
      .filter((figure) => figure.key in key.figures && figure.value !== key.figures[figure.key])
      .map((figure) => ({ key: figure.key, value: key.figures[figure.key] }));
    if (changes.length === 0) continue;
    await gql(SET_FIGURES, {
      input: {
        reportId: id,
        expectedRevision: report.reportById.revision,
        changes,
        reason: '按答案核对',
      },
    });
  }
  return importedUntil;
}
