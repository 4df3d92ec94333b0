// Reads what the ledger holds for one report: its whole stream from the event store (the
// ground truth) and its history through the API (what users see).
import { reportStreamId } from '../../../events/report/ids';
import type { RecordedEvent } from '../../../events/store/types';
import { reportIdFromInput } from '../../../resolvers/globalId';
import type { Ledger } from '../../../src/application/createLedger';
import type { GraphqlClient, GraphqlResponse } from './graphqlClient';

export function streamIdOf(globalReportId: string): string {
  const reportId = reportIdFromInput(globalReportId);
  if (!reportId) throw new Error(`not a report id: ${globalReportId}`);
  return reportStreamId(reportId);
}

export function readReportStream(ledger: Ledger, globalReportId: string): Promise<RecordedEvent[]> {
  return ledger.store.readStream(streamIdOf(globalReportId));
}

export interface HistoryEntry {
  eventId: string;
  revision: number;
  key: string | null;
  from: string | null;
  to: string | null;
}

// `key: null` is explicit because an omitted key currently reaches the resolver as undefined
// and filters everything out (resolvers/changeHistory.ts tests `key !== null`; reported).
interface HistoryPage {
  edges: Array<{ node: HistoryEntry }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const HISTORY = `query History($id: ID!, $after: String) {
  reportById(id: $id) {
    history(first: 100, after: $after, key: null) {
      edges { node { eventId revision key from to } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** Every history entry of a report through the API, following the cursor to the end. */
export async function readApiHistory(
  api: GraphqlClient,
  globalReportId: string,
): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const response: GraphqlResponse<{ reportById: { history: HistoryPage } }> = await api.request(
      HISTORY,
      { id: globalReportId, after },
    );
    if (!response.data) throw new Error(`history failed: ${JSON.stringify(response.errors)}`);
    const page: HistoryPage = response.data.reportById.history;
    entries.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return entries;
    after = page.pageInfo.endCursor;
  }
}
