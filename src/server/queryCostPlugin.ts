// Apollo plugin: checks the abuse limits before execution (queryLimits.ts), charges the
// operation's cost to the client's token bucket, and reports both in every response as
// `extensions.cost` (the shape of Shopify's Admin API, which GitHub's `rateLimit` resembles):
//   { requestedQueryCost, maximumQueryCost,
//     throttleStatus: { maximumAvailable, currentlyAvailable, restoreRate } }
// A client over its limit gets RATE_LIMITED with HTTP 429 and `retry-after` (seconds), the
// same number as `extensions.retryAfterSeconds`. Clients are keyed by their token, anonymous
// ones by the socket's address.
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../resolvers/context';
import type { Principal } from '../auth/principal';
import { currentRequestScope } from '../observability/requestScope';
import { measureOperation, type QueryLimits } from './queryLimits';
import type { BucketState, TokenBuckets } from './tokenBucket';

export interface QueryCost {
  requestedQueryCost: number;
  maximumQueryCost: number;
  /** Absent when rate limiting is off. */
  throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Whose bucket an operation is charged to. */
export function rateLimitKeyOf(principal: Principal, clientAddress: string | undefined): string {
  switch (principal.kind) {
    case 'token':
      return `token:${principal.tokenId}`;
    case 'local':
      return 'local';
    default:
      return `address:${clientAddress ?? 'unknown'}`;
  }
}

function throttleStatusOf(state: BucketState): NonNullable<QueryCost['throttleStatus']> {
  return {
    maximumAvailable: state.capacity,
    currentlyAvailable: state.remaining,
    restoreRate: state.refillPerSecond,
  };
}

export function queryCostPlugin(
  limits: QueryLimits,
  buckets: TokenBuckets | null,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: QueryCost | null = null;
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const measured = measureOperation(
            {
              schema,
              document,
              operationName: request.operationName,
              variables: request.variables,
            },
            limits,
          );
          if (measured.cost !== null) {
            cost = { requestedQueryCost: measured.cost, maximumQueryCost: limits.maxComplexity };
          }
          if (measured.violation) throw measured.violation;
          if (!buckets || !cost) return;
          const key = rateLimitKeyOf(contextValue.principal, currentRequestScope()?.clientAddress);
          const taken = buckets.take(key, cost.requestedQueryCost);
          cost.throttleStatus = throttleStatusOf(taken);
          if (taken.allowed) return;
          const seconds = taken.retryAfterSeconds;
          throw new GraphQLError(
            `rate limit: this query costs ${cost.requestedQueryCost} and ${taken.remaining} of ${taken.capacity} points are left (${taken.refillPerSecond} come back each second); retry after ${seconds} s`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds: seconds,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
              },
            },
          );
        },
        async willSendResponse({ response }) {
          if (!cost || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
