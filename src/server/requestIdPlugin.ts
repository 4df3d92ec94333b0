// Puts the request id on every error and in the X-Request-Id response header; and, when reads
// need a token, refuses anonymous operations.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../resolvers/context';

export function requestIdPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const requestId = contextValue?.requestId;
          if (!requestId) return;
          response.http.headers.set('x-request-id', requestId);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId },
            }));
          }
        },
      };
    },
  };
}

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
