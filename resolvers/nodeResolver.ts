import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ReportInputError } from '../events/report/errors';
import { reportStreamId } from '../events/report/ids';
import type { ReportState } from '../events/report/reportState';
import { reportStateAt } from '../src/projections/timeTravel';
import type { RequestContext } from './context';
import {
  fromGlobalId,
  parseFigureRef,
  parseReportRevisionRef,
  type ReportRevisionRef,
} from './globalId';
import { currentReport, pastReport } from './reportViews';
import { agencyToGraph } from './types/agency';
import { bi } from './types/describe';
import { figureOf } from './types/figure';
import { Node } from './types/node';

/**
 * The report at the revision a past id names (`<report>@<revision>`), folded from the log as
 * `report(atRevision:)` does; null when there is no such report. A revision the stream does not
 * have is BAD_USER_INPUT naming `id`, as `atRevision` out of range is.
 */
async function reportStateNamed(
  ref: ReportRevisionRef & { revision: number },
  context: RequestContext,
): Promise<ReportState | null> {
  const current = await context.loaders.reportSummary.load(ref.reportId);
  if (!current) return null;
  if (ref.revision > current.revision) {
    // The read model may lag the stream: only a revision the stream does not have is refused.
    const head = await context.ledger.projection.store.streamRevision(reportStreamId(ref.reportId));
    const last = typeof head === 'number' ? head : current.revision;
    if (ref.revision > last) {
      throw new ReportInputError(
        `the id names revision ${ref.revision} of a report whose revisions are 0 to ${last}`,
        'id',
      );
    }
  }
  return reportStateAt(context.ledger.projection, ref.reportId, { atRevision: ref.revision });
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: bi(
      '按全局 ID 取对象（Relay），包括历史版本的报告与数字（其 ID 含修订号）；该修订号不存在时返回 BAD_USER_INPUT',
      'Any object by its global id (Relay), past revisions of reports and figures included (their ids name the revision); a revision the report does not have is BAD_USER_INPUT',
    ),
  })
  async node(
    @Arg('id', () => ID, { description: bi('全局 ID', 'Global id') }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    if (!parsed) return null;
    if (parsed.type === 'Agency') {
      const agency = await context.loaders.agency.load(parsed.id);
      return agency ? agencyToGraph(agency) : null;
    }
    if (parsed.type === 'Report') {
      const ref = parseReportRevisionRef(parsed.id);
      if (!ref) return null;
      if (ref.revision === null) {
        const report = await context.loaders.report.load(ref.reportId);
        return report ? currentReport(report) : null;
      }
      const state = await reportStateNamed({ ...ref, revision: ref.revision }, context);
      return state ? pastReport(state) : null;
    }
    const ref = parseFigureRef(parsed.id);
    if (!ref) return null;
    if (ref.revision === null) {
      const report = await context.loaders.report.load(ref.reportId);
      const figure = report?.figures.find((item) => item.key === ref.key);
      return report && figure ? figureOf(figure, report.reportId, report.revision) : null;
    }
    const state = await reportStateNamed({ ...ref, revision: ref.revision }, context);
    const figure = state?.figures.find((item) => item.key === ref.key);
    return state && figure ? figureOf(figure, state.reportId, state.revision, true) : null;
  }
}
