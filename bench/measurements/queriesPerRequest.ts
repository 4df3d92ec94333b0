// Database queries per GraphQL request for the report list with agencies and last editors, at
// 10 and 100 rows. The API runs in this process (same code as the server) on a ledger with
// driver command monitoring, and every command started during the request is counted.
import type { CommandStartedEvent } from 'mongodb';
import pino from 'pino';
import { openLedger } from '../../src/application/createLedger';
import { loadConfig } from '../../src/config';
import { createHttpServer } from '../../src/server/createHttpServer';
import {
  AT_REVISION,
  DIFF,
  FIGURE_HISTORY,
  FULL_REPORT,
  REPORT_LIST,
  SET_FIGURES,
} from '../queries';
import { graphqlClient } from '../support/graphqlClient';
import type { BenchRow } from '../support/resultTable';
import type { BenchContext } from './benchContext';

/** Connection chatter and cursor cleanup (killCursors releases a cursor), not queries. */
const NOT_QUERIES = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'ping',
  'endSessions',
  'saslStart',
  'saslContinue',
  'buildInfo',
  'killCursors',
]);

const REVISION = `query Revision($id: ID!) { reportById(id: $id) { revision } }`;

/** Every command one setFigures issues (the measured report; two edits, the second counted). */
async function countSetFigures(
  context: BenchContext,
  api: ReturnType<typeof graphqlClient>,
  commands: CommandStartedEvent[],
): Promise<{ commands: number; names: string }> {
  const { report, token } = context;
  let counted = { commands: 0, names: '' };
  for (let round = 0; round < 2; round++) {
    const current = await api.request<{ reportById: { revision: number } }>(REVISION, {
      id: report.id,
    });
    if (!current.data) throw new Error(JSON.stringify(current.errors));
    commands.length = 0;
    const response = await api.request<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId: report.id,
          expectedRevision: current.data.reportById.revision,
          changes: [{ key: report.editedKey, value: String(5000 + round) }],
          reason: '计数',
        },
      },
      token,
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    const byName = new Map<string, number>();
    for (const c of commands) {
      const name = `${c.commandName}:${String(c.command[c.commandName])}`;
      byName.set(name, (byName.get(name) ?? 0) + 1);
    }
    counted = {
      commands: commands.length,
      names: [...byName].map(([name, n]) => `${name}×${n}`).join(', '),
    };
    report.revision = response.data.setFigures.revision;
  }
  return counted;
}

/** Requests whose command counts are reported as notes (they explain the latencies). */
function explained(context: BenchContext): Array<[string, string, Record<string, unknown>]> {
  const { report } = context;
  return [
    ['full report read', FULL_REPORT, { id: report.id }],
    ['figure history', FIGURE_HISTORY, { id: report.id, key: report.editedKey }],
    ['atRevision', AT_REVISION, { id: report.id, revision: Math.max(1, report.revision - 1) }],
    ['diff', DIFF, { id: report.id, from: 1, to: report.revision }],
  ];
}

export async function measureQueriesPerRequest(context: BenchContext): Promise<BenchRow[]> {
  const ledger = await openLedger({
    uri: context.uri,
    databaseName: context.databaseName,
    monitorCommands: true,
  });
  const commands: CommandStartedEvent[] = [];
  const record = (event: CommandStartedEvent): void => {
    if (!NOT_QUERIES.has(event.commandName)) commands.push(event);
  };
  ledger.client.on('commandStarted', record);
  ledger.connection.getClient().on('commandStarted', record);
  const config = loadConfig({
    PORT: '0',
    MONGODB_URI: context.uri,
    NIANBAO_DB_NAME: context.databaseName,
    LOG_LEVEL: 'silent',
  });
  const server = await createHttpServer(config, ledger, {
    serveWeb: false,
    logger: pino({ level: 'silent' }),
  });
  try {
    const { url } = await server.listen();
    const api = graphqlClient(url);
    const count = async (
      first: number,
    ): Promise<{ queries: number; rows: number; names: string }> => {
      await api.request(REPORT_LIST, { first }); // warm
      commands.length = 0;
      const response = await api.request<{ reports: { edges: unknown[] } }>(REPORT_LIST, { first });
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      const names = [
        ...new Set(commands.map((c) => `${c.commandName}:${String(c.command[c.commandName])}`)),
      ].join(', ');
      return { queries: commands.length, rows: response.data.reports.edges.length, names };
    };
    const ten = await count(10);
    const hundred = await count(100);
    const perRequest: string[] = [];
    for (const [label, query, variables] of explained(context)) {
      await api.request(query, variables);
      commands.length = 0;
      await api.request(query, variables);
      const byName = new Map<string, number>();
      for (const c of commands) {
        const name = `${c.commandName}:${String(c.command[c.commandName])}`;
        byName.set(name, (byName.get(name) ?? 0) + 1);
      }
      perRequest.push(
        `${label} ${commands.length} (${[...byName].map(([name, n]) => `${name}×${n}`).join(', ')})`,
      );
    }
    const edit = await countSetFigures(context, api, commands);
    return [
      {
        name: 'DB commands per setFigures (HTTP, one figure, after one warm-up edit)',
        measured: `${edit.commands} commands`,
        baseline: 'target 8',
        ratio: edit.commands / 8,
        target: { op: '<=', value: 1 },
        note: `setFigures commands: ${edit.names}`,
      },
      {
        name: 'DB queries per report-list request (agencies + last editors), 100 rows vs 10 rows',
        measured: `${hundred.queries} queries for ${hundred.rows} rows`,
        baseline: `${ten.queries} queries for ${ten.rows} rows`,
        ratio: hundred.queries / ten.queries,
        target: { op: '<=', value: 1 },
        note: `commands at 100 rows: ${hundred.names}; killCursors (cursor cleanup) not counted`,
      },
      {
        name: 'DB commands per request (after one warm-up request)',
        measured: perRequest.join('; '),
        baseline: '—',
        ratio: null,
        target: null,
      },
    ];
  } finally {
    await server.stop();
    server.httpServer.closeAllConnections();
    await new Promise((resolve) => server.httpServer.close(resolve));
    await ledger.close();
  }
}
