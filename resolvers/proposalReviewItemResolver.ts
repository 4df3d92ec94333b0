// 待核实 review items of a report and choosing a reading: the reading is applied as an
// ordinary setFigures (audited like every edit; REVIEW_REQUIRED where the agency requires
// review, and then it is proposed with proposeChanges instead).
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ReportInputError, ReportNotFoundError } from '../events/report/errors';
import type { ReportState } from '../events/report/reportState';
import { reviewItemsOf, type ReviewItem as Item } from '../src/application/proposals/reviewItems';
import { stateOf } from '../src/projections/readModelDocument';
import type { RequestContext } from './context';
import { reportIdFromInput } from './globalId';
import { currentReport } from './reportViews';
import { bi } from './types/describe';
import { figureChangeOf } from './types/figureChange';
import { SetFiguresPayload } from './types/payloads';
import { ChooseReadingInput, ReviewItem } from './types/proposalReviewItem';

function reportIdOf(id: string): string {
  const reportId = reportIdFromInput(id);
  if (!reportId) throw new ReportInputError('not a report id', 'reportId');
  return reportId;
}

function itemOf(reportId: string, item: Item): ReviewItem {
  return {
    id: `${reportId}:${item.index}`,
    keys: item.keys,
    message: item.message,
    candidates: item.candidates,
    current: item.current,
    resolved: item.resolved,
  };
}

async function reportState(context: RequestContext, reportId: string): Promise<ReportState> {
  const document = await context.loaders.report.load(reportId);
  if (!document) throw new ReportNotFoundError(`no report with id ${reportId}`, 'reportId');
  return stateOf(document);
}

@Resolver(() => ReviewItem)
export class ProposalReviewItemResolver {
  @Query(() => [ReviewItem], {
    description: bi(
      '报告的待核实项：导入时无法确定的单元格及候选读法',
      'A report’s review items (待核实): cells the importer could not read with certainty, with the candidate readings',
    ),
    complexity: 10,
  })
  async reviewItems(
    @Arg('reportId', () => ID, { description: bi('报告的全局 ID', 'Global id of the report') })
    id: string,
    @Arg('resolved', () => Boolean, {
      nullable: true,
      description: bi('只列已核实或未核实的', 'Only resolved, or only open, items'),
    })
    resolved: boolean | null,
    @Ctx() context: RequestContext,
  ): Promise<ReviewItem[]> {
    const reportId = reportIdOf(id);
    return reviewItemsOf(await reportState(context, reportId))
      .filter((item) => resolved === null || resolved === undefined || item.resolved === resolved)
      .map((item) => itemOf(reportId, item));
  }

  @Mutation(() => SetFiguresPayload, {
    description: bi(
      '为待核实项选定一种候选读法：作为普通修改写入（需令牌和理由）',
      'Chooses one candidate reading of a review item: an ordinary audited edit (needs a token and a reason)',
    ),
    complexity: 20,
  })
  async chooseReading(
    @Arg('input', () => ChooseReadingInput, { description: bi('选定的读法', 'The choice') })
    input: ChooseReadingInput,
    @Ctx() context: RequestContext,
  ): Promise<SetFiguresPayload> {
    const reportId = reportIdOf(input.reportId);
    const item = reviewItemsOf(await reportState(context, reportId)).find(
      (candidate) => `${reportId}:${candidate.index}` === input.itemId,
    );
    if (!item) throw new ReportNotFoundError(`no review item ${input.itemId}`, 'itemId');
    const reading = item.candidates[input.candidate];
    if (!reading) {
      throw new ReportInputError(
        `candidate is 0 to ${item.candidates.length - 1} for this item`,
        'candidate',
      );
    }
    const outcome = await context.ledger.services.setFigures(
      context.principal,
      {
        reportId,
        expectedRevision: input.expectedRevision,
        changes: item.keys.map((key, index) => ({ key, value: reading[index] })),
        reason: input.reason,
        clientMutationId: input.clientMutationId ?? null,
      },
      { requestId: context.requestId },
    );
    return {
      report: currentReport(outcome.report),
      changes: outcome.changes.map(figureChangeOf),
      revision: outcome.report.revision,
      replayed: outcome.replayed,
      clientMutationId: input.clientMutationId ?? null,
    };
  }
}
