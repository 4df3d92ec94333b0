// Report years on import over HTTP: a year given that disagrees with the document's is refused
// unless forced; years out of range (document or argument) are named as such; nothing is written.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';

const IMPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) { created report { year } }
}`;

describeWithSeed('import years over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'import-years' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
  });

  afterAll(async () => {
    await api?.close();
  });

  const importWith = (input: Record<string, unknown>) =>
    api.gql<{ importReport: { created: boolean; report: { year: number } } }>(
      IMPORT,
      { input: { document: seed, reason: '导入', ...input } },
      editor,
    );

  it('given a document stating 2024, when it is imported with year 2023, then BAD_USER_INPUT names both years and nothing is written', async () => {
    const result = await importWith({ year: 2023 });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(result.errors?.[0].message).toMatch(/states the year 2024 but year 2023 was given/);
    expect(await api.ledger.store.headPosition()).toBe(0);
  });

  it('given a year after next year, when it is given, then it is named as out of range', async () => {
    const tooLate = new Date().getUTCFullYear() + 2;
    const result = await importWith({ year: tooLate, force: true });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(`year ${tooLate} is out of range`);
  });

  it('given a document stating 1899, when it is imported, then the message is about the year, not the agency', async () => {
    const old = seed!.replace(/2024(\s*年)/g, '1899$1');
    const result = await api.gql(IMPORT, { input: { document: old, reason: '导入' } }, editor);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(result.errors?.[0].message).toContain('states the year 1899, which is out of range');
    expect(await api.ledger.store.headPosition()).toBe(0);
  });

  it('given a document stating 2024, when it is imported with year 2023 and force, then it is the 2023 report', async () => {
    const result = await importWith({ year: 2023, force: true });
    expect(result.errors).toBeUndefined();
    expect(result.data?.importReport).toEqual({ created: true, report: { year: 2023 } });
    const plain = await importWith({});
    expect(plain.data?.importReport).toEqual({ created: true, report: { year: 2024 } });
  });
});
