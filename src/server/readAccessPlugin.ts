// When reads need a token (REQUIRE_TOKEN_FOR_READS), refuses anonymous operations.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../resolvers/context';

export function readAccessPlugin(
  requireTokenForReads: boolean,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          if (requireTokenForReads && contextValue.principal.kind === 'anonymous') {
            throw new GraphQLError(
              'this server needs an Authorization: Bearer <token> header for every request',
              {
                extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
              },
            );
          }
        },
      };
    },
  };
}
