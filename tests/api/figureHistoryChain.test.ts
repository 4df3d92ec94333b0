// A figure's history walks the previousEntryId links of its change entries by `_id` (the only
// lookup FerretDB serves from an index) and answers exactly what the query by report and key
// answers: same edges, cursors and pageInfo, for the current view, a past view, every page, and
// entries written before the links existed.
import type { CommandStartedEvent } from 'mongodb';
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import { changeHistory, historyStartOf } from '../../resolvers/changeHistory';
import type { RequestContext } from '../../resolvers/context';
import { toGlobalId } from '../../resolvers/globalId';
import { localAdminPrincipal } from '../../src/auth/principal';
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { changeEntryId, sectionKey } from '../../src/projections/changeEntries';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { findReportDocument } from '../../src/projections/storedReport';
import { reportStateAt } from '../../src/projections/timeTravel';
import { fixtureParser } from '../report/parsedReportFixture';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

const KEY = FIGURE_KEYS[0];
const OTHER = FIGURE_KEYS[1];
const SECTION = sectionKey('1');

const FIGURE_HISTORY = `query($id: ID!, $key: String!, $first: Int, $after: String, $at: Int) {
  reportById(id: $id, atRevision: $at) {
    revision
    figure(key: $key) {
      history(first: $first, after: $after) {
        edges { cursor node { eventId revision key from to } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
}`;

interface Page {
  edges: Array<{
    cursor: string;
    node: {
      eventId: string;
      revision: number;
      key: string | null;
      from: string | null;
      to: string | null;
    };
  }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

describe('figure history along previousEntryId links', () => {
  let api: ApiTestServer;
  let reportId: string;
  let id: string;
  let context: RequestContext;
  const admin = localAdminPrincipal('编辑甲');
  const finds: CommandStartedEvent[] = [];
  let recording = false;

  const revisionNow = async (): Promise<number> =>
    (await findReportDocument(api.ledger.models, reportId))!.revision;

  const setFigure = async (key: string, value: string, reason: string) => {
    const outcome = await api.ledger.services.setFigures(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      changes: [{ key, value }],
      reason,
    });
    return outcome.events[0].eventId;
  };

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'historychain',
      ledger: { parseDocument: fixtureParser, monitorCommands: true },
    });
    context = {
      ledger: api.ledger,
      limits: { maxPageSize: api.config.maxPageSize },
    } as unknown as RequestContext;
    // Another report in the same database: its entries must never show up.
    await api.ledger.services.importReport(admin, { document: '乙局|2024|1|6', reason: '导入' });
    const imported = await api.ledger.services.importReport(admin, {
      document: '甲局|2024|1|6',
      reason: '导入',
    });
    reportId = imported.report.reportId;
    id = toGlobalId('Report', reportId);
    await setFigure(KEY, '11', '第一次修改'); // 1
    const second = await setFigure(KEY, '12', '第二次修改'); // 2
    await setFigure(OTHER, '5', '另一个数字'); // 3
    await api.ledger.services.editNarrative(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      sections: [{ sectionId: '1', text: '改写的正文。', heading: null }],
      reason: '改正文',
    }); // 4
    await setFigure(KEY, '13', '第三次修改'); // 5
    await api.ledger.services.revertChange(admin, {
      reportId,
      eventId: second,
      expectedRevision: await revisionNow(),
      reason: '撤销第二次修改',
    }); // 6
    await api.ledger.services.setFigures(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      changes: [
        { key: KEY, value: '14' },
        { key: OTHER, value: '6' },
      ],
      reason: '两个一起改',
    }); // 7
    await api.ledger.services.publishReport(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      reason: '公开',
    }); // 8
    // The narrative section: removed, then written again (a link the state cannot give).
    await api.ledger.services.editNarrative(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      sections: [{ sectionId: '1', text: null, heading: null }],
      reason: '删去一节',
    }); // 9
    await api.ledger.services.editNarrative(admin, {
      reportId,
      expectedRevision: await revisionNow(),
      sections: [{ sectionId: '1', text: '重写的一节。', heading: '一、总体情况' }],
      reason: '补回一节',
    }); // 10
    const record = (event: CommandStartedEvent) => {
      if (recording && event.commandName === 'find') finds.push(event);
    };
    api.ledger.client.on('commandStarted', record);
    api.ledger.connection.getClient().on('commandStarted', record);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  async function figureHistory(
    key: string,
    first: number,
    after: string | null = null,
    at: number | null = null,
  ): Promise<{ revision: number; page: Page }> {
    const result = await api.gql<{
      reportById: { revision: number; figure: { history: Page } };
    }>(FIGURE_HISTORY, { id, key, first, after, at });
    expect(result.errors).toBeUndefined();
    return {
      revision: result.data!.reportById.revision,
      page: result.data!.reportById.figure.history,
    };
  }

  /** The answer of the query by report and key (what every history page used to run). */
  async function queried(
    key: string,
    maxRevision: number,
    first: number,
    after: string | null = null,
  ): Promise<Page> {
    const page = await changeHistory(context, { reportId, key, maxRevision }, first, after);
    return JSON.parse(
      JSON.stringify({
        edges: page.edges.map((edge) => ({
          cursor: edge.cursor,
          node: {
            eventId: edge.node.eventId,
            revision: edge.node.revision,
            key: edge.node.key,
            from: edge.node.from,
            to: edge.node.to,
          },
        })),
        pageInfo: page.pageInfo,
      }),
    ) as Page;
  }

  /** Pages of `first` edges from the start to the end, concatenated. */
  async function allPages(key: string, first: number, at: number | null = null): Promise<Page> {
    const edges: Page['edges'] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { page } = await figureHistory(key, first, after, at);
      expect(page.edges.length).toBeLessThanOrEqual(first);
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return {
      edges,
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  async function expectSameAsQuery(at: number | null): Promise<void> {
    for (const key of [KEY, OTHER, 'n.1.1']) {
      const { revision, page } = await figureHistory(key, 100, null, at);
      const expected = await queried(key, revision, 100);
      expect(page).toEqual(expected);
      expect(await allPages(key, 1, at)).toEqual(expected);
      expect(await allPages(key, 2, at)).toEqual(expected);
      // Every page on its own, from every cursor, equals the query's page from there.
      for (const edge of expected.edges) {
        expect((await figureHistory(key, 2, edge.cursor, at)).page).toEqual(
          await queried(key, revision, 2, edge.cursor),
        );
      }
      // (first: 0 is refused before anything runs: tests/api/pageSize.test.ts.)
    }
  }

  it('stored entries link each change of a key to the one it superseded', async () => {
    const rows = await api.ledger.models.changes
      .find({ reportId, key: KEY })
      .sort({ revision: -1 })
      .lean<ChangeEntryDocument[]>()
      .exec();
    expect(rows.map((row) => row.revision)).toEqual([7, 6, 5, 2, 1, 0]);
    rows.forEach((row, index) => {
      expect(row.previousEntryId).toBe(rows[index + 1]?._id ?? null);
    });
    // The report-wide entries (publication) carry no link; the re-added section's is unknown.
    const [published] = await api.ledger.models.changes
      .find({ reportId, revision: 8 })
      .lean<ChangeEntryDocument[]>()
      .exec();
    expect(published.key).toBeNull();
    expect('previousEntryId' in published).toBe(false);
    const sections = await api.ledger.models.changes
      .find({ reportId, key: SECTION })
      .sort({ revision: -1 })
      .lean<ChangeEntryDocument[]>()
      .exec();
    // The import wrote no entry for the section: its first edit has no earlier entry.
    expect(sections.map((row) => [row.revision, row.previousEntryId])).toEqual([
      [10, undefined],
      [9, changeEntryId(sections[2].eventId, SECTION)],
      [4, null],
    ]);
  });

  it('several edits and a revert: the whole history, and page by page, as the query gives it', async () => {
    const { page } = await figureHistory(KEY, 100);
    expect(page.edges.map((edge) => [edge.node.revision, edge.node.to])).toEqual([
      [7, '14'],
      [6, '11'],
      [5, '13'],
      [2, '12'],
      [1, '11'],
      [0, '0'],
    ]);
    await expectSameAsQuery(null);
  });

  it('a past view of the figure starts its history at that revision', async () => {
    const { revision, page } = await figureHistory(KEY, 100, null, 4);
    expect(revision).toBe(4);
    expect(page.edges.map((edge) => edge.node.revision)).toEqual([2, 1, 0]);
    await expectSameAsQuery(4);
    await expectSameAsQuery(0);
  });

  it("a narrative section's history: the link a removal breaks falls back to the query", async () => {
    const state = (await findReportDocument(api.ledger.models, reportId))!;
    const startEntryId = historyStartOf(state, SECTION);
    expect(startEntryId).toBeDefined();
    for (const first of [1, 2, 3, 10]) {
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const chained = await changeHistory(
          context,
          { reportId, key: SECTION, maxRevision: state.revision, startEntryId },
          first,
          after,
        );
        const plain = await changeHistory(
          context,
          { reportId, key: SECTION, maxRevision: state.revision },
          first,
          after,
        );
        expect(chained).toEqual(plain);
        if (!plain.pageInfo.hasNextPage) break;
        after = plain.pageInfo.endCursor;
      }
    }
    // Past views: edited once (revision 4), and as imported (no entries yet).
    for (const [atRevision, count] of [
      [5, 1],
      [3, 0],
      [9, 2],
    ] as const) {
      const past = (await reportStateAt(api.ledger.projection, reportId, { atRevision }))!;
      const start = historyStartOf(past, SECTION);
      if (atRevision === 3) expect(start).toBeNull();
      if (atRevision === 9) expect(start).toBeUndefined(); // removed at 9
      const chained = await changeHistory(
        context,
        { reportId, key: SECTION, maxRevision: atRevision, startEntryId: start },
        10,
        null,
      );
      expect(chained.edges).toHaveLength(count);
      expect(chained).toEqual(
        await changeHistory(context, { reportId, key: SECTION, maxRevision: atRevision }, 10, null),
      );
    }
  });

  it('a page of a figure history looks entries up by _id only', async () => {
    finds.length = 0;
    recording = true;
    const { page } = await figureHistory(KEY, 2);
    const second = await figureHistory(KEY, 2, page.pageInfo.endCursor);
    const past = await figureHistory(KEY, 100, null, 4);
    recording = false;
    expect(second.page.edges).toHaveLength(2);
    expect(past.page.edges).toHaveLength(3);
    const onChanges = finds.filter((event) => event.command.find === 'changes');
    // Page 1: 2 + 1 entries; page 2: the cursor's entry + 2 + 1; the past view: 3 (the last
    // one's link is null).
    expect(onChanges).toHaveLength(3 + 4 + 3);
    for (const event of onChanges) {
      const filter = event.command.filter as Record<string, unknown>;
      // An `_id` or the `_id`s an entry may be stored under (its own, its event's pack).
      expect(Object.keys(filter)).toEqual(['_id']);
      const ids = (filter._id as { $in?: unknown[] }).$in ?? [filter._id];
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
    }
  });

  it('entries written before the links existed give the same answers', async () => {
    // One link missing in the middle of the chain, then none at all.
    const middle = await api.ledger.models.changes
      .findOne({ reportId, key: KEY, revision: 5 })
      .lean<ChangeEntryDocument>()
      .exec();
    await api.ledger.models.changes.collection.updateOne({ _id: middle!._id } as never, {
      $unset: { previousEntryId: '' },
    });
    await expectSameAsQuery(null);
    await expectSameAsQuery(4);
    await api.ledger.models.changes.collection.updateMany({}, { $unset: { previousEntryId: '' } });
    expect(
      await api.ledger.models.changes.countDocuments({ previousEntryId: { $exists: true } }),
    ).toBe(0);
    await expectSameAsQuery(null);
    await expectSameAsQuery(4);
  });

  it('a rebuild writes the links again, as the projection wrote them', async () => {
    await rebuildProjections(api.ledger.projection);
    const rows = await api.ledger.models.changes
      .find({ reportId, key: KEY })
      .sort({ revision: -1 })
      .lean<ChangeEntryDocument[]>()
      .exec();
    rows.forEach((row, index) => {
      expect(row.previousEntryId).toBe(rows[index + 1]?._id ?? null);
    });
    const sections = await api.ledger.models.changes
      .find({ reportId, key: SECTION })
      .sort({ revision: -1 })
      .lean<ChangeEntryDocument[]>()
      .exec();
    expect(sections.map((row) => row.previousEntryId)).toEqual([undefined, sections[2]._id, null]);
    await expectSameAsQuery(null);
  });
});
