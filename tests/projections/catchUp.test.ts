// A write whose projection never happened (a crash after the append) is caught up at the next
// start, and by the follower of any process sharing the database.
import { decide } from '../../events/report/decide';
import { SCHEMA_VERSIONS } from '../../events/report/eventCatalog';
import { reportStreamId } from '../../events/report/ids';
import { localAdminPrincipal } from '../../src/auth/principal';
import {
  catchUpProjections,
  startProjectionFollower,
} from '../../src/projections/projectionFollower';
import { foldReportFromLog } from '../../src/projections/projectReport';
import { readDocumentOf, stateOf } from '../../src/projections/readModelDocument';
import { findReportDocument } from '../../src/projections/storedReport';
import { openHarness, type Harness } from './projectionHarness';

describe('projection catch-up', () => {
  let harness: Harness;
  let reportId: string;

  /** Appends an edit the way a process that crashed before projecting would leave it. */
  async function appendWithoutProjecting(value: string): Promise<void> {
    const document = await findReportDocument(harness.ledger.models, reportId);
    const stream = await harness.ledger.store.streamRevision(reportStreamId(reportId));
    const state =
      document && document.revision === stream
        ? stateOf(document)
        : await foldReportFromLog(harness.ledger.projection, reportId);
    const decided = decide(
      {
        type: 'SetFigures',
        expectedRevision: state!.revision,
        changes: [{ key: 't3.granted.total', value }],
      },
      state,
    );
    await harness.ledger.store.appendToStream(
      reportStreamId(reportId),
      decided.map((event) => ({
        type: event.type,
        schemaVersion: SCHEMA_VERSIONS[event.type],
        data: event.data,
        metadata: { actor: { id: 'local:cli', name: '另一个进程' }, reason: '崩溃前写入' },
      })),
      { expectedRevision: state!.revision },
    );
  }

  beforeAll(async () => {
    harness = await openHarness('catchup');
    const outcome = await harness.ledger.services.importReport(localAdminPrincipal(), {
      document: '丙局|2024',
      reason: '导入',
    });
    reportId = outcome.report.reportId;
    await catchUpProjections(harness.ledger.projection);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('catchUpProjections projects what a crash left behind', async () => {
    await appendWithoutProjecting('17');
    expect((await findReportDocument(harness.ledger.models, reportId))!.revision).toBe(0);
    const result = await catchUpProjections(harness.ledger.projection);
    expect(result.events).toBe(1);
    const document = await findReportDocument(harness.ledger.models, reportId);
    expect(document).toEqual(
      readDocumentOf((await foldReportFromLog(harness.ledger.projection, reportId))!),
    );
    expect((await harness.ledger.models.summaries.findById(reportId).lean().exec())!.revision).toBe(
      1,
    );
    expect(await harness.ledger.models.changes.countDocuments({ reportId, revision: 1 })).toBe(1);
  });

  it('a running follower projects appends it did not make', async () => {
    const follower = await startProjectionFollower(harness.ledger.projection, {
      pollIntervalMs: 50,
    });
    try {
      const seen = new Promise<void>((resolve) => {
        // The follower may first replay older positions; wait for the batch holding revision 2.
        const off = follower.onProjected((events) => {
          if (events.some((event) => event.revision === 2)) {
            off();
            resolve();
          }
        });
      });
      await appendWithoutProjecting('23');
      await seen;
      const document = await findReportDocument(harness.ledger.models, reportId);
      expect(document!.revision).toBe(2);
      expect(document!.figures.find((figure) => figure.key === 't3.granted.total')!.value).toBe(
        '23',
      );
    } finally {
      await follower.stop();
    }
  });

  it('catch-up projects a commit whose writer died before writing its lookups', async () => {
    await catchUpProjections(harness.ledger.projection);
    const before = (await findReportDocument(harness.ledger.models, reportId))!.revision;
    await appendWithoutProjecting('31');
    // What a SIGKILL between the commit insert and its lookups leaves: the commit is in the log,
    // but the stream's pointer to it (and the head hints) are not.
    const lookups = harness.database.db.collection<{ _id: string }>(
      harness.ledger.store.lookupCollectionName,
    );
    const pointer = `s:${JSON.stringify([reportStreamId(reportId), before + 1])}`;
    expect((await lookups.deleteOne({ _id: pointer })).deletedCount).toBe(1);
    await lookups.deleteMany({ _id: { $in: ['h:log', `h:s:${reportStreamId(reportId)}`] } });
    await catchUpProjections(harness.ledger.projection);
    const document = await findReportDocument(harness.ledger.models, reportId);
    expect(document!.revision).toBe(before + 1);
    expect(document!.figures.find((figure) => figure.key === 't3.granted.total')!.value).toBe('31');
    // The missing lookups were written: stream reads (history, time travel, appends) see it too.
    const stream = await harness.ledger.store.readStream(reportStreamId(reportId));
    expect(stream[stream.length - 1].revision).toBe(before + 1);
    expect(await harness.ledger.store.streamRevision(reportStreamId(reportId))).toBe(before + 1);
  });
});
