// Figure history, asOf, atRevision and diff latency of one report, measured once with the small
// log and again after the log has grown; the ratio large/small shows whether cost follows the
// log's size (it should follow only the report's own history).
import { AS_OF, AT_REVISION, DIFF, FIGURE_HISTORY } from '../queries';
import { latencies, median } from '../support/stats';
import type { BenchContext } from './benchContext';

export interface TimeTravelMedians {
  history: number;
  asOf: number;
  atRevision: number;
  diff: number;
}

export async function measureTimeTravel(context: BenchContext): Promise<TimeTravelMedians> {
  const { api, report, profile } = context;
  const run = async (query: string, variables: Record<string, unknown>): Promise<number> => {
    const check = await api.request(query, variables);
    if (check.errors.length > 0) throw new Error(JSON.stringify(check.errors));
    return median(await latencies(profile.timeTravelRuns, 1, () => api.request(query, variables)));
  };
  return {
    history: await run(FIGURE_HISTORY, { id: report.id, key: report.editedKey }),
    asOf: await run(AS_OF, {
      agency: report.agency,
      year: report.year,
      asOf: report.midpoint.toISOString(),
    }),
    atRevision: await run(AT_REVISION, {
      id: report.id,
      revision: Math.max(1, report.revision - 1),
    }),
    diff: await run(DIFF, { id: report.id, from: 1, to: report.revision }),
  };
}
