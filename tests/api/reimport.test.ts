// Re-imports never undo people's work, over HTTP: corrections the document disagrees with are
// proposed, not overwritten; blank or ambiguous cells never replace known values; a document
// without tables is refused for a report that has them, and writes nothing.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { CORPUS_DIR, readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const PINGTAN_HTML = path.join(CORPUS_DIR, '2024_pingtan-zonghe-shiyanqu_article.html');
const PINGTAN_TEXT = path.join(CORPUS_DIR, '2024_pingtan-zonghe-shiyanqu_flattened.txt');

const IMPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) {
    created revision
    report { id agencyName figures { key value lastChange { kind } } }
    reimport { applied kept proposed unchanged keptKeys proposedCells { key current document } warnings proposalId }
  }
}`;

interface Imported {
  importReport: {
    created: boolean;
    revision: number;
    report: {
      id: string;
      agencyName: string;
      figures: Array<{ key: string; value: string | null; lastChange: { kind: string } }>;
    };
    reimport: {
      applied: number;
      kept: number;
      proposed: number;
      unchanged: number;
      keptKeys: string[];
      proposedCells: Array<{ key: string; current: string | null; document: string | null }>;
      warnings: string[];
      proposalId: string | null;
    } | null;
  };
}

describeWithSeed('re-imports over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'reimport' });
    editor = await api.token('editor', [AGENCY, '平潭综合实验区'], '编辑甲');
  });

  afterAll(async () => {
    await api?.close();
  });

  const importDocument = (document: string, reason = '导入') =>
    api.gql<Imported>(IMPORT, { input: { document, reason } }, editor);

  it('given corrections after the import, when the same document is re-imported, then the corrections stay and the document values are proposed', async () => {
    const first = await importDocument(seed!);
    expect(first.errors).toBeUndefined();
    const report = first.data!.importReport.report;
    const corrected = report.figures
      .filter((f) => /^t3\./.test(f.key) && f.value !== null)
      .slice(0, 3);
    const changes = corrected.map((f) => ({ key: f.key, value: String(Number(f.value) + 1) }));
    await api.setFigures(
      { reportId: report.id, expectedRevision: 0, changes, reason: '更正' },
      editor,
    );

    const again = await importDocument(seed!, '再次导入');
    expect(again.errors).toBeUndefined();
    const payload = again.data!.importReport;
    const byKey = new Map(payload.report.figures.map((f) => [f.key, f]));
    for (const change of changes) {
      expect(byKey.get(change.key)).toMatchObject({
        value: change.value,
        lastChange: { kind: 'EDIT' },
      });
    }
    expect(payload.reimport).toMatchObject({ applied: 0, kept: 0, proposed: 3 });
    expect(payload.reimport!.proposedCells).toEqual(
      corrected.map((f, index) => ({
        key: f.key,
        current: changes[index].value,
        document: f.value,
      })),
    );
    expect(payload.reimport!.unchanged).toBeGreaterThan(190);
    expect(payload.reimport!.proposalId).toEqual(expect.any(String));
    expect(payload.reimport!.warnings.join(' ')).toContain(corrected[0].key);

    // Once more: nothing new to write, and no second proposal.
    const third = await importDocument(seed!, '第三次导入');
    expect(third.data!.importReport.revision).toBe(payload.revision);
    expect(third.data!.importReport.reimport?.proposalId ?? null).toBeNull();
  });

  it('given the seed report, when a page with its tables removed is imported, then it is refused and nothing is written', async () => {
    const before = await api.ledger.store.headPosition();
    const withoutTables = seed!
      .split('\n')
      .filter((line) => !line.includes('\t'))
      .join('\n');
    const result = await importDocument(withoutTables, '无表格');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/table/);
    expect(await api.ledger.store.headPosition()).toBe(before);
  });

  const describeFlattened = existsSync(PINGTAN_HTML) && existsSync(PINGTAN_TEXT) ? it : it.skip;
  describeFlattened(
    'given a report imported from HTML, when its flattened text is imported, then no known value becomes empty',
    async () => {
      const html = await importDocument(readFileSync(PINGTAN_HTML, 'utf8'), 'HTML');
      expect(html.errors).toBeUndefined();
      const known = new Map(
        html
          .data!.importReport.report.figures.filter((f) => f.value !== null)
          .map((f) => [f.key, f.value]),
      );
      const text = await importDocument(readFileSync(PINGTAN_TEXT, 'utf8'), '纯文本');
      expect(text.errors).toBeUndefined();
      const after = new Map(text.data!.importReport.report.figures.map((f) => [f.key, f.value]));
      const lost = [...known.keys()].filter((key) => after.get(key) === null);
      expect(lost).toEqual([]);
      const summary = text.data!.importReport.reimport!;
      expect(summary.kept).toBeGreaterThan(0);
      for (const key of summary.keptKeys) expect(after.get(key)).toBe(known.get(key));
    },
  );
});
