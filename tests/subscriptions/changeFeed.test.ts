// The change feed follows the log from the head at the first listener, and after a failed
// read resumes from its checkpoint: nothing skipped, nothing twice.
import { decide } from '../../events/report/decide';
import { SCHEMA_VERSIONS } from '../../events/report/eventCatalog';
import { reportStreamId } from '../../events/report/ids';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { projectReport } from '../../src/projections/projectReport';
import { stateOf } from '../../src/projections/readModelDocument';
import { findReportDocument } from '../../src/projections/storedReport';
import { ChangeFeed, type ReportChangeNotice } from '../../src/subscriptions/changeFeed';
import type { ReadAllOptions } from '../../events/store/types';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { eventually, seedReport } from './support/liveClient';

let database: TestDatabase;
let ledger: Ledger;

beforeAll(async () => {
  database = await openTestDatabase('change_feed');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
});

afterAll(async () => {
  await ledger?.close();
  await database?.drop();
});

it('starts at the head, survives a failed read, delivers each change once and in order', async () => {
  const before = await seedReport(ledger, '示例县变更流测试局', 2024, 4);
  let failNextRead = false;
  const errors: unknown[] = [];
  const log = {
    headPosition: () => ledger.store.headPosition(),
    readStream: ledger.store.readStream.bind(ledger.store),
    readAll: async (options?: ReadAllOptions) => {
      if (failNextRead) {
        failNextRead = false;
        throw new Error('database restarting');
      }
      return ledger.store.readAll(options);
    },
  };
  const feed = new ChangeFeed(log, {
    pollIntervalMs: 20,
    retryDelayMs: 50,
    onError: (error) => errors.push(error),
  });
  const notices: ReportChangeNotice[] = [];
  const unlisten = await feed.listen((batch) => notices.push(...batch));
  let revision = before.revision;
  const edit = async (value: string) => {
    const outcome = await ledger.services.setFigures(
      { kind: 'local', name: 'feed test' },
      {
        reportId: before.reportId,
        expectedRevision: revision,
        changes: [{ key: 't2.penalty.decisions', value }],
        reason: 'feed',
      },
    );
    revision = outcome.report.revision;
  };
  await edit('1');
  await eventually(() => notices.length === 1, 'the first edit arrives');
  failNextRead = true;
  await edit('2');
  await edit('3');
  await eventually(() => notices.flatMap((n) => n.entries).length === 3, 'all three edits arrive');
  expect(errors).toHaveLength(1);
  // The import happened before anyone listened: not delivered.
  expect(notices.flatMap((notice) => notice.entries.map((entry) => entry.to))).toEqual([
    '1',
    '2',
    '3',
  ]);
  expect(notices.every((notice) => notice.reportId === before.reportId)).toBe(true);
  expect(notices[notices.length - 1].revision).toBe(revision);
  unlisten();
  await eventually(() => feed.checkpoint === null, 'the feed goes idle without listeners');
  await feed.stop();
});

it('a subscriber told about a revision finds the read model at that revision', async () => {
  const before = await seedReport(ledger, '示例县读模型通知测试局', 2024, 2);
  const projection = ledger.projection;
  const feed = new ChangeFeed(ledger.store, {
    pollIntervalMs: 20,
    beforeDeliver: async (notices) => {
      for (const notice of notices) await projectReport(projection, notice.reportId);
    },
  });
  const seen: Array<{ notified: number; readModel: number | null }> = [];
  const pending: Array<Promise<void>> = [];
  const unlisten = await feed.listen((batch) => {
    for (const notice of batch) {
      pending.push(
        findReportDocument(ledger.models, notice.reportId).then((document) => {
          seen.push({ notified: notice.revision, readModel: document?.revision ?? null });
        }),
      );
    }
  });
  // What a writer leaves between its commit and its projection: the event is in the log only.
  const state = stateOf((await findReportDocument(ledger.models, before.reportId))!);
  const decided = decide(
    {
      type: 'SetFigures',
      expectedRevision: state.revision,
      changes: [{ key: 't2.penalty.decisions', value: '9' }],
    },
    state,
  );
  await ledger.store.appendToStream(
    reportStreamId(before.reportId),
    decided.map((event) => ({
      type: event.type,
      schemaVersion: SCHEMA_VERSIONS[event.type],
      data: event.data,
      metadata: { actor: { id: 'local:test', name: '写入者' }, reason: '尚未投影' },
    })),
    { expectedRevision: state.revision },
  );
  await eventually(() => seen.length === 1, 'the notice arrives');
  await Promise.all(pending);
  expect(seen).toEqual([{ notified: state.revision + 1, readModel: state.revision + 1 }]);
  unlisten();
  await feed.stop();
});
