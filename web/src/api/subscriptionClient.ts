// The graphql-ws client the viewer's live updates share: the GraphQL endpoint over ws(s), the
// editor token (read at each connect, so a token entered later is used) and three retries before
// the caller falls back to polling.
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { readEditorToken } from '../state/editorToken';
import { graphqlUrl } from './graphqlClient';

function websocketUrl(): string {
  const url = new URL(graphqlUrl());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** A lazy client: it opens the socket with the first subscription; `on` sees its events. */
export function createSubscriptionClient(on: ClientOptions['on']): Client {
  return createClient({
    url: websocketUrl(),
    lazy: true,
    connectionParams: () => {
      const token = readEditorToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: 3,
    shouldRetry: () => true,
    on,
  });
}
