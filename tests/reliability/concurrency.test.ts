// 64 editors at once through GraphQL over HTTP, on one figure and on 64 different figures of
// one report: every acknowledged edit is in the history exactly once, every other attempt got
// CONFLICT, and the report's revisions have no gaps. Figure-level concurrency: editors of
// different figures from the same revision all succeed at the first attempt (0 CONFLICT); on one
// figure exactly one of the editors starting from the same revision wins.
import { FIGURE_KEYS } from '../../src/domain/format/figureCatalog';
import { readApiHistory, readReportStream } from './support/history';
import {
  createTokens,
  startLedgerServer,
  type RunningLedgerServer,
  type Tokens,
} from './support/ledgerServer';
import { reliabilityProfile } from './support/profile';
import { importSyntheticReport, SET_FIGURES, type ImportedReport } from './support/reportFixture';

const profile = reliabilityProfile();
const AGENCY = '示例县并发测试局';
// Each editor retries a CONFLICT from the revision the error reports, like a real client.
const MAX_ATTEMPTS = profile.name === 'full' ? 6 : 2;

interface Attempt {
  editor: number;
  attempt: number;
  key: string;
  value: string;
  outcome: 'acknowledged' | 'conflict' | 'other';
  eventId?: string;
  revision?: number;
  detail?: string;
}

let running: RunningLedgerServer;
let tokens: Tokens;

beforeAll(async () => {
  running = await startLedgerServer('concurrency');
  tokens = await createTokens(running.ledger, AGENCY);
});

afterAll(async () => {
  await running?.stop();
});

/** One editor: read the revision, try the edit, retry on CONFLICT a few times. */
async function editor(
  report: ImportedReport,
  index: number,
  key: string,
  value: string,
): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let expectedRevision = report.revision;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const response = await running.api.request<{
      setFigures: { revision: number; changes: Array<{ eventId: string }> };
    }>(
      SET_FIGURES,
      {
        input: {
          reportId: report.id,
          expectedRevision,
          changes: [{ key, value }],
          reason: `editor ${index} attempt ${attempt}`,
        },
      },
      tokens.editorInScope,
    );
    if (response.data?.setFigures) {
      attempts.push({
        editor: index,
        attempt,
        key,
        value,
        outcome: 'acknowledged',
        eventId: response.data.setFigures.changes[0]?.eventId,
        revision: response.data.setFigures.revision,
      });
      return attempts;
    }
    const conflict = response.code === 'CONFLICT';
    attempts.push({
      editor: index,
      attempt,
      key,
      value,
      outcome: conflict ? 'conflict' : 'other',
      detail: `${response.status} ${JSON.stringify(response.errors)}`,
    });
    if (!conflict) return attempts;
    const current = response.errors[0]?.extensions?.currentRevision;
    expectedRevision = typeof current === 'number' ? current : expectedRevision + 1;
  }
  return attempts;
}

async function assertLedgerAgrees(report: ImportedReport, attempts: Attempt[]): Promise<void> {
  expect(attempts.filter((attempt) => attempt.outcome === 'other')).toEqual([]);
  const acknowledged = attempts.filter((attempt) => attempt.outcome === 'acknowledged');
  expect(acknowledged.length).toBeGreaterThan(0);

  // Ground truth: the stream has revisions 0..n without gaps, one per acknowledged edit.
  const stream = await readReportStream(running.ledger, report.id);
  expect(stream.map((event) => event.revision)).toEqual(stream.map((_, index) => index));
  const edits = stream.filter((event) => event.revision > report.revision);
  expect(edits).toHaveLength(acknowledged.length);

  // Each acknowledged edit exactly once, in the log and in the API's history, at its revision.
  const history = await readApiHistory(running.api, report.id);
  for (const ack of acknowledged) {
    expect(edits.filter((event) => event.eventId === ack.eventId)).toHaveLength(1);
    const entries = history.filter((entry) => entry.eventId === ack.eventId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ key: ack.key, to: ack.value, revision: ack.revision });
  }
  const acknowledgedRevisions = acknowledged
    .map((ack) => ack.revision)
    .sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(acknowledgedRevisions).toEqual(
    acknowledged.map((_, index) => report.revision + 1 + index),
  );
}

describe(`${profile.editors} concurrent editors over HTTP`, () => {
  it('on one figure: acknowledged edits exactly once, the rest CONFLICT, no revision gaps', async () => {
    const report = await importSyntheticReport(running.api, tokens.admin, {
      agency: AGENCY,
      year: 2023,
      seed: 7,
    });
    const key = 't3.granted.naturalPerson';
    const attempts = (
      await Promise.all(
        Array.from({ length: profile.editors }, (_, index) =>
          editor(report, index, key, String(1000 + index)),
        ),
      )
    ).flat();
    await assertLedgerAgrees(report, attempts);
    // From the same revision, exactly one editor of the figure wins; the others' CONFLICT names
    // the figure and who changed it.
    const first = attempts.filter((attempt) => attempt.attempt === 0);
    expect(first.filter((attempt) => attempt.outcome === 'acknowledged')).toHaveLength(1);
    for (const conflict of first.filter((attempt) => attempt.outcome === 'conflict')) {
      expect(conflict.detail).toContain(key);
    }
    // The last acknowledged value is the figure's current value.
    const last = attempts
      .filter((attempt) => attempt.outcome === 'acknowledged')
      .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
    const figure = await running.api.request<{ reportById: { figure: { value: string } } }>(
      `query F($id: ID!, $key: String!) { reportById(id: $id) { figure(key: $key) { value } } }`,
      { id: report.id, key },
    );
    expect(figure.data?.reportById.figure.value).toBe(last.value);
  });

  it('on different figures of one report: every edit acknowledged at once, 0 CONFLICT, each exactly once and kept', async () => {
    const report = await importSyntheticReport(running.api, tokens.admin, {
      agency: AGENCY,
      year: 2024,
      seed: 8,
    });
    const keys = FIGURE_KEYS.filter((key) => key.startsWith('t3.')).slice(0, profile.editors);
    const attempts = (
      await Promise.all(keys.map((key, index) => editor(report, index, key, String(5000 + index))))
    ).flat();
    await assertLedgerAgrees(report, attempts);
    const acknowledged = attempts.filter((attempt) => attempt.outcome === 'acknowledged');
    process.stdout.write(
      `different figures: ${attempts.length} attempts, ${attempts.filter((attempt) => attempt.outcome === 'conflict').length} CONFLICT, ${acknowledged.length} acknowledged, ${acknowledged.length - new Set(acknowledged.map((ack) => ack.eventId)).size} duplicates\n`,
    );
    expect(attempts.filter((attempt) => attempt.outcome === 'conflict')).toEqual([]);
    expect(acknowledged).toHaveLength(keys.length);
    expect(keys).toHaveLength(profile.editors);
    expect(new Set(acknowledged.map((ack) => ack.eventId)).size).toBe(keys.length);
    const values = await running.api.request<{
      reportById: { figures: Array<{ key: string; value: string | null }> };
    }>(`query V($id: ID!) { reportById(id: $id) { figures { key value } } }`, { id: report.id });
    const byKey = new Map(
      values.data?.reportById.figures.map((figure) => [figure.key, figure.value]),
    );
    for (const ack of attempts.filter((attempt) => attempt.outcome === 'acknowledged')) {
      expect(byKey.get(ack.key)).toBe(ack.value);
    }
  });
});
