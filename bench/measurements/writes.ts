// setFigures end to end (HTTP, auth, decide, append, projection, response) vs the raw driver's
// insertOne of a document the size of one stored edit, both with 4 concurrent writers. The two
// alternate in rounds and the ratio is the median of each round's pair: the machine is shared,
// and a pair measured back to back sees about the same load.
import { ObjectId } from 'mongodb';
import { reportStreamId } from '../../events/report/ids';
import type { SyntheticReportRef } from '../generator/loadSyntheticLedger';
import { createRandom } from '../generator/prng';
import type { BenchRow } from '../support/resultTable';
import { sendGeneratedEdit } from '../support/sendGeneratedEdit';
import { median, round, throughput } from '../support/stats';
import type { BenchContext } from './benchContext';

const WRITERS = 4;
/** setFigures + insertOne pairs measured (odd: the median is one of them). */
const ROUNDS = 3;

export async function measureWrites(
  context: BenchContext,
  reports: readonly SyntheticReportRef[],
): Promise<BenchRow[]> {
  const { api, token, profile, ledger } = context;
  const targets = reports.slice(0, WRITERS).map((report) => ({ ...report }));
  if (targets.length < WRITERS) throw new Error('not enough reports to write to');
  const random = createRandom(profile.seed + 7);

  // The baseline document: a single-edit commit of the measured report (edited one commit per
  // API call), as the event store wrote it.
  const sample = await ledger.db
    .collection('eventCommits')
    .findOne({ streamId: reportStreamId(context.report.reportId), firstRevision: 1 });
  if (!sample) throw new Error('no stored edit to size the baseline document');
  const scratch = ledger.db.collection('benchScratchInserts');
  const { _id: _ignored, ...body } = sample;

  const rounds: Array<{ edits: number; inserts: number }> = [];
  for (let index = 0; index < ROUNDS; index++) {
    const e2e = await throughput(WRITERS, profile.writesPerWorker, (worker) =>
      sendGeneratedEdit(api, token, random, targets[worker]),
    );
    const raw = await throughput(WRITERS, profile.writesPerWorker, () =>
      scratch.insertOne({ ...body, _id: new ObjectId() } as never),
    );
    rounds.push({ edits: e2e.opsPerSecond, inserts: raw.opsPerSecond });
  }
  await scratch.drop().catch(() => undefined);
  const ratios = rounds.map((r) => r.edits / r.inserts);
  const ratio = median(ratios);
  const shown = rounds[ratios.indexOf(ratio)];
  const bytes = Buffer.byteLength(JSON.stringify(sample));
  return [
    {
      name: `setFigures end to end (HTTP) vs driver insertOne of an edit-sized document (~${round(bytes / 1024, 1)} KiB), ${WRITERS} writers, throughput`,
      measured: `${round(shown.edits, 1)} edits/s`,
      baseline: `${round(shown.inserts, 1)} inserts/s`,
      ratio,
      target: { op: '>=', value: 0.3 },
      note: `median of ${ROUNDS} rounds of ${WRITERS * profile.writesPerWorker} edits then as many inserts, ratios ${ratios.map((r) => round(r, 2)).join(', ')}`,
    },
  ];
}
