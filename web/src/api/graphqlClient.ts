// A minimal GraphQL-over-HTTP client: POST /graphql on the same origin, errors carry the
// server's stable code (extensions.code) so the UI can react to CONFLICT, UNAUTHENTICATED, ….
import { readEditorToken } from '../state/editorToken';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly errors: readonly GraphQLErrorShape[] = [],
  ) {
    super(message);
  }

  /** The extensions of the first error, e.g. `currentRevision` of a CONFLICT. */
  get extensions(): Record<string, unknown> {
    return this.errors[0]?.extensions ?? {};
  }
}

export const GRAPHQL_PATH = 'graphql';

/** The API endpoint: next to the page, so the viewer also works under a path prefix. */
export function graphqlUrl(): string {
  return new URL(GRAPHQL_PATH, document.baseURI).toString();
}

/**
 * Sends one operation. The editor token, when one was pasted, goes with every request, so the
 * viewer also works on a server that requires a token for reads (REQUIRE_TOKEN_FOR_READS).
 */
export async function graphqlRequest<TData>(
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = readEditorToken(),
): Promise<TData> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(graphqlUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('无法连接服务器', 'NETWORK_ERROR');
  }
  let body: { data?: TData | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`服务器返回了无法解析的响应（HTTP ${response.status}）`, 'BAD_RESPONSE');
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(first.message, String(first.extensions?.code ?? 'ERROR'), body.errors);
  }
  if (!body.data)
    throw new ApiError(`服务器没有返回数据（HTTP ${response.status}）`, 'BAD_RESPONSE');
  return body.data;
}
