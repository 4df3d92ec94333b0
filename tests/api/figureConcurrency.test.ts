// Figure-level concurrency end to end over HTTP: an edit names the revision its editor saw; it is
// applied on the current revision unless a figure it changes was changed after that, and then the
// CONFLICT names the figure, its current value, who changed it and when. Sections likewise.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';

const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision changes { eventId key to } }
}`;

const EDIT_NARRATIVE = `mutation Edit($input: EditNarrativeInput!) {
  editNarrative(input: $input) { revision }
}`;

interface SetResult {
  setFigures: { revision: number; changes: Array<{ eventId: string; key: string; to: string }> };
}

describeWithSeed('figure-level concurrency over HTTP (integration)', () => {
  let api: ApiTestServer;
  let alice: string;
  let bob: string;
  let reportId: string;
  let importedRevision: number;
  let sectionIds: string[];

  const set = (token: string, expectedRevision: number, key: string, value: string) =>
    api.gql<SetResult>(
      SET_FIGURES,
      {
        input: { reportId, expectedRevision, changes: [{ key, value }], reason: '并发修改' },
      },
      token,
    );

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'figure-concurrency' });
    alice = await api.token('editor', [AGENCY], '编辑甲');
    bob = await api.token('editor', [AGENCY], '编辑乙');
    const imported = await api.gql<{
      importReport: { revision: number; report: { id: string; narrative: Array<{ id: string }> } };
    }>(
      `mutation($input: ImportReportInput!) {
        importReport(input: $input) { revision report { id narrative { id } } }
      }`,
      { input: { document: seed, reason: '首次导入' } },
      alice,
    );
    expect(imported.errors).toBeUndefined();
    reportId = imported.data!.importReport.report.id;
    importedRevision = imported.data!.importReport.revision;
    sectionIds = imported.data!.importReport.report.narrative.map((section) => section.id);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given two editors who saw the same revision, when they change different figures at once, then both are applied, each once', async () => {
    const [a, b] = await Promise.all([
      set(alice, importedRevision, 't3.granted.naturalPerson', '101'),
      set(bob, importedRevision, 't3.granted.commercial', '202'),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(
      [a.data!.setFigures.revision, b.data!.setFigures.revision].sort((x, y) => x - y),
    ).toEqual([importedRevision + 1, importedRevision + 2]);
    const read = await api.gql<{
      reportById: {
        revision: number;
        a: { value: string };
        b: { value: string };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { revision
        a: figure(key: "t3.granted.naturalPerson") { value }
        b: figure(key: "t3.granted.commercial") { value } } }`,
      { id: reportId },
    );
    expect(read.data?.reportById).toMatchObject({
      revision: importedRevision + 2,
      a: { value: '101' },
      b: { value: '202' },
    });
  });

  it('given two editors who saw the same revision, when they change the same figure at once, then exactly one wins and the other CONFLICT names the figure, its value and who changed it', async () => {
    const from = importedRevision + 2;
    const key = 't3.granted.total';
    const results = await Promise.all([set(alice, from, key, '301'), set(bob, from, key, '302')]);
    const winners = results.filter((result) => result.data?.setFigures);
    const losers = results.filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const won = winners[0].data!.setFigures.changes[0].to;
    const error = losers[0].errors![0];
    expect(error.extensions?.code).toBe('CONFLICT');
    expect(error.extensions?.currentRevision).toBe(from + 1);
    expect(error.message).toContain(
      `${key} (now "${won}", changed by ${won === '301' ? '编辑甲' : '编辑乙'}`,
    );
    expect(error.message).toMatch(/at \d{4}-\d\d-\d\dT/);
  });

  it('given a section edited since the revision an editor saw, when the editor edits another section, then it is applied; the same section is a CONFLICT', async () => {
    expect(sectionIds.length).toBeGreaterThanOrEqual(2);
    const [first, second] = sectionIds;
    const now = importedRevision + 3;
    const edit = (token: string, expectedRevision: number, sectionId: string, text: string) =>
      api.gql<{ editNarrative: { revision: number } }>(
        EDIT_NARRATIVE,
        {
          input: { reportId, expectedRevision, sections: [{ sectionId, text }], reason: '改正文' },
        },
        token,
      );
    const byAlice = await edit(alice, now, first, '甲改的正文');
    expect(byAlice.errors).toBeUndefined();
    const byBob = await edit(bob, now, second, '乙改的正文');
    expect(byBob.errors).toBeUndefined();
    expect(byBob.data?.editNarrative.revision).toBe(now + 2);
    const again = await edit(bob, now, first, '乙也改这一节');
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain(`section:${first}`);
    expect(again.errors?.[0].message).toContain('编辑甲');
  });

  it('given a figure changed since, when an edit names a revision after the current one, then CONFLICT and nothing is written', async () => {
    const before = await api.ledger.store.headPosition();
    const result = await set(alice, 999, 't3.granted.naturalPerson', '5');
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await api.ledger.store.headPosition()).toBe(before);
  });
});
