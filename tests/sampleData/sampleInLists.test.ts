// Sample data stays out of lists and cross-report queries unless a query asks for it, and once
// removed it is out of them whatever the query asks.
import { localAdminPrincipal } from '../../src/auth/principal';
import { loadSampleData, sampleDocuments } from '../../src/sampleData/loadSampleData';
import { removeSampleData } from '../../src/sampleData/removeSampleData';
import { SAMPLE_AGENCY_NAME } from '../../src/sampleData/sampleAgency';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';

const OTHER_AGENCY = '测试县统计局';

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({ label: 'sample_lists' });
  await loadSampleData(api.ledger);
  await api.ledger.services.importReport(localAdminPrincipal(), {
    // A real 2021-template document: the 2024 sample report under another agency's name.
    document: sampleDocuments()[1].text.split(SAMPLE_AGENCY_NAME).join(OTHER_AGENCY),
    reason: '测试数据',
  });
}, 120_000);

afterAll(async () => {
  await api?.close();
});

async function reportAgencies(includeSample?: boolean): Promise<string[]> {
  const result = await api.gql<{
    reports: { totalCount: number; edges: Array<{ node: { agency: { name: string } } }> };
  }>(
    `query($includeSample: Boolean) { reports(filter: { includeSample: $includeSample }, first: 50) {
       totalCount edges { node { agency { name } } } } }`,
    { includeSample },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.reports.totalCount).toBe(result.data!.reports.edges.length);
  return result.data!.reports.edges.map((edge) => edge.node.agency.name);
}

async function agencyNames(includeSample?: boolean): Promise<string[]> {
  const result = await api.gql<{ agencies: { edges: Array<{ node: { name: string } }> } }>(
    `query($includeSample: Boolean) { agencies(filter: { includeSample: $includeSample }) {
       edges { node { name } } } }`,
    { includeSample },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.agencies.edges.map((edge) => edge.node.name);
}

async function figureValueAgencies(includeSample?: boolean): Promise<string[]> {
  const result = await api.gql<{
    figureValues: { edges: Array<{ node: { agency: { name: string } } }> };
  }>(
    `query($includeSample: Boolean) { figureValues(key: "t3.newReceived.total",
       filter: { year: 2024, includeSample: $includeSample }, first: 50) {
       edges { node { agency { name } } } } }`,
    { includeSample },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.figureValues.edges.map((edge) => edge.node.agency.name);
}

describe('sample data in lists and cross-report queries (integration)', () => {
  it('given sample data and a real report, when lists are read, then only the real agency is in them', async () => {
    expect(await reportAgencies()).toEqual([OTHER_AGENCY]);
    expect(await agencyNames()).toEqual([OTHER_AGENCY]);
    expect(await figureValueAgencies()).toEqual([OTHER_AGENCY]);
  });

  it('given sample data, when a query asks for it, then it is included', async () => {
    expect((await reportAgencies(true)).sort()).toEqual(
      [OTHER_AGENCY, SAMPLE_AGENCY_NAME, SAMPLE_AGENCY_NAME].sort(),
    );
    expect(await agencyNames(true)).toEqual(expect.arrayContaining([SAMPLE_AGENCY_NAME]));
    expect(await figureValueAgencies(true)).toEqual(
      expect.arrayContaining([SAMPLE_AGENCY_NAME, OTHER_AGENCY]),
    );
  });

  it('given the sample data was removed, when a query asks for it, then it is still left out, and its report stays readable by name', async () => {
    await removeSampleData(api.ledger, localAdminPrincipal());
    expect(await reportAgencies(true)).toEqual([OTHER_AGENCY]);
    expect(await agencyNames(true)).toEqual([OTHER_AGENCY]);
    expect(await figureValueAgencies(true)).toEqual([OTHER_AGENCY]);
    const direct = await api.gql<{ report: { year: number } | null }>(
      `{ report(agency: "${SAMPLE_AGENCY_NAME}", year: 2024) { year } }`,
    );
    expect(direct.data!.report).toEqual({ year: 2024 });
  });
});
