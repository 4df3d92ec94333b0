// The tests' one GraphQL-over-HTTP client: a POST of { query, variables } with an optional bearer
// token, answering the status, headers and parsed body (GraphQL errors are data to assert on).
// `graphqlData` is the throwing form for set-up steps that must succeed.

export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GraphQLError[];
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function bearer(token?: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export async function postGraphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await postJson(url, { query, variables }, headers);
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of a query that must succeed; its first error otherwise, as `CODE: message`. */
export async function graphqlData<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const { status, data, errors } = await postGraphql<T>(url, query, variables, bearer(token));
  if (errors?.length) {
    const first = errors[0];
    throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
  if (!data) throw new Error(`no data (HTTP ${status})`);
  return data;
}
