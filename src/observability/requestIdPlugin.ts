// Apollo Server plugin that puts the request id into every error's extensions, so a user
// who pastes an error message into a bug report also pastes the key to the server's logs.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { REQUEST_ID_HEADER } from './requestId';

function withRequestId(
  errors: readonly GraphQLFormattedError[] | undefined,
  requestId: string,
): GraphQLFormattedError[] | undefined {
  return errors?.map((error) => ({ ...error, extensions: { ...error.extensions, requestId } }));
}

export function requestIdPlugin<TContext extends BaseContext = BaseContext>(
  requestIdOf?: (context: TContext) => string | undefined,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, request, response }) {
          const requestId =
            requestIdOf?.(contextValue) ?? request.http?.headers.get(REQUEST_ID_HEADER);
          if (!requestId) return;
          const body = response.body;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = withRequestId(body.singleResult.errors, requestId);
          } else if (body.kind === 'incremental' && body.initialResult.errors) {
            body.initialResult.errors = withRequestId(body.initialResult.errors, requestId);
          }
        },
      };
    },
  };
}
