// The context of a subscription: a request context (ledger, caller, loaders) plus the live
// feed. Only the WebSocket server provides the feed; Apollo's HTTP endpoint does not serve
// subscriptions.
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../../resolvers/context';
import { createLoaders } from '../../resolvers/loaders';
import type { LiveFeed } from './liveFeed';

export interface SubscriptionContext extends RequestContext {
  liveFeed: LiveFeed;
}

export function liveFeedOf(context: RequestContext): LiveFeed {
  const feed = (context as Partial<SubscriptionContext>).liveFeed;
  if (!feed) {
    throw new GraphQLError(
      'subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP',
      { extensions: { code: 'BAD_REQUEST' } },
    );
  }
  return feed;
}

/**
 * A subscription's context lives as long as the subscription, but each event must be read
 * afresh: new DataLoaders per event, so no value cached for an earlier event is served.
 */
export function freshLoaders(context: RequestContext): void {
  context.loaders = createLoaders(context.ledger.models);
}
