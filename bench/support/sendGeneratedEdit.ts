// One generated edit of a synthetic report sent through the API as setFigures, the write the
// bench measures; the caller's copy of the report then follows the revision and values it made.
import { toGlobalId } from '../../resolvers/globalId';
import { applyEdit, generateEdit } from '../generator/edits';
import type { SyntheticReportRef } from '../generator/loadSyntheticLedger';
import type { Random } from '../generator/prng';
import { SET_FIGURES } from '../queries';
import type { GraphqlClient } from './graphqlClient';

export async function sendGeneratedEdit(
  api: GraphqlClient,
  token: string,
  random: Random,
  target: SyntheticReportRef,
): Promise<void> {
  const edit = generateEdit(random, target.values);
  const response = await api.request<{ setFigures: { revision: number } }>(
    SET_FIGURES,
    {
      input: {
        reportId: toGlobalId('Report', target.reportId),
        expectedRevision: target.revision,
        changes: edit.changes,
        reason: edit.reason,
      },
    },
    token,
  );
  if (!response.data) throw new Error(`setFigures failed: ${JSON.stringify(response.errors)}`);
  target.revision = response.data.setFigures.revision;
  target.values = applyEdit(target.values, edit);
}
