// setAgencyRegion: an administrator sets or corrects an agency's region. The decision is an
// AgencyRegionSet event in the agency's stream, with the actor from the token and a reason,
// so it is in the log like any figure change and every corpus index folds it.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { SCHEMA_VERSIONS, type AgencyRegionSetData } from '../../events/report/eventCatalog';
import { agencyStreamId } from '../../events/report/ids';
import { requireReason } from '../../src/application/commandInput';
import { actorOf, assertAdmin } from '../../src/auth/principal';
import { checkRegionCode } from '../../src/corpus/corpusFilter';
import { CorpusInputError } from '../../src/corpus/corpusInputError';
import { corpusIndexOf } from '../../src/corpus/corpusIndexHandle';
import { projectAgencyEvents } from '../../src/projections/projectAgency';
import type { RequestContext } from '../context';
import { Agency } from '../types/agency';
import { bi } from '../types/describe';
import { agencyOfRow } from './corpusGraph';
import { agencyIdFromInput, corpusViewOf, forgetRequestCorpus } from './corpusContext';
import { SetAgencyRegionInput } from './corpusInputs';

@Resolver()
export class SetAgencyRegionResolver {
  @Mutation(() => Agency, {
    description: bi(
      '设置或更正机构的区划（需管理员令牌和理由；记为 AgencyRegionSet 事件）',
      "Sets or corrects an agency's region (admin token and reason; recorded as an AgencyRegionSet event)",
    ),
    complexity: 20,
  })
  async setAgencyRegion(
    @Arg('input', () => SetAgencyRegionInput, { description: bi('设置内容', 'What to set') })
    input: SetAgencyRegionInput,
    @Ctx() context: RequestContext,
  ): Promise<Agency> {
    assertAdmin(context.principal);
    const actor = actorOf(context.principal);
    const reason = requireReason(input.reason);
    const agencyId = agencyIdFromInput(input.agencyId, 'input.agencyId');
    const view = await corpusViewOf(context, null);
    if (view.index.agencyOrdinal(agencyId) === undefined) {
      throw new CorpusInputError('UNKNOWN_AGENCY', 'no agency with this id', 'input.agencyId');
    }
    const regionCode = input.regionCode?.trim() || null;
    if (regionCode) checkRegionCode(view, regionCode, 'input.regionCode');
    const data: AgencyRegionSetData = {
      agencyId,
      regionCode,
      level: input.level ?? null,
      kind: input.kind ?? null,
    };
    const appended = await context.ledger.store.appendToStream(
      agencyStreamId(agencyId),
      [
        {
          type: 'AgencyRegionSet',
          schemaVersion: SCHEMA_VERSIONS.AgencyRegionSet,
          data,
          metadata: { actor, reason, requestId: context.requestId },
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
    // In the audit log before the answer, like a figure change.
    await projectAgencyEvents(context.ledger.projection, appended.events);
    // Read-your-writes: the index folds the new event before the answer is built.
    forgetRequestCorpus(context);
    const index = await corpusIndexOf(context.ledger.store, context.ledger.db).current();
    return agencyOfRow(index.agencies[index.agencyOrdinal(agencyId) as number]);
  }
}
