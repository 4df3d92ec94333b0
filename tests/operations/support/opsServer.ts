// The operational endpoints' view of the one test server harness (tests/support/testServer.ts):
// the server logs at info into a capture the tests read.
import { createLogger } from '../../../src/observability/logger';
import { logCapture, type LogCapture } from '../../observability/logCapture';
import { startTestServer, type TestServer } from '../../support/testServer';

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface OpsServer extends Omit<TestServer, 'gql'> {
  readonly logs: LogCapture;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ response: Response; body: GraphQLBody }>;
  adminToken(): Promise<string>;
}

export async function startOpsServer(
  label: string,
  env: Record<string, string> = {},
): Promise<OpsServer> {
  const logs = logCapture();
  const server = await startTestServer({
    label,
    env: { LOG_LEVEL: 'info', ...env },
    logger: createLogger('info', logs),
  });
  return {
    ...server,
    logs,
    async gql(query, variables = {}, headers = {}) {
      const response = await server.post({ query, variables }, headers);
      return { response, body: (await response.json()) as GraphQLBody };
    },
    adminToken: () => server.token({ name: 'ops admin', role: 'admin', agencies: [] }),
  };
}
