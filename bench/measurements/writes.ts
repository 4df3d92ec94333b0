// setFigures end to end (HTTP, auth, decide, append, projection, response) vs the raw driver's
// insertOne of a document the size of one stored edit, both with 4 concurrent writers.
import { ObjectId } from 'mongodb';
import { reportStreamId } from '../../events/report/ids';
import { toGlobalId } from '../../resolvers/globalId';
import { applyEdit, generateEdit } from '../generator/edits';
import type { SyntheticReportRef } from '../generator/loadSyntheticLedger';
import { createRandom } from '../generator/prng';
import { SET_FIGURES } from '../queries';
import type { BenchRow } from '../support/resultTable';
import { round, throughput } from '../support/stats';
import type { BenchContext } from './benchContext';

const WRITERS = 4;

export async function measureWrites(
  context: BenchContext,
  reports: readonly SyntheticReportRef[],
): Promise<BenchRow[]> {
  const { api, token, profile, ledger } = context;
  const targets = reports.slice(0, WRITERS).map((report) => ({ ...report }));
  if (targets.length < WRITERS) throw new Error('not enough reports to write to');
  const random = createRandom(profile.seed + 7);
  const e2e = await throughput(WRITERS, profile.writesPerWorker, async (worker) => {
    const target = targets[worker];
    const edit = generateEdit(random, target.values);
    const response = await api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId: toGlobalId('Report', target.reportId),
          expectedRevision: target.revision,
          changes: edit.changes,
          reason: edit.reason,
        },
      },
      token,
    );
    if (!response.data) throw new Error(`setFigures failed: ${JSON.stringify(response.errors)}`);
    target.revision = response.data.setFigures.revision;
    target.values = applyEdit(target.values, edit);
  });

  // The baseline document: a single-edit commit of the measured report (edited one commit per
  // API call), as the event store wrote it.
  const sample = await ledger.db
    .collection('eventCommits')
    .findOne({ streamId: reportStreamId(context.report.reportId), firstRevision: 1 });
  if (!sample) throw new Error('no stored edit to size the baseline document');
  const scratch = ledger.db.collection('benchScratchInserts');
  const { _id: _ignored, ...body } = sample;
  const raw = await throughput(WRITERS, profile.writesPerWorker, () =>
    scratch.insertOne({ ...body, _id: new ObjectId() } as never),
  );
  await scratch.drop().catch(() => undefined);
  const bytes = Buffer.byteLength(JSON.stringify(sample));
  return [
    {
      name: `setFigures end to end (HTTP) vs driver insertOne of an edit-sized document (~${round(bytes / 1024, 1)} KiB), ${WRITERS} writers, throughput`,
      measured: `${round(e2e.opsPerSecond, 1)} edits/s`,
      baseline: `${round(raw.opsPerSecond, 1)} inserts/s`,
      ratio: e2e.opsPerSecond / raw.opsPerSecond,
      target: { op: '>=', value: 0.3 },
    },
  ];
}
