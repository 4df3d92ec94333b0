import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { perItem } from './complexity';
import type { RequestContext } from './context';
import { changeEntryId } from '../src/projections/changeEntries';
import { changeHistory } from './changeHistory';
import { PageAfterArg, PageFirstArg } from './pageArgs';
import { bi } from './types/describe';
import { Figure } from './types/figure';
import { FigureChangeConnection } from './types/figureChange';

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => FigureChangeConnection, {
    description: bi('此数字的变更历史，新的在前', 'Change history of this figure, newest first'),
    complexity: perItem(20),
  })
  async history(
    @Root() figure: Figure,
    @PageFirstArg() first: number | null,
    @PageAfterArg() after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<FigureChangeConnection> {
    return changeHistory(
      context,
      {
        reportId: figure.reportId,
        key: figure.key,
        maxRevision: figure.viewRevision,
        // The entry of the view's last change of this figure: the history walks back from it.
        startEntryId: changeEntryId(figure.lastChange.eventId, figure.key),
      },
      first,
      after,
    );
  }
}
