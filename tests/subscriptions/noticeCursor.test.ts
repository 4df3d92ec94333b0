// A subscription drops what happens while its client is away; every notice carries the change
// feed's cursor, so a reconnecting client resumes from `changes(after: cursor)` and misses nothing.
import { localAdminPrincipal } from '../../src/auth/principal';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { liveClient, seedReport, subscribe } from './support/liveClient';

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({ label: 'notice_cursor' });
});

afterAll(async () => {
  await api?.close();
});

async function changesAfter(cursor: string): Promise<Array<{ type: string; revision: number }>> {
  const result = await api.gql<{
    changes: { edges: Array<{ node: { type: string; revision: number } }> };
  }>(
    `query($after: String) { changes(first: 100, after: $after) { edges { node { type revision } } } }`,
    {
      after: cursor,
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.changes.edges.map((edge) => edge.node);
}

describe('notices carry the change-feed cursor (integration, WebSocket)', () => {
  it('given a subscriber, when an edit is notified and the client then misses two edits, then changes(after: the notice cursor) returns exactly the missed ones', async () => {
    const report = await seedReport(api.ledger, '游标测试县统计局', 2024);
    const admin = localAdminPrincipal('cursor test');
    const client = liveClient(api.url);
    const reportChanged = subscribe(
      client,
      'subscription($id: ID!) { reportChanged(reportId: $id) { revision cursor } }',
      { id: report.reportId },
    );
    const audit = subscribe(client, 'subscription { auditLogAppended { revision feedCursor } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    let revision = report.revision;
    const edit = async (value: string) => {
      const outcome = await api.ledger.services.setFigures(admin, {
        reportId: report.reportId,
        expectedRevision: revision,
        changes: [{ key: 't2.penalty.decisions', value }],
        reason: 'cursor test',
      });
      revision = outcome.report.revision;
    };
    await edit('101');
    const notice = (await reportChanged.nth(1)).data!.reportChanged as {
      revision: number;
      cursor: string;
    };
    const entry = (await audit.nth(1)).data!.auditLogAppended as {
      revision: number;
      feedCursor: string;
    };
    expect(notice.revision).toBe(revision);
    expect(entry).toEqual({ revision, feedCursor: notice.cursor });
    await reportChanged.dispose();
    await audit.dispose();
    // Away: two more edits nobody is subscribed to.
    await edit('102');
    await edit('103');
    const missed = await changesAfter(notice.cursor);
    expect(missed).toEqual([
      { type: 'FiguresEdited', revision: revision - 1 },
      { type: 'FiguresEdited', revision },
    ]);
  });
});
