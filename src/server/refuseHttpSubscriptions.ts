// Subscriptions are served over WebSocket only. Over HTTP, Apollo would execute the operation
// once as if it were a query (with no event to resolve), so it is refused up front with a
// code that says where to go.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export function refuseHttpSubscriptions<TContext extends object>(
  path: string,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            `subscriptions are served over WebSocket (graphql-ws protocol) at ${path}, not over HTTP`,
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
