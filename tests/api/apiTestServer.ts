// The API suites' view of the one test server harness (tests/support/testServer.ts):
//   const api = await startApiTestServer();  api.gql(query, variables, token) ... api.close()
import type { Logger } from 'pino';
import type { TokenRole } from '../../models/tokenModel';
import type { OpenLedgerOptions } from '../../src/application/createLedger';
import type { GraphQLResponse } from '../support/graphqlHttp';
import { startTestServer, type TestServer } from '../support/testServer';

export type { GraphQLResponse };

export interface ApiTestServer extends Omit<TestServer, 'token'> {
  /** Same as `origin`. */
  readonly baseUrl: string;
  token(role: TokenRole, agencies?: string[], name?: string): Promise<string>;
  /** Imports `document` with `token` (failing the test on any error); the report's global id. */
  importDocument(document: string, token: string, reason?: string): Promise<string>;
  /** setFigures with `token` (failing the test on any error); the new revision. */
  setFigures(
    input: { reportId: string; expectedRevision: number; changes: unknown[]; reason: string },
    token: string,
  ): Promise<number>;
}

export interface StartOptions {
  env?: Record<string, string>;
  ledger?: Partial<Omit<OpenLedgerOptions, 'uri' | 'databaseName'>>;
  label?: string;
  /** Default: a silent logger. */
  logger?: Logger;
}

export async function startApiTestServer(options: StartOptions = {}): Promise<ApiTestServer> {
  const server = await startTestServer({ ...options, label: options.label ?? 'api' });
  return {
    ...server,
    baseUrl: server.origin,
    token: (role, agencies = [], name = `${role} for tests`) =>
      server.token({ name, role, agencies }),
    async importDocument(document, token, reason = '首次导入') {
      const imported = await server.gql<{ importReport: { report: { id: string } } }>(
        `mutation($input: ImportReportInput!) { importReport(input: $input) { report { id } } }`,
        { input: { document, reason } },
        token,
      );
      if (imported.errors)
        throw new Error(`importReport failed: ${JSON.stringify(imported.errors)}`);
      return imported.data!.importReport.report.id;
    },
    async setFigures(input, token) {
      const set = await server.gql<{ setFigures: { revision: number } }>(
        `mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`,
        { input },
        token,
      );
      if (set.errors) throw new Error(`setFigures failed: ${JSON.stringify(set.errors)}`);
      return set.data!.setFigures.revision;
    },
  };
}
