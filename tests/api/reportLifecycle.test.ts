// The product end to end over HTTP: import the seed report, read it, edit it, audit it, travel
// back in time, and the errors a client relies on.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.newReceived.naturalPerson';

const IMPORT = `mutation Import($input: ImportReportInput!) {
  importReport(input: $input) {
    created replayed revision
    report { id reportId agencyName year revision template }
    warnings { code }
    rules { id status }
  }
}`;

const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) {
    revision replayed clientMutationId
    report { revision figure(key: "${KEY}") { value lastChange { actor { name } reason kind from to } } }
    changes { eventId key from to kind }
  }
}`;

describeWithSeed('report lifecycle over HTTP', () => {
  let api: ApiTestServer;
  let editor: string;
  let outsider: string;
  let reportId: string;
  let original: string;
  let importedAt: string;

  const revisionNow = async (): Promise<number> => {
    const result = await api.gql<{ reportById: { revision: number } }>(
      `query($id: ID!) { reportById(id: $id) { revision } }`,
      { id: reportId },
    );
    return result.data?.reportById.revision ?? -1;
  };

  const eventCount = async (): Promise<number> => api.ledger.store.headPosition();

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'lifecycle' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    outsider = await api.token('editor', ['另一个局'], '编辑乙');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('an anonymous import is UNAUTHENTICATED and writes nothing', async () => {
    const result = await api.gql(IMPORT, { input: { document: seed, reason: '首次导入' } });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await eventCount()).toBe(0);
  });

  it('an editor imports the seed report and reads all 200 figures', async () => {
    const result = await api.gql<{
      importReport: {
        created: boolean;
        revision: number;
        report: { id: string; agencyName: string; year: number };
      };
    }>(
      IMPORT,
      { input: { document: seed, reason: '首次导入', sourceUrl: 'https://example.gov.cn/report' } },
      editor,
    );
    expect(result.errors).toBeUndefined();
    const payload = result.data!.importReport;
    expect(payload.created).toBe(true);
    expect(payload.revision).toBe(0);
    expect(payload.report.agencyName).toBe(AGENCY);
    expect(payload.report.year).toBe(2024);
    reportId = payload.report.id;

    const read = await api.gql<{
      report: {
        revision: number;
        createdAt: string;
        figures: Array<{ key: string; value: string | null; empty: boolean; label: string }>;
      };
    }>(
      `query { report(agency: "${AGENCY}", year: 2024) { revision createdAt figures(table: null) { key value empty label table } } }`,
    );
    expect(read.errors).toBeUndefined();
    const tableFigures = read.data!.report.figures.filter((figure) => !figure.key.startsWith('n.'));
    expect(tableFigures.map((figure) => figure.key).sort()).toEqual([...FIGURE_KEYS].sort());
    const fee = tableFigures.find((figure) => figure.key === 't2.fees.amount');
    expect(fee?.value).toBe('28.488564');
    original = tableFigures.find((figure) => figure.key === KEY)!.value ?? '0';
    importedAt = read.data!.report.createdAt;
  });

  it('an editor edits a figure; the edit shows in history, auditLog and diff', async () => {
    const next = String(Number(original) + 5);
    const result = await api.gql<{
      setFigures: {
        revision: number;
        report: {
          figure: {
            value: string;
            lastChange: { actor: { name: string }; reason: string; kind: string };
          };
        };
      };
    }>(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: 0,
          changes: [{ key: KEY, value: next }],
          reason: '更正录入错误',
        },
      },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.setFigures.revision).toBe(1);
    expect(result.data!.setFigures.report.figure).toMatchObject({
      value: next,
      lastChange: {
        actor: { name: '编辑甲' },
        reason: '更正录入错误',
        kind: 'EDIT',
        from: original,
        to: next,
      },
    });

    const history = await api.gql<{
      reportById: {
        figure: {
          history: {
            edges: Array<{
              node: { from: string | null; to: string; kind: string; revision: number };
            }>;
          };
        };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { figure(key: "${KEY}") { history(first: 10) { edges { node { from to kind revision } } } } } }`,
      { id: reportId },
    );
    expect(history.data!.reportById.figure.history.edges.map((edge) => edge.node)).toEqual([
      { from: original, to: next, kind: 'EDIT', revision: 1 },
      { from: null, to: original, kind: 'IMPORT', revision: 0 },
    ]);

    // The report's history without a key lists every figure's changes, newest first.
    const reportHistory = await api.gql<{
      reportById: {
        history: { edges: Array<{ node: { key: string; to: string; revision: number } }> };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { history(first: 100) { edges { node { key to revision } } } } }`,
      { id: reportId },
    );
    const reportEdges = reportHistory.data!.reportById.history.edges.map((edge) => edge.node);
    expect(reportEdges[0]).toEqual({ key: KEY, to: next, revision: 1 });
    expect(reportEdges.length).toBeGreaterThan(50);
    expect(new Set(reportEdges.map((node) => node.key)).size).toBeGreaterThan(50);

    const audit = await api.gql<{
      auditLog: {
        edges: Array<{
          node: {
            key: string;
            from: string;
            to: string;
            actor: { name: string };
            agency: string;
            report: { year: number };
          };
        }>;
      };
    }>(
      `query($id: ID!) { auditLog(filter: { report: $id, kinds: [EDIT] }, first: 5) { edges { node { key from to actor { name } agency report { year } } } } }`,
      { id: reportId },
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.edges.map((edge) => edge.node)).toEqual([
      {
        key: KEY,
        from: original,
        to: next,
        actor: { name: '编辑甲' },
        agency: AGENCY,
        report: { year: 2024 },
      },
    ]);

    const diff = await api.gql<{
      reportById: { diff: Array<{ key: string; from: string; to: string }> };
    }>(`query($id: ID!) { reportById(id: $id) { diff(fromRevision: 0) { key from to } } }`, {
      id: reportId,
    });
    expect(diff.data!.reportById.diff).toEqual([{ key: KEY, from: original, to: next }]);
  });

  it('the report as of the import revision, or the import time, has the old value', async () => {
    const byRevision = await api.gql<{
      report: { revision: number; historical: boolean; figure: { value: string } };
    }>(
      `query { report(agency: "${AGENCY}", year: 2024, atRevision: 0) { revision historical figure(key: "${KEY}") { value } } }`,
    );
    expect(byRevision.data!.report).toEqual({
      revision: 0,
      historical: true,
      figure: { value: original },
    });
    const byTime = await api.gql<{ report: { revision: number; figure: { value: string } } }>(
      `query($at: DateTime) { report(agency: "${AGENCY}", year: 2024, asOf: $at) { revision figure(key: "${KEY}") { value } } }`,
      { at: importedAt },
    );
    expect(byTime.data!.report).toEqual({ revision: 0, figure: { value: original } });
  });

  it('a stale edit is a CONFLICT carrying the current revision, and writes nothing', async () => {
    const before = await eventCount();
    const result = await api.gql(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: 0,
          changes: [{ key: KEY, value: '1' }],
          reason: '过时的修改',
        },
      },
      editor,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 1 });
    expect(await eventCount()).toBe(before);
  });

  it('an editor out of scope is FORBIDDEN; anonymous and bad tokens are UNAUTHENTICATED', async () => {
    const input = {
      reportId,
      expectedRevision: 1,
      changes: [{ key: KEY, value: '1' }],
      reason: '越权',
    };
    const before = await eventCount();
    const forbidden = await api.gql(SET_FIGURES, { input }, outsider);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(SET_FIGURES, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await api.gql(SET_FIGURES, { input }, `nbl_0123456789abcdef_${'x'.repeat(43)}`);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await eventCount()).toBe(before);
    expect(await revisionNow()).toBe(1);
  });

  it('bad inputs are BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const cases: Array<[Array<{ key: string; value: string | null }>, string, string?]> = [
      [[{ key: 't9.nope', value: '1' }], 'changes[0].key'],
      [
        [
          { key: KEY, value: '2' },
          { key: 't3.granted.total', value: '-1' },
        ],
        'changes[1].value',
      ],
      [[{ key: 't3.granted.total', value: '1.5' }], 'changes[0].value'],
      [[{ key: 't2.fees.amount', value: '12,5' }], 'changes[0].value'],
      [[{ key: KEY, value: '3' }], 'reason', ''],
    ];
    const before = await eventCount();
    for (const [changes, field, reason = '测试'] of cases) {
      const result = await api.gql(
        SET_FIGURES,
        { input: { reportId, expectedRevision: 1, changes, reason } },
        editor,
      );
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await eventCount()).toBe(before);
    expect(await revisionNow()).toBe(1);
  });

  it('replaying a clientMutationId writes nothing; reusing it with another input is refused', async () => {
    const input = {
      reportId,
      expectedRevision: 1,
      changes: [{ key: 't2.fees.amount', value: '30.5' }],
      reason: '核对收费',
      clientMutationId: 'fee-fix-1',
    };
    const first = await api.gql<{ setFigures: { revision: number; replayed: boolean } }>(
      SET_FIGURES,
      { input },
      editor,
    );
    expect(first.data!.setFigures).toMatchObject({ revision: 2, replayed: false });
    const after = await eventCount();
    const again = await api.gql<{
      setFigures: { revision: number; replayed: boolean; changes: Array<{ key: string }> };
    }>(SET_FIGURES, { input }, editor);
    expect(again.errors).toBeUndefined();
    expect(again.data!.setFigures).toMatchObject({
      revision: 2,
      replayed: true,
      changes: [{ key: 't2.fees.amount' }],
    });
    expect(await eventCount()).toBe(after);
    const reused = await api.gql(
      SET_FIGURES,
      { input: { ...input, changes: [{ key: 't2.fees.amount', value: '31' }] } },
      editor,
    );
    expect(reused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'clientMutationId',
    });
    expect(await eventCount()).toBe(after);
    // A mutation refused with CONFLICT wrote nothing: its clientMutationId may be retried. (The
    // fee changed at revision 2, after the revision 1 this edit names: figure-level conflict.)
    const stale = {
      ...input,
      expectedRevision: 1,
      changes: [{ key: 't2.fees.amount', value: '7' }],
      clientMutationId: 'retry-1',
    };
    const conflict = await api.gql(SET_FIGURES, { input: stale }, editor);
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    const retried = await api.gql<{ setFigures: { revision: number; replayed: boolean } }>(
      SET_FIGURES,
      {
        input: {
          ...stale,
          expectedRevision: 2,
          changes: [{ key: 't4.review.pending', value: '99' }],
        },
      },
      editor,
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.setFigures).toEqual(
      expect.objectContaining({ revision: 3, replayed: false }),
    );
  });

  it('revertChange records a compensating change and keeps the history', async () => {
    const history = await api.gql<{
      reportById: {
        figure: { history: { edges: Array<{ node: { eventId: string; kind: string } }> } };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { figure(key: "${KEY}") { history { edges { node { eventId kind } } } } } }`,
      { id: reportId },
    );
    const edit = history.data!.reportById.figure.history.edges.find(
      (edge) => edge.node.kind === 'EDIT',
    )!.node;
    const result = await api.gql<{
      revertChange: { revision: number; report: { figure: { value: string } } };
    }>(
      `mutation($input: RevertChangeInput!) { revertChange(input: $input) { revision report { figure(key: "${KEY}") { value } } } }`,
      { input: { reportId, eventId: edit.eventId, expectedRevision: 3, reason: '撤销错误修改' } },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.revertChange).toEqual({
      revision: 4,
      report: { figure: { value: original } },
    });
    const kinds = await api.gql<{
      reportById: { figure: { history: { edges: Array<{ node: { kind: string } }> } } };
    }>(
      `query($id: ID!) { reportById(id: $id) { figure(key: "${KEY}") { history { edges { node { kind } } } } } }`,
      { id: reportId },
    );
    expect(kinds.data!.reportById.figure.history.edges.map((edge) => edge.node.kind)).toEqual([
      'REVERT',
      'EDIT',
      'IMPORT',
    ]);
  });

  it('re-importing records differences as edits and never wipes history', async () => {
    const same = await api.gql<{ importReport: { created: boolean; revision: number } }>(
      IMPORT,
      { input: { document: seed, reason: '再次导入' } },
      editor,
    );
    expect(same.errors).toBeUndefined();
    expect(same.data!.importReport.created).toBe(false);
    // The fee was edited to 30.5 since the import: a re-import never overwrites a person's
    // correction; the document's value is proposed instead (tests/api/reimport.test.ts).
    const fee = await api.gql<{
      reportById: {
        figure: {
          value: string;
          history: { edges: Array<{ node: { kind: string; to: string } }> };
        };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { figure(key: "t2.fees.amount") { value history { edges { node { kind to } } } } } }`,
      { id: reportId },
    );
    expect(fee.data!.reportById.figure.value).toBe('30.5');
    expect(fee.data!.reportById.figure.history.edges.map((edge) => edge.node.kind)).toEqual([
      'EDIT',
      'IMPORT',
    ]);
    const revision = await revisionNow();
    const third = await api.gql<{ importReport: { revision: number } }>(
      IMPORT,
      { input: { document: seed, reason: '第三次导入' } },
      editor,
    );
    expect(third.data!.importReport.revision).toBe(revision);
  });

  it('narrative edits and Relay node lookups', async () => {
    const revision = await revisionNow();
    const edit = await api.gql<{
      editNarrative: {
        revision: number;
        report: { narrative: Array<{ id: string; text: string; lastChange: { kind: string } }> };
      };
    }>(
      `mutation($input: EditNarrativeInput!) { editNarrative(input: $input) { revision report { narrative { id text lastChange { kind } } } } }`,
      {
        input: {
          reportId,
          expectedRevision: revision,
          sections: [{ sectionId: '1', text: '修订后的总体情况。' }],
          reason: '修订正文',
        },
      },
      editor,
    );
    expect(edit.errors).toBeUndefined();
    expect(edit.data!.editNarrative.revision).toBe(revision + 1);
    expect(edit.data!.editNarrative.report.narrative.find((section) => section.id === '1')).toEqual(
      {
        id: '1',
        text: '修订后的总体情况。',
        lastChange: { kind: 'NARRATIVE' },
      },
    );
    const node = await api.gql<{
      node: { __typename: string; year: number; agency: { id: string } };
    }>(`query($id: ID!) { node(id: $id) { __typename ... on Report { year agency { id } } } }`, {
      id: reportId,
    });
    expect(node.data!.node).toMatchObject({ __typename: 'Report', year: 2024 });
    const agency = await api.gql<{ node: { __typename: string; name: string } }>(
      `query($id: ID!) { node(id: $id) { __typename ... on Agency { name } } }`,
      { id: node.data!.node.agency.id },
    );
    expect(agency.data!.node).toEqual({ __typename: 'Agency', name: AGENCY });
  });

  it('ledgerIntegrity verifies the hash chains', async () => {
    const result = await api.gql<{ ledgerIntegrity: { ok: boolean; eventsChecked: number } }>(
      `{ ledgerIntegrity { ok eventsChecked } }`,
    );
    expect(result.data!.ledgerIntegrity.ok).toBe(true);
    expect(result.data!.ledgerIntegrity.eventsChecked).toBeGreaterThan(3);
  });
});
