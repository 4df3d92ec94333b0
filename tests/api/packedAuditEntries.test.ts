// An import's ~200 audit entries are stored as one document (a pack) instead of 200, and every
// reader still sees entries: the audit log pages through a pack in order without skipping or
// repeating, a figure's history reaches its import entry, and a bulk edit is packed too. The
// expected entries are computed here from the events in the report's stream, not read back.
import { reportStreamId } from '../../events/report/ids';
import type { StoredChangeDocument } from '../../models/changeEntryModel';
import { toGlobalId } from '../../resolvers/globalId';
import { localAdminPrincipal } from '../../src/auth/principal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { PACK_FROM_ENTRIES } from '../../src/projections/packedChangeEntries';
import { fixtureParser } from '../report/parsedReportFixture';
import { startApiTestServer, type ApiTestServer, type GraphQLResponse } from './apiTestServer';

const AUDIT = `query($filter: AuditLogFilter, $after: String) {
  auditLog(filter: $filter, first: 7, after: $after) {
    edges { node { eventId key revision from to } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const HISTORY = `query($id: ID!, $key: String!, $after: String) {
  reportById(id: $id) {
    figure(key: $key) {
      history(first: 1, after: $after) {
        edges { node { eventId revision kind from to } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

interface Connection<Node> {
  edges: Array<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string };
}

interface HistoryNode {
  revision: number;
  kind: string;
  from: string | null;
  to: string | null;
}

interface AuditNode {
  eventId: string;
  key: string | null;
  revision: number;
  from: string | null;
  to: string | null;
}

describe('audit entries stored as packs (integration)', () => {
  let api: ApiTestServer;
  let reportId: string;
  let admin: string;
  const principal = localAdminPrincipal('编辑甲');

  /** Every keyed entry of the report's events, newest first in the audit order. */
  const expectedEntries = async (): Promise<Array<Pick<AuditNode, 'eventId' | 'key' | 'to'>>> => {
    const events = await api.ledger.store.readStream(reportStreamId(reportId));
    const rows: Array<{ at: number; id: string; eventId: string; key: string; to: string | null }> =
      [];
    for (const event of events) {
      const data = event.data as {
        figures?: Array<{ key: string; value: string | null }>;
        narrativeFigures?: Array<{ key: string; value: string | null }>;
        changes?: Array<{ key: string; to: string | null }>;
      };
      const keyed = [
        ...[...(data.figures ?? []), ...(data.narrativeFigures ?? [])].map((cell) => ({
          key: cell.key,
          to: cell.value,
        })),
        ...(data.changes ?? []).map((change) => ({ key: change.key, to: change.to })),
      ];
      for (const { key, to } of keyed) {
        rows.push({
          at: event.recordedAt.getTime(),
          id: `${event.eventId}:${key}`,
          eventId: event.eventId,
          key,
          to,
        });
      }
    }
    rows.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return rows.map(({ eventId, key, to }) => ({ eventId, key, to }));
  };

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'packs', ledger: { parseDocument: fixtureParser } });
    admin = await api.token('admin');
    await api.ledger.services.importReport(principal, {
      document: '乙局|2024|1',
      reason: '导入',
    });
    const imported = await api.ledger.services.importReport(principal, {
      document: '甲局|2024|1',
      reason: '导入',
    });
    reportId = imported.report.reportId;
    // One figure edited on its own (an entry of its own), then a bulk edit (a pack).
    await api.setFigures(
      {
        reportId: toGlobalId('Report', reportId),
        expectedRevision: 0,
        changes: [{ key: FIGURE_KEYS[0], value: '41' }],
        reason: '改一个数字',
      },
      admin,
    );
    await api.setFigures(
      {
        reportId: toGlobalId('Report', reportId),
        expectedRevision: 1,
        changes: FIGURE_KEYS.slice(0, PACK_FROM_ENTRIES).map((key, index) => ({
          key,
          value: String(100 + index),
        })),
        reason: '批量修改',
      },
      admin,
    );
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('given an imported report, then its import entries are one stored document', async () => {
    const stored = await api.ledger.models.changes
      .find({ reportId })
      .lean<StoredChangeDocument[]>()
      .exec();
    // The import's pack, the single edit's entry and the bulk edit's pack.
    expect(stored.map((document) => document.revision).sort()).toEqual([0, 1, 2]);
    expect(stored.filter((document) => 'packed' in document).length).toBe(2);
  });

  it('when the audit log of the report is read 7 at a time, then every entry once, in order', async () => {
    const filter = { report: toGlobalId('Report', reportId) };
    const read: AuditNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response: GraphQLResponse<{ auditLog: Connection<AuditNode> }> = await api.gql(
        AUDIT,
        { filter, after },
        admin,
      );
      expect(response.errors).toBeUndefined();
      const { edges, pageInfo } = response.data!.auditLog;
      expect(edges.length).toBeLessThanOrEqual(7);
      read.push(...edges.map((edge) => edge.node));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const expected = await expectedEntries();
    expect(expected.length).toBeGreaterThan(FIGURE_KEYS.length);
    expect(read.map(({ eventId, key, to }) => ({ eventId, key, to }))).toEqual(expected);
  });

  it('when filtered by a key, then the audit log gives that key’s entries of every event', async () => {
    const key = FIGURE_KEYS[1];
    const response = await api.gql<{ auditLog: { edges: Array<{ node: AuditNode }> } }>(
      AUDIT,
      { filter: { report: toGlobalId('Report', reportId), figureKey: key } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    const expected = (await expectedEntries()).filter((entry) => entry.key === key);
    expect(expected).toHaveLength(2); // the import and the bulk edit
    expect(
      response.data!.auditLog.edges.map(({ node }) => ({
        eventId: node.eventId,
        key: node.key,
        to: node.to,
      })),
    ).toEqual(expected);
  });

  it('when a figure history is read one entry a page, then it walks from the bulk edit to the import', async () => {
    const key = FIGURE_KEYS[0];
    const read: HistoryNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: GraphQLResponse<{
        reportById: { figure: { history: Connection<HistoryNode> } };
      }> = await api.gql(HISTORY, { id: toGlobalId('Report', reportId), key, after }, admin);
      expect(response.errors).toBeUndefined();
      const { edges, pageInfo } = response.data!.reportById.figure.history;
      read.push(...edges.map(({ node }) => ({ ...node })));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(read.map((entry) => entry.revision)).toEqual([2, 1, 0]);
    expect(read.map((entry) => entry.to)).toEqual(['100', '41', '0']);
    expect(read[2].kind).toBe('IMPORT');
  });
});
