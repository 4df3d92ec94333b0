// A tiny GraphQL-over-HTTP caller for test set-up and for checking the viewer against the API.
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function graphqlCall<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
  if (!body.data) throw new Error(`no data (HTTP ${response.status})`);
  return body.data;
}
