// Bench sizes. BENCH_PROFILE=quick runs in a few minutes; full runs the numbers as far
// as this machine allows. BENCH_LARGE_EVENTS overrides the size of the large log.

export interface BenchProfile {
  name: 'quick' | 'full';
  /** Events in the log for the "10k" measurements. */
  smallEvents: number;
  /** Events in the log for the "1M" measurements. */
  largeEvents: number;
  /** Sequential requests per latency measurement. */
  latencyRuns: number;
  /** Sequential requests per history / asOf / atRevision / diff measurement (slow on FerretDB). */
  timeTravelRuns: number;
  autocannonSeconds: number;
  /** setFigures calls per writer (4 writers). */
  writesPerWorker: number;
  /** Edits of the measured report made through the API (history, asOf, diff read these). */
  apiEdits: number;
  seed: number;
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`${name}: expected a whole number, got "${raw}"`);
  return Number(raw);
}

export function benchProfile(env: NodeJS.ProcessEnv = process.env): BenchProfile {
  const name = env.BENCH_PROFILE?.trim() || 'full';
  if (name !== 'quick' && name !== 'full') {
    throw new Error(`BENCH_PROFILE: expected "quick" or "full", got "${name}"`);
  }
  const base: BenchProfile =
    name === 'quick'
      ? {
          name,
          smallEvents: 2_000,
          largeEvents: 10_000,
          latencyRuns: 30,
          timeTravelRuns: 5,
          autocannonSeconds: 20,
          writesPerWorker: 10,
          apiEdits: 30,
          seed: 2024,
        }
      : {
          name,
          smallEvents: 10_000,
          largeEvents: 100_000,
          latencyRuns: 150,
          timeTravelRuns: 20,
          autocannonSeconds: 30,
          writesPerWorker: 40,
          apiEdits: 150,
          seed: 2024,
        };
  const small = positive(env, 'BENCH_SMALL_EVENTS') ?? base.smallEvents;
  const large = positive(env, 'BENCH_LARGE_EVENTS') ?? base.largeEvents;
  if (large <= small) throw new Error('BENCH_LARGE_EVENTS must be larger than BENCH_SMALL_EVENTS');
  return {
    ...base,
    smallEvents: small,
    largeEvents: large,
    seed: positive(env, 'BENCH_SEED') ?? base.seed,
  };
}
