// The measured report every read measurement targets, made as a client would: imported through
// the API, then edited `apiEdits` times, one commit per edit, each touching `editedKey` so its
// history grows. Shared by the full bench (run.ts) and the sections that run on their own.
import { reportIdFromInput } from '../../resolvers/globalId';
import type { BenchProfile } from '../benchProfile';
import { applyEdit, generateEdit } from '../generator/edits';
import { generateFigureValues } from '../generator/figureValues';
import { createRandom } from '../generator/prng';
import { tsvDocument } from '../generator/tsvDocument';
import { IMPORT_REPORT, SET_FIGURES } from '../queries';
import type { GraphqlClient } from '../support/graphqlClient';
import type { MeasuredReport } from './benchContext';

export async function createMeasuredReport(
  api: GraphqlClient,
  token: string,
  profile: BenchProfile,
): Promise<MeasuredReport> {
  const agency = '基准测试目标机构';
  const year = 2024;
  const random = createRandom(profile.seed);
  let values = generateFigureValues(random, 90);
  const imported = await api.request<{
    importReport: { revision: number; report: { id: string } };
  }>(
    IMPORT_REPORT,
    {
      input: { document: tsvDocument(agency, year, values), agency, year, reason: '基准测试导入' },
    },
    token,
  );
  if (!imported.data) throw new Error(`import failed: ${JSON.stringify(imported.errors)}`);
  const id = imported.data.importReport.report.id;
  let revision = imported.data.importReport.revision;
  const editedKey = 't2.licensing.decisions';
  let midpoint = new Date();
  for (let index = 0; index < profile.apiEdits; index++) {
    const edit = generateEdit(random, values);
    const changes = [
      ...edit.changes.filter((change) => change.key !== editedKey),
      { key: editedKey, value: String(1000 + index) },
    ];
    const response = await api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      { input: { reportId: id, expectedRevision: revision, changes, reason: edit.reason } },
      token,
    );
    if (!response.data) throw new Error(`setFigures failed: ${JSON.stringify(response.errors)}`);
    revision = response.data.setFigures.revision;
    values = applyEdit(values, { changes, reason: edit.reason });
    if (index === Math.floor(profile.apiEdits / 2)) midpoint = new Date();
  }
  const reportId = reportIdFromInput(id);
  if (!reportId) throw new Error(`unexpected report id ${id}`);
  return { id, reportId, agency, year, revision, midpoint, editedKey };
}
