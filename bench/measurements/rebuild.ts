// Projection rebuild (the real rebuild: fold every stream, write read models, history entries,
// snapshots) vs a raw cursor scan of the event log, in events per second.
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import type { Ledger } from '../../src/application/createLedger';
import type { BenchRow } from '../support/resultTable';
import { round } from '../support/stats';

export async function measureRebuild(
  ledger: Ledger,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  let start = performance.now();
  let scanned = 0;
  for await (const commit of ledger.db.collection('eventCommits').find({}).batchSize(1000)) {
    scanned += (commit.events as unknown[]).length;
  }
  const scanSeconds = (performance.now() - start) / 1000;

  start = performance.now();
  let lastReport = 0;
  const result = await rebuildProjections(ledger.projection, {
    progress: (events) => {
      if (events - lastReport >= 20_000) {
        lastReport = events;
        log(`  rebuild: ${events} events`);
      }
    },
  });
  const rebuildSeconds = (performance.now() - start) / 1000;
  const rebuildRate = result.events / rebuildSeconds;
  const scanRate = scanned / scanSeconds;
  return [
    {
      name: `Projection rebuild vs raw cursor scan of the event log (${result.events} events), events/s`,
      measured: `rebuild ${round(rebuildRate, 0)} events/s (${round(rebuildSeconds, 1)} s)`,
      baseline: `scan ${round(scanRate, 0)} events/s (${round(scanSeconds, 1)} s)`,
      ratio: rebuildRate / scanRate,
      target: { op: '>=', value: 0.5 },
    },
  ];
}
