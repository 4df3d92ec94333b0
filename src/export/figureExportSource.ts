// Where a bulk figure export reads from: the ledger's corpus index, caught up with the log as
// of the request (read-your-writes, as for the GraphQL corpus queries), seen at `asOf`.
import type { Ledger } from '../application/createLedger';
import { corpusIndexOf } from '../corpus/corpusIndexHandle';
import { CorpusView } from '../corpus/corpusView';

export async function corpusViewForExport(
  ledger: Pick<Ledger, 'store' | 'db'>,
  asOf: Date | null,
): Promise<CorpusView> {
  const index = await corpusIndexOf(ledger.store, ledger.db).current();
  return new CorpusView(index, asOf ? asOf.getTime() : null);
}
