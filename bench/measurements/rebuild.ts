// Projection rebuild (the real rebuild: fold every stream, write read models, history entries,
// snapshots) vs a raw cursor scan of the event log, in events per second. The two alternate in
// rounds and the ratio is the median of each round's pair: the machine is shared, and a pair
// measured back to back sees about the same load, where one scan and one rebuild minutes
// apart may not.
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import type { Ledger } from '../../src/application/createLedger';
import type { BenchRow } from '../support/resultTable';
import { median, round } from '../support/stats';

/** Scan + rebuild pairs measured. */
const ROUNDS = 3;

interface Round {
  scanRate: number;
  scanSeconds: number;
  rebuildRate: number;
  rebuildSeconds: number;
  events: number;
}

async function scan(ledger: Ledger): Promise<{ events: number; seconds: number }> {
  const start = performance.now();
  let events = 0;
  for await (const commit of ledger.db.collection('eventCommits').find({}).batchSize(1000)) {
    events += (commit.events as unknown[]).length;
  }
  return { events, seconds: (performance.now() - start) / 1000 };
}

export async function measureRebuild(
  ledger: Ledger,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const rounds: Round[] = [];
  for (let index = 0; index < ROUNDS; index++) {
    const scanned = await scan(ledger);
    const start = performance.now();
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
    rounds.push({
      scanRate: scanned.events / scanned.seconds,
      scanSeconds: scanned.seconds,
      rebuildRate: result.events / rebuildSeconds,
      rebuildSeconds,
      events: result.events,
    });
    log(
      `  rebuild round ${index + 1}: ${round(result.events / rebuildSeconds, 0)} events/s vs scan ${round(scanned.events / scanned.seconds, 0)} events/s`,
    );
  }
  const ratios = rounds.map((r) => r.rebuildRate / r.scanRate);
  const ratio = median(ratios);
  // The round whose ratio is the median (ROUNDS is odd) gives the rates shown.
  const shown = rounds[ratios.indexOf([...ratios].sort((a, b) => a - b)[ratios.length >> 1])];
  return [
    {
      name: `Projection rebuild vs raw cursor scan of the event log (${shown.events} events), events/s`,
      measured: `rebuild ${round(shown.rebuildRate, 0)} events/s (${round(shown.rebuildSeconds, 1)} s)`,
      baseline: `scan ${round(shown.scanRate, 0)} events/s (${round(shown.scanSeconds, 1)} s)`,
      ratio,
      target: { op: '>=', value: 0.5 },
      note: `median of ${ROUNDS} scan + rebuild rounds, ratios ${ratios.map((r) => round(r, 2)).join(', ')}`,
    },
  ];
}
