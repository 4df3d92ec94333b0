// proposalChanged: proposals as they change (opened, commented, rebased, reviewed), over
// WebSocket like the other subscriptions; following the log, so every server process's
// changes arrive.
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { agencyIdFor } from '../events/report/ids';
import { ReportInputError } from '../events/report/errors';
import type { ProposalReadDocument } from '../models/proposalReadModel';
import { proposalChanges } from '../src/application/proposals/proposalFeed';
import { freshLoaders, liveFeedOf } from '../src/subscriptions/liveContext';
import type { RequestContext } from './context';
import { reportIdFromInput } from './globalId';
import { bi } from './types/describe';
import { Proposal, proposalOf } from './types/proposal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ProposalChangedArgs {
  reportId?: unknown;
  agency?: unknown;
}

async function subscribeProposalChanged(data: {
  args: ProposalChangedArgs;
  context: RequestContext;
}) {
  const { args, context } = data;
  // Refuses HTTP (subscriptions are served over WebSocket only).
  liveFeedOf(context);
  let reportId: string | null = null;
  if (args.reportId !== undefined && args.reportId !== null) {
    reportId = typeof args.reportId === 'string' ? reportIdFromInput(args.reportId) : null;
    if (!reportId) throw new ReportInputError('not a report id', 'reportId');
  }
  let agencyId: string | null = null;
  if (typeof args.agency === 'string' && args.agency.trim() !== '') {
    const agency = args.agency.trim();
    agencyId = UUID.test(agency) ? agency : agencyIdFor(agency);
  }
  return proposalChanges(
    context.ledger.projection,
    (proposal) =>
      (reportId === null || proposal.reportId === reportId) &&
      (agencyId === null || proposal.agencyId === agencyId),
  );
}

@Resolver(() => Proposal)
export class ProposalSubscriptionResolver {
  @Subscription(() => Proposal, {
    description: bi(
      '订阅修改建议的变化（提出、评论、变基、审核），可按报告或机构筛选',
      'Subscribe to proposals as they change (opened, commented, rebased, reviewed), by report or agency',
    ),
    subscribe: (data) =>
      subscribeProposalChanged(data as { args: ProposalChangedArgs; context: RequestContext }),
  })
  proposalChanged(
    @Root() document: ProposalReadDocument,
    @Arg('reportId', () => ID, {
      nullable: true,
      description: bi('只看此报告（全局 ID 或 UUID）', 'Only this report (global id or UUID)'),
    })
    _reportId: string | null,
    @Arg('agency', () => String, {
      nullable: true,
      description: bi('只看此机构（ID 或名称）', 'Only this agency (id or name)'),
    })
    _agency: string | null,
    @Ctx() context: RequestContext,
  ): Proposal {
    freshLoaders(context);
    return proposalOf(document);
  }
}
