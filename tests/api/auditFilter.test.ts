// Integration (real server, real database): the audit filter is one definition giving the
// MongoDB filter of Query.auditLog and the live predicate of Subscription.auditLogAppended;
// the two select the same entries. Actors can be found by name as well as by id.
import { createToken } from '../../src/auth/tokens';
import type { ChangeEntryDocument, StoredChangeDocument } from '../../models/changeEntryModel';
import {
  isPackedChangeEntries,
  unpackChangeEntries,
} from '../../src/projections/packedChangeEntries';
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { compileAuditFilter, type AuditFeedFilter } from '../../src/subscriptions/auditFilter';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

const AGENCY = '示例县数据管理局';

const AUDIT = `query Audit($filter: AuditLogFilter) {
  auditLog(filter: $filter, first: 100) { edges { node { eventId key actor { id name } } } }
}`;

interface AuditNode {
  eventId: string;
  key: string | null;
  actor: { id: string; name: string };
}

const SET = `mutation Set($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;

describe('audit filter (integration)', () => {
  let api: ApiTestServer;
  let zhangSan: { id: string; token: string };
  let entries: ChangeEntryDocument[];
  const unpacked = (documents: StoredChangeDocument[]) =>
    documents.flatMap(unpackChangeEntries) as ChangeEntryDocument[];

  async function edit(token: string, key: string, value: string): Promise<void> {
    const report = await api.gql<{ report: { id: string; revision: number } }>(
      `{ report(agency: "${AGENCY}", year: 2024) { id revision } }`,
    );
    const result = await api.gql(
      SET,
      {
        input: {
          reportId: report.data?.report.id,
          expectedRevision: report.data?.report.revision,
          changes: [{ key, value }],
          reason: 'audit filter test',
        },
      },
      token,
    );
    expect(result.errors).toBeUndefined();
  }

  async function audit(filter: Record<string, unknown>): Promise<AuditNode[]> {
    const result = await api.gql<{ auditLog: { edges: Array<{ node: AuditNode }> } }>(AUDIT, {
      filter,
    });
    expect(result.errors).toBeUndefined();
    return result.data?.auditLog.edges.map((edge) => edge.node) ?? [];
  }

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'auditfilter' });
    await loadSampleData(api.ledger);
    const created = await createToken(api.ledger.models.tokens, {
      name: '张三',
      role: 'editor',
      agencies: [AGENCY],
    });
    zhangSan = { id: created.id, token: created.token };
    const liSi = await createToken(api.ledger.models.tokens, {
      name: '李四',
      role: 'admin',
      agencies: [],
    });
    await edit(zhangSan.token, 't3.newReceived.naturalPerson', '5');
    await edit(liSi.token, 't3.newReceived.total', '6');
    await edit(zhangSan.token, 't2.licensing.decisions', '999');
    entries = unpacked(
      await api.ledger.models.changes.find({}).lean<StoredChangeDocument[]>().exec(),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given edits by 张三 and others, when filtering by the name, then only 张三’s changes', async () => {
    for (const filter of [{ actorName: '张三' }, { actor: '张三' }]) {
      const found = await audit(filter);
      expect(found.map((entry) => entry.key).sort()).toEqual([
        't2.licensing.decisions',
        't3.newReceived.naturalPerson',
      ]);
      expect(new Set(found.map((entry) => entry.actor.name))).toEqual(new Set(['张三']));
    }
  });

  it('given an actor id, as AuditEntry gives it or as the bare token id, then the same changes', async () => {
    const byName = await audit({ actorName: '张三' });
    const actorId = byName[0].actor.id;
    expect(actorId).toBe(`token:${zhangSan.id}`);
    for (const filter of [{ actorId }, { actor: actorId }, { actor: zhangSan.id }]) {
      expect((await audit(filter)).map((entry) => entry.eventId)).toEqual(
        byName.map((entry) => entry.eventId),
      );
    }
    expect(await audit({ actorId: '张三' })).toEqual([]);
  });

  it.each<[string, AuditFeedFilter]>([
    ['no filter', {}],
    ['a name', { actorName: '张三' }],
    ['the legacy actor field with a name', { actor: '李四' }],
    ['an agency and a kind', { agency: AGENCY, kinds: ['EDIT'] }],
    ['a figure key', { figureKey: 't3.newReceived.total' }],
    [
      'a name and a key that do not meet',
      { actorName: '李四', figureKey: 't2.licensing.decisions' },
    ],
    ['a time range in the future', { from: new Date('2999-01-01T00:00:00Z') }],
  ])(
    'given %s, then the query filter and the live predicate select the same entries',
    async (_, filter) => {
      const compiled = compileAuditFilter(filter);
      // The query selects documents: an entry, or a pack of an event's entries (an import's),
      // which may hold entries of other keys. Every entry the predicate selects is among them,
      // and every entry the query selects on its own is one the predicate selects.
      const documents = await api.ledger.models.changes
        .find(compiled.query)
        .lean<StoredChangeDocument[]>()
        .exec();
      const byPredicate = entries.filter(compiled.matches);
      const selected = new Set(unpacked(documents).map((entry) => entry._id));
      expect(byPredicate.filter((entry) => !selected.has(entry._id))).toEqual([]);
      const single = documents.filter((document) => !isPackedChangeEntries(document));
      expect(single.filter((entry) => !compiled.matches(entry as ChangeEntryDocument))).toEqual([]);
    },
  );

  it('given the kinds filter, then the live predicate knows the stored kind names', () => {
    const kinds = new Set(entries.map((entry) => entry.kind));
    expect(kinds.size).toBeGreaterThan(0);
    const all = compileAuditFilter({ kinds: [...kinds] });
    expect(entries.every(all.matches)).toBe(true);
  });
});
