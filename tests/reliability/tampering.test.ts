// Tampering: events altered, deleted or reordered directly in the database (raw driver, past
// the event store's API) are detected by verifyAll and surfaced by the API's ledgerIntegrity
// and, when the route exists, /readyz.
import type { Collection, Document } from 'mongodb';
import { streamIdOf } from './support/history';
import {
  createTokens,
  startLedgerServer,
  type RunningLedgerServer,
  type Tokens,
} from './support/ledgerServer';
import { importSyntheticReport, SET_FIGURES } from './support/reportFixture';

const AGENCY = '示例县篡改测试局';
const COMMITS = 'eventCommits';

interface Scenario {
  running: RunningLedgerServer;
  tokens: Tokens;
  streamId: string;
  commits: Collection<Document>;
}

const started: RunningLedgerServer[] = [];

afterAll(async () => {
  for (const running of started) await running.stop();
});

/** A report with three figure edits after its import: revisions 0..3, one commit each. */
async function scenario(label: string, env: Record<string, string> = {}): Promise<Scenario> {
  const running = await startLedgerServer(`tamper_${label}`, env);
  started.push(running);
  const tokens = await createTokens(running.ledger, AGENCY);
  const report = await importSyntheticReport(running.api, tokens.admin, {
    agency: AGENCY,
    year: 2024,
    seed: 11,
  });
  let revision = report.revision;
  for (const value of ['101', '202', '303']) {
    const response = await running.api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId: report.id,
          expectedRevision: revision,
          changes: [{ key: 't2.penalty.decisions', value }],
          reason: 'before tampering',
        },
      },
      tokens.editorInScope,
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    revision = response.data.setFigures.revision;
  }
  const verified = await running.ledger.store.verifyAll();
  expect(verified.ok).toBe(true);
  return {
    running,
    tokens,
    streamId: streamIdOf(report.id),
    commits: running.database.db.collection(COMMITS),
  };
}

interface ApiIntegrity {
  ok: boolean;
  failures: Array<{ streamId: string; revision: number; problem: string }>;
}

async function apiIntegrity(running: RunningLedgerServer): Promise<ApiIntegrity> {
  const response = await running.api.request<{ ledgerIntegrity: ApiIntegrity }>(
    '{ ledgerIntegrity { ok failures { streamId revision problem } } }',
  );
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.ledgerIntegrity;
}

async function readyStatus(running: RunningLedgerServer): Promise<number> {
  const response = await fetch(`${running.origin}/readyz`);
  await response.text();
  return response.status;
}

async function commitAt(target: Scenario, revision: number): Promise<Document> {
  const commit = await target.commits.findOne({
    streamId: target.streamId,
    firstRevision: revision,
  });
  if (!commit) throw new Error(`no commit at revision ${revision}`);
  return commit;
}

async function expectDetected(target: Scenario, revision: number | null): Promise<void> {
  const verified = await target.running.ledger.store.verifyAll();
  expect(verified.ok).toBe(false);
  if (revision !== null) {
    expect(verified.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ streamId: target.streamId, revision })]),
    );
  }
  const integrity = await apiIntegrity(target.running);
  expect(integrity.ok).toBe(false);
  if (revision !== null) {
    expect(integrity.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ streamId: target.streamId, revision })]),
    );
  }
}

describe('tampering with stored events is detected', () => {
  it('an altered event value (content_altered at its revision)', async () => {
    const target = await scenario('alter');
    const commit = await commitAt(target, 2);
    const events = commit.events as Array<{ dataJson: string }>;
    expect(events[0].dataJson).toContain('"202"');
    await target.commits.updateOne(
      { _id: commit._id },
      { $set: { 'events.0.dataJson': events[0].dataJson.replace('"202"', '"999"') } },
    );
    await expectDetected(target, 2);
    const verified = await target.running.ledger.store.verifyAll();
    expect(verified.failures[0].problem).toBe('content_altered');
  });

  it('a deleted event in the middle of a stream', async () => {
    const target = await scenario('delete_middle');
    await target.commits.deleteOne({ _id: (await commitAt(target, 2))._id });
    await expectDetected(target, null);
    const verified = await target.running.ledger.store.verifyAll();
    expect(verified.failures.some((failure) => failure.streamId === target.streamId)).toBe(true);
  });

  it("a deleted stream's last event (seen through the global positions)", async () => {
    const target = await scenario('delete_last');
    // Another report written afterwards, so the deleted commit is not the log's newest.
    await importSyntheticReport(target.running.api, target.tokens.admin, {
      agency: AGENCY,
      year: 2025,
      seed: 12,
    });
    await target.commits.deleteOne({ _id: (await commitAt(target, 3))._id });
    await expectDetected(target, null);
    const verified = await target.running.ledger.store.verifyAll();
    expect(verified.unaccountedPositions?.length ?? 0).toBeGreaterThan(0);
  });

  // Deleting the log's newest commit leaves no hole below the head and no broken chain; the
  // lookups written after every commit still remember it.
  it("the log's newest event deleted", async () => {
    const target = await scenario('delete_newest');
    await target.commits.deleteOne({ _id: (await commitAt(target, 3))._id });
    await expectDetected(target, null);
  });

  it('two events swapped (reordered revisions)', async () => {
    const target = await scenario('reorder');
    const first = await commitAt(target, 1);
    const second = await commitAt(target, 2);
    // Swap what the two commits hold, keeping each commit's own revision numbers.
    const swap = (from: Document, into: Document) => ({
      events: (from.events as Array<Record<string, unknown>>).map((event, index) => ({
        ...event,
        revision: (into.events as Array<{ revision: number }>)[index].revision,
      })),
      eventIds: from.eventIds,
      lastHash: from.lastHash,
    });
    // Event ids are unique across commits: park the first commit's ids while swapping.
    await target.commits.updateOne({ _id: first._id }, { $set: { eventIds: ['parked'] } });
    await target.commits.updateOne({ _id: second._id }, { $set: swap(first, second) });
    await target.commits.updateOne({ _id: first._id }, { $set: swap(second, first) });
    await expectDetected(target, 1);
  });

  it('/readyz reports the broken ledger', async () => {
    // Interval 0: readiness verifies the chain on every probe instead of every 5 minutes.
    const target = await scenario('readyz', { INTEGRITY_CHECK_INTERVAL_SECONDS: '0' });
    expect(await readyStatus(target.running)).toBe(200);
    const commit = await commitAt(target, 1);
    const events = commit.events as Array<{ dataJson: string }>;
    await target.commits.updateOne(
      { _id: commit._id },
      { $set: { 'events.0.dataJson': events[0].dataJson.replace('"101"', '"111"') } },
    );
    expect(await readyStatus(target.running)).toBe(503);
  });
});
