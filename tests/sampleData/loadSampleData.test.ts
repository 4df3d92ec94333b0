// The sample data a first `npm start` loads: two reports through the real importer and one
// edit, only into an empty ledger; the embedded database loads it by default, MONGODB_URI not.
import { reportIdFor } from '../../events/report/ids';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { loadConfig } from '../../src/config';
import {
  loadSampleData,
  SAMPLE_EDITED_KEY,
  sampleDocuments,
} from '../../src/sampleData/loadSampleData';
import { findReportDocument } from '../../src/projections/storedReport';
import { importDocument } from '../../src/domain/importer/importDocument';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let ledger: Ledger;

beforeAll(async () => {
  database = await openTestDatabase('sample_data');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
});

afterAll(async () => {
  await ledger?.close();
  await database?.drop();
});

it('the sample documents are complete 2021-template reports the importer reads without warnings', () => {
  const documents = sampleDocuments();
  expect(documents.map((document) => document.name)).toHaveLength(2);
  for (const document of documents) {
    const parsed = importDocument(document.text);
    expect(parsed.template).toBe('2021');
    expect(parsed.warnings).toEqual([]);
    expect(Object.values(parsed.figures).every((figure) => figure.value !== null)).toBe(true);
  }
});

it('an empty ledger gets two reports and one edit; a second start adds nothing', async () => {
  const first = await loadSampleData(ledger);
  expect(first).toEqual({
    loaded: true,
    reports: [
      { agency: '示例县数据管理局', year: 2023, revision: 0 },
      { agency: '示例县数据管理局', year: 2024, revision: 1 },
    ],
  });
  const report = await findReportDocument(ledger.models, reportIdFor('示例县数据管理局', 2024));
  const edited = report!.figures.find((figure) => figure.key === SAMPLE_EDITED_KEY)!;
  expect(edited.revision).toBe(1);
  expect(edited.lastChange.reason).toMatch(/示例修改/);
  const head = await ledger.store.headPosition();
  expect(await loadSampleData(ledger)).toEqual({ loaded: false, reports: [] });
  expect(await ledger.store.headPosition()).toBe(head);
  expect((await ledger.store.verifyAll()).ok).toBe(true);
});

it('sample data is on by default for the embedded database only', () => {
  expect(loadConfig({}).sampleData).toBe(true);
  expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017' }).sampleData).toBe(false);
  expect(loadConfig({ NIANBAO_SAMPLE_DATA: 'false' }).sampleData).toBe(false);
});
