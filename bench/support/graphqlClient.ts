// A tiny GraphQL-over-HTTP client for the bench and the reliability tests: returns status, body and the
// error codes, never throws on a GraphQL error (tests assert on them). It opens a connection
// per request (no keep-alive): a reused connection the server is closing fails with
// ECONNRESET, and for a mutation that would leave the test unsure whether it was written.
import http from 'node:http';

export interface GraphqlResponse<TData = Record<string, unknown>> {
  status: number;
  data: TData | null;
  errors: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
  /** The first error's code, or null when there was none. */
  code: string | null;
}

export interface GraphqlClient {
  readonly url: string;
  request<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlResponse<TData>>;
}

export function graphqlClient(url: string): GraphqlClient {
  return {
    url,
    async request<TData>(
      query: string,
      variables: Record<string, unknown> = {},
      token: string | null = null,
    ): Promise<GraphqlResponse<TData>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await postJson(url, JSON.stringify({ query, variables }), headers);
      const text = response.body;
      let body: { data?: TData | null; errors?: GraphqlResponse['errors'] } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
      }
      const errors = body.errors ?? [];
      return {
        status: response.status,
        data: body.data ?? null,
        errors,
        code: errors[0]?.extensions?.code ?? (errors.length > 0 ? 'UNKNOWN' : null),
      };
    },
  };
}

export interface RawResponse {
  status: number;
  body: string;
}

/** POST without keep-alive; resolves with whatever status the server answers. */
export function postJson(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
