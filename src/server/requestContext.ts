// Builds the per-request GraphQL context (also usable by a WebSocket server for subscriptions).
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../resolvers/context';
import { createLoaders } from '../../resolvers/loaders';
import type { Ledger } from '../application/createLedger';
import { AuthError } from '../auth/principal';
import { authenticate } from '../auth/tokens';

export interface ContextInput {
  ledger: Ledger;
  maxPageSize: number;
  authorization: string | undefined;
  /** From requestContextMiddleware (src/observability); a new one when absent. */
  requestId?: string;
}

export async function createRequestContext(input: ContextInput): Promise<RequestContext> {
  const requestId = input.requestId ?? randomUUID();
  try {
    const principal = await authenticate(input.ledger.models.tokens, input.authorization);
    return {
      ledger: input.ledger,
      principal,
      requestId,
      loaders: createLoaders(input.ledger.models),
      limits: { maxPageSize: input.maxPageSize },
    };
  } catch (error) {
    if (error instanceof AuthError) {
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, requestId, http: { status: 401 } },
      });
    }
    throw error;
  }
}
