// `--url` names the server the way a person knows it: its base URL (http://127.0.0.1:4000,
// also what `npm start` prints) or, as before, its GraphQL endpoint. The HTTP importer always
// needs the endpoint, so both spellings become it here; a path prefix (a server behind a
// proxy at https://example.gov.cn/nianbao) is kept.
import { CliUsageError } from './commandLine';

export const GRAPHQL_PATH = '/graphql';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4000';

/** The GraphQL endpoint of the server at `url`; throws CliUsageError naming --url. */
export function graphqlEndpointOf(url: string): string {
  const text = url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(text);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.host) {
    throw new CliUsageError(
      `--url must be an http(s) URL like ${DEFAULT_SERVER_URL}, got "${url}"`,
    );
  }
  if (parsed.search || parsed.hash) {
    throw new CliUsageError(`--url takes the server's base URL, without ? or #, got "${url}"`);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = path.endsWith(GRAPHQL_PATH) ? path : `${path}${GRAPHQL_PATH}`;
  return parsed.toString();
}
