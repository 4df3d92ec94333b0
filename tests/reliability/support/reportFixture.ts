// A seeded synthetic report imported through the API, plus the GraphQL documents the
// reliability tests send.
import { generateFigureValues, type FigureValueMap } from '../../../bench/generator/figureValues';
import { createRandom } from '../../../bench/generator/prng';
import { tsvReport } from '../../importer/syntheticReport';
import type { GraphqlClient } from './graphqlClient';

export const IMPORT_REPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) { revision report { id revision } }
}`;

export const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision replayed changes { eventId revision key } }
}`;

export const REPORT_STATE = `query State($id: ID!) {
  reportById(id: $id) {
    revision
    figures { key value revision }
    history(first: 100) { edges { node { eventId revision key from to } } pageInfo { hasNextPage endCursor } }
  }
}`;

export interface ImportedReport {
  id: string;
  revision: number;
  agency: string;
  year: number;
  values: FigureValueMap;
}

export async function importSyntheticReport(
  api: GraphqlClient,
  token: string,
  options: { agency: string; year: number; seed: number },
): Promise<ImportedReport> {
  const values = generateFigureValues(createRandom(options.seed));
  const response = await api.request<{
    importReport: { revision: number; report: { id: string; revision: number } };
  }>(
    IMPORT_REPORT,
    {
      input: {
        document: tsvReport(values),
        agency: options.agency,
        year: options.year,
        reason: 'reliability fixture',
      },
    },
    token,
  );
  if (!response.data) throw new Error(`import failed: ${JSON.stringify(response.errors)}`);
  return {
    id: response.data.importReport.report.id,
    revision: response.data.importReport.revision,
    agency: options.agency,
    year: options.year,
    values,
  };
}
