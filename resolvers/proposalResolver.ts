// Proposals and review: thin adapters from GraphQL to src/application/proposals. What depends
// on the report as it is now (STALE, the three-way view, the would-be rule results) is derived
// when read, never stored.
import type { FilterQuery } from 'mongoose';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { staleKeys } from '../events/proposal/staleKeys';
import { ReportInputError } from '../events/report/errors';
import { agencyIdFor, reportIdFor } from '../events/report/ids';
import type { ReportState } from '../events/report/reportState';
import type { ProposalReadDocument } from '../models/proposalReadModel';
import {
  ProposalService,
  type ProposalOutcome,
} from '../src/application/proposals/proposalService';
import { wouldBeRules } from '../src/application/proposals/wouldBeRules';
import { figureDefinition } from '../src/domain/format/figureCatalog';
import { figureValuesOf } from '../src/projections/reportRules';
import { stateOf } from '../src/projections/readModelDocument';
import { perItem } from './complexity';
import { connectionOf } from './connection';
import type { RequestContext } from './context';
import { decodeCursor, encodeCursor, pageSize } from './cursor';
import { reportIdFromInput } from './globalId';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import type { RuleSeverityEnum, RuleStatusEnum } from './types/enums';
import { Report } from './types/report';
import { RuleResult } from './types/ruleResult';
import {
  Proposal,
  ProposalChange,
  ProposalConnection,
  ProposalRuleImpact,
  proposalOf,
} from './types/proposal';
import { ProposalStatusEnum, type RuleEffectEnum } from './types/proposalEnums';
import {
  CommentOnProposalInput,
  ProposalFilter,
  ProposeChangesInput,
  RebaseProposalInput,
  ReviewProposalInput,
  SetAgencyReviewPolicyInput,
} from './types/proposalInputs';
import { AgencyReviewPolicyPayload, ProposalPayload } from './types/proposalPayloads';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows read per round while a STALE/OPEN filter (decided against the reports) fills a page. */
const SCAN_BATCH = 100;

function serviceOf(context: RequestContext): ProposalService {
  return new ProposalService(context.ledger.projection, context.ledger.services);
}

function reportIdOf(id: string, field = 'reportId'): string {
  const reportId = reportIdFromInput(id);
  if (!reportId) throw new ReportInputError('not a report id', field);
  return reportId;
}

async function reportStateOf(
  context: RequestContext,
  reportId: string,
): Promise<ReportState | null> {
  const document = await context.loaders.report.load(reportId);
  return document ? stateOf(document) : null;
}

async function statusOf(
  context: RequestContext,
  document: ProposalReadDocument,
): Promise<ProposalStatusEnum> {
  if (document.status !== 'open') return document.status as ProposalStatusEnum;
  const report = await reportStateOf(context, document.reportId);
  return report && staleKeys(document, report).length > 0
    ? ProposalStatusEnum.STALE
    : ProposalStatusEnum.OPEN;
}

function payloadOf(
  outcome: ProposalOutcome,
  input: { clientMutationId?: string | null },
): ProposalPayload {
  return {
    proposal: proposalOf(outcome.proposal),
    replayed: outcome.replayed,
    clientMutationId: input.clientMutationId ?? null,
  };
}

@Resolver(() => Proposal)
export class ProposalResolver {
  @Query(() => ProposalConnection, {
    description: bi(
      '修改建议列表（可按报告、状态、机构筛选），新的在前',
      'Proposals, newest first, filtered by report, status or agency',
    ),
    complexity: perItem(20),
  })
  async proposals(
    @Arg('filter', () => ProposalFilter, { nullable: true, description: bi('筛选条件', 'Filter') })
    filter: ProposalFilter | null,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ProposalConnection> {
    const size = pageSize(first, context.limits.maxPageSize);
    const query: FilterQuery<ProposalReadDocument> = {};
    if (filter?.reportId) query.reportId = reportIdOf(filter.reportId, 'filter.reportId');
    if (filter?.agency) {
      const agency = filter.agency.trim();
      query.agencyId = UUID.test(agency) ? agency : agencyIdFor(agency);
    }
    const wanted = filter?.status ?? null;
    if (wanted) {
      query.status =
        wanted === ProposalStatusEnum.STALE || wanted === ProposalStatusEnum.OPEN ? 'open' : wanted;
    }
    let position: [number, string] | null = null;
    if (after) {
      const [time, id] = decodeCursor(after, ['number', 'string']);
      position = [time as number, id as string];
    }
    // OPEN and STALE are both stored as open: read on until the page is full.
    const rows: ProposalReadDocument[] = [];
    for (;;) {
      const page: FilterQuery<ProposalReadDocument> = position
        ? {
            ...query,
            $or: [
              { openedAt: { $lt: new Date(position[0]) } },
              { openedAt: new Date(position[0]), _id: { $lt: position[1] } },
            ],
          }
        : query;
      const batch = await context.ledger.models.proposals
        .find(page)
        .sort({ openedAt: -1, _id: -1 })
        .limit(
          wanted === ProposalStatusEnum.STALE || wanted === ProposalStatusEnum.OPEN
            ? SCAN_BATCH
            : size + 1,
        )
        .lean<ProposalReadDocument[]>()
        .exec();
      for (const row of batch) {
        if (
          (wanted !== ProposalStatusEnum.STALE && wanted !== ProposalStatusEnum.OPEN) ||
          (await statusOf(context, row)) === wanted
        )
          rows.push(row);
      }
      if (rows.length > size || batch.length === 0 || !wanted || query.status !== 'open') break;
      const last = batch[batch.length - 1];
      position = [new Date(last.openedAt).getTime(), last._id];
    }
    return connectionOf(
      rows,
      size,
      (row) => encodeCursor([new Date(row.openedAt).getTime(), row._id]),
      proposalOf,
    );
  }

  @Query(() => Proposal, {
    nullable: true,
    description: bi('按 ID 取修改建议', 'A proposal by id'),
  })
  async proposal(
    @Arg('id', () => ID, { description: bi('修改建议 ID', 'Proposal id') }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Proposal | null> {
    if (!UUID.test(id)) throw new ReportInputError('not a proposal id', 'id');
    const document = await context.ledger.models.proposals
      .findById(id)
      .lean<ProposalReadDocument>()
      .exec();
    return document ? proposalOf(document) : null;
  }

  @FieldResolver(() => ProposalStatusEnum, {
    description: bi(
      '状态；STALE 由报告现状得出（所改单元格在基准之后被改过）',
      'Status; STALE follows from the report as it is (a cell it changes was changed after the base)',
    ),
  })
  async status(@Root() proposal: Proposal, @Ctx() context: RequestContext) {
    return statusOf(context, proposal.document);
  }

  @FieldResolver(() => Report, {
    nullable: true,
    description: bi('所针对的报告（当前版本）', 'The report (current version)'),
  })
  async report(@Root() proposal: Proposal, @Ctx() context: RequestContext): Promise<Report | null> {
    const summary = await context.loaders.reportSummary.load(proposal.document.reportId);
    return summary ? currentReport(summary) : null;
  }

  @FieldResolver(() => [ProposalChange], {
    description: bi('建议的修改，三方对照', 'The proposed changes, three-way'),
  })
  async changes(
    @Root() proposal: Proposal,
    @Ctx() context: RequestContext,
  ): Promise<ProposalChange[]> {
    const report = await reportStateOf(context, proposal.document.reportId);
    const figures = new Map(report?.figures.map((figure) => [figure.key, figure]) ?? []);
    return proposal.document.changes.map((change) => {
      const figure = figures.get(change.key);
      const definition = figureDefinition(change.key);
      return {
        key: change.key,
        label: definition ? `${definition.rowLabel} — ${definition.columnLabel}` : null,
        base: change.base,
        now: figure?.value ?? null,
        proposed: change.proposed,
        changedSinceBase: (figure?.revision ?? -1) > proposal.document.baseRevision,
      };
    });
  }

  @FieldResolver(() => [RuleResult], {
    description: bi(
      '若应用此建议，报告各勾稽规则的结果（内存计算，不改动报告）',
      'Every rule result of the revision the proposal would make (computed in memory; the report is not touched)',
    ),
  })
  async rules(@Root() proposal: Proposal, @Ctx() context: RequestContext): Promise<RuleResult[]> {
    // The domain results, as the report fields return them (RuleResult reads their fields).
    return ((await this.wouldBe(proposal, context))?.rules ?? []) as unknown as RuleResult[];
  }

  @FieldResolver(() => [ProposalRuleImpact], {
    description: bi(
      '此建议会使哪些勾稽规则检查失败或恢复相符（只列结果会变化的检查）',
      'Which rule checks the proposal would break or fix (only those whose outcome would change)',
    ),
  })
  async ruleImpact(
    @Root() proposal: Proposal,
    @Ctx() context: RequestContext,
  ): Promise<ProposalRuleImpact[]> {
    return ((await this.wouldBe(proposal, context))?.impact ?? []).map((impact) => ({
      ...impact,
      severity: impact.severity as RuleSeverityEnum,
      before: impact.before as RuleStatusEnum,
      after: impact.after as RuleStatusEnum,
      effect: impact.effect as RuleEffectEnum,
    }));
  }

  @FieldResolver(() => Boolean, {
    description: bi('已批准且修改已写入报告', 'Approved, and its changes are in the report'),
  })
  async applied(@Root() proposal: Proposal, @Ctx() context: RequestContext): Promise<boolean> {
    return serviceOf(context).applied(proposal.document);
  }

  private async wouldBe(proposal: Proposal, context: RequestContext) {
    const document = proposal.document;
    const [report, previous] = await Promise.all([
      reportStateOf(context, document.reportId),
      // Report ids derive from (agency name, year), so last year's report is an id lookup.
      context.loaders.report.load(reportIdFor(document.agency, document.year - 1)),
    ]);
    if (!report) return null;
    const sameAgency = previous !== null && previous.agencyId === report.agencyId;
    return wouldBeRules(
      report,
      document.changes,
      sameAgency ? figureValuesOf(stateOf(previous)) : undefined,
    );
  }

  @Mutation(() => ProposalPayload, {
    description: bi(
      '提出修改建议：记录差异与应用后的勾稽结果，报告不变；由审核人批准后生效',
      'Proposes figure changes: records the diff and the would-be rule results without touching the report; a reviewer approves or rejects it',
    ),
    complexity: 20,
  })
  async proposeChanges(
    @Arg('input', () => ProposeChangesInput, { description: bi('建议内容', 'The proposal') })
    input: ProposeChangesInput,
    @Ctx() context: RequestContext,
  ): Promise<ProposalPayload> {
    return payloadOf(
      await serviceOf(context).proposeChanges(
        context.principal,
        { ...input, reportId: reportIdOf(input.reportId) },
        { requestId: context.requestId },
      ),
      input,
    );
  }

  @Mutation(() => ProposalPayload, {
    description: bi(
      '审核修改建议（审核人；不能审核自己的建议）。批准即作为普通修改写入报告，历史记录提出人与批准人',
      'Reviews a proposal (reviewers; never one’s own). Approval applies the changes as an ordinary edit whose history names proposer and approver',
    ),
    complexity: 20,
  })
  async reviewProposal(
    @Arg('input', () => ReviewProposalInput, { description: bi('审核内容', 'The review') })
    input: ReviewProposalInput,
    @Ctx() context: RequestContext,
  ): Promise<ProposalPayload> {
    return payloadOf(
      await serviceOf(context).reviewProposal(context.principal, input, {
        requestId: context.requestId,
      }),
      input,
    );
  }

  @Mutation(() => ProposalPayload, {
    description: bi('评论修改建议', 'Comments on a proposal'),
    complexity: 10,
  })
  async commentOnProposal(
    @Arg('input', () => CommentOnProposalInput, { description: bi('评论', 'The comment') })
    input: CommentOnProposalInput,
    @Ctx() context: RequestContext,
  ): Promise<ProposalPayload> {
    return payloadOf(
      await serviceOf(context).commentOnProposal(context.principal, input, {
        requestId: context.requestId,
      }),
      input,
    );
  }

  @Mutation(() => ProposalPayload, {
    description: bi(
      '变基：提出人把过时的建议移到报告当前修订（可改建议值）',
      'Rebases: the author moves a stale proposal onto the report’s current revision (optionally with new values)',
    ),
    complexity: 20,
  })
  async rebaseProposal(
    @Arg('input', () => RebaseProposalInput, { description: bi('变基内容', 'The rebase') })
    input: RebaseProposalInput,
    @Ctx() context: RequestContext,
  ): Promise<ProposalPayload> {
    return payloadOf(
      await serviceOf(context).rebaseProposal(context.principal, input, {
        requestId: context.requestId,
      }),
      input,
    );
  }

  @Mutation(() => AgencyReviewPolicyPayload, {
    description: bi(
      '设置机构是否要求审核（管理员）。要求时，编辑的 setFigures 返回 REVIEW_REQUIRED',
      'Sets whether an agency requires review (admins). When it does, an editor’s setFigures answers REVIEW_REQUIRED',
    ),
    complexity: 10,
  })
  async setAgencyReviewPolicy(
    @Arg('input', () => SetAgencyReviewPolicyInput, { description: bi('审核要求', 'The policy') })
    input: SetAgencyReviewPolicyInput,
    @Ctx() context: RequestContext,
  ): Promise<AgencyReviewPolicyPayload> {
    const policy = await serviceOf(context).setAgencyReviewPolicy(context.principal, input, {
      requestId: context.requestId,
    });
    return {
      agencyId: policy.agencyId,
      agencyName: policy.name,
      reviewRequired: policy.reviewRequired,
    };
  }
}
