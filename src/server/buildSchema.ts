import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { AgencyResolver } from '../../resolvers/agencyResolver';
import { AuditResolver } from '../../resolvers/auditResolver';
import { AgencyRegionResolver } from '../../resolvers/corpus/agencyRegionResolver';
import { CorpusQueryResolver } from '../../resolvers/corpus/corpusQueryResolver';
import { FigureValuesResolver } from '../../resolvers/corpus/figureValuesResolver';
import { SetAgencyRegionResolver } from '../../resolvers/corpus/setAgencyRegionResolver';
import { FigureResolver } from '../../resolvers/figureResolver';
import { IntegrityResolver } from '../../resolvers/integrityResolver';
import { MutationResolver } from '../../resolvers/mutationResolver';
import { NodeResolver } from '../../resolvers/nodeResolver';
import { ProposalReviewItemResolver } from '../../resolvers/proposalReviewItemResolver';
import { ProposalResolver } from '../../resolvers/proposalResolver';
import { ProposalSubscriptionResolver } from '../../resolvers/proposalSubscriptionResolver';
import { ReportResolver } from '../../resolvers/reportResolver';
import { ServiceResolver } from '../../resolvers/serviceResolver';
import { SubscriptionResolver } from '../../resolvers/subscriptionResolver';
import { ViewerResolver } from '../../resolvers/viewerResolver';
import { Agency } from '../../resolvers/types/agency';
import { Figure } from '../../resolvers/types/figure';
import { Report } from '../../resolvers/types/report';
import { bi } from '../../resolvers/types/describe';

let cached: Promise<GraphQLSchema> | null = null;

/** type-graphql has no option for the root types' descriptions; they are plain properties. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query)
    query.description = bi(
      '查询：报告、数字、历史与审计（公开）',
      'Reads: reports, figures, history and audit (public)',
    );
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description = bi(
      '修改：每次修改记为不可变事件，需令牌和理由',
      'Writes: every change is recorded as an immutable event and needs a token and a reason',
    );
  }
  const subscription = schema.getSubscriptionType();
  if (subscription) {
    subscription.description = bi(
      '实时更新：经 WebSocket（graphql-ws 协议，路径 /graphql）推送新变更',
      'Live updates: new changes pushed over WebSocket (graphql-ws protocol, path /graphql)',
    );
  }
  return schema;
}

/**
 * type-graphql insists on a PubSub as soon as a schema has subscriptions, but ours do not use
 * topics: they follow the event log (src/subscriptions/changeFeed.ts), so that edits made by
 * other processes arrive too. Publishing to a topic is a bug.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions follow the event log; there are no topics to publish to');
  },
  subscribe() {
    throw new Error('subscriptions follow the event log; there are no topics to subscribe to');
  },
};

/** The schema is the same for every server in a process: build it once. */
export function buildLedgerSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      ServiceResolver,
      ReportResolver,
      FigureResolver,
      AgencyResolver,
      AuditResolver,
      NodeResolver,
      MutationResolver,
      ProposalResolver,
      ProposalReviewItemResolver,
      ProposalSubscriptionResolver,
      IntegrityResolver,
      SubscriptionResolver,
      ViewerResolver,
      FigureValuesResolver,
      CorpusQueryResolver,
      AgencyRegionResolver,
      SetAgencyRegionResolver,
    ],
    pubSub: NO_TOPICS,
    orphanedTypes: [Report, Agency, Figure],
    validate: false,
  }).then(describeRoots);
  return cached;
}
