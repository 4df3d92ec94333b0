// Small statistics for the bench: medians and timed loops (wall clock, performance.now()).

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Latencies (ms) of `runs` sequential calls after `warmup` unmeasured ones. */
export async function latencies(
  runs: number,
  warmup: number,
  call: () => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Operations per second of `workers` loops each calling `call` `perWorker` times. */
export async function throughput(
  workers: number,
  perWorker: number,
  call: (worker: number, index: number) => Promise<unknown>,
): Promise<{ opsPerSecond: number; operations: number; seconds: number }> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = 0; index < perWorker; index++) await call(worker, index);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const operations = workers * perWorker;
  return { opsPerSecond: operations / seconds, operations, seconds };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
