import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from './context';
import { fromGlobalId } from './globalId';
import { currentReport } from './reportViews';
import { agencyToGraph } from './types/agency';
import { bi } from './types/describe';
import { figureOf } from './types/figure';
import { Node } from './types/node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: bi('按全局 ID 取对象（Relay）', 'Any object by its global id (Relay)'),
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
      const report = await context.loaders.report.load(parsed.id);
      return report ? currentReport(report) : null;
    }
    const separator = parsed.id.indexOf(':');
    const report = await context.loaders.report.load(parsed.id.slice(0, separator));
    const figure = report?.figures.find((item) => item.key === parsed.id.slice(separator + 1));
    return report && figure ? figureOf(figure, report.reportId, report.revision) : null;
  }
}
