// The corpus index as a request sees it: caught up with the log once per request (not once per
// field), and one view per asOf instant, shared by every field of the request.
import { ReportInputError } from '../../events/report/errors';
import { corpusIndexOf } from '../../src/corpus/corpusIndexHandle';
import type { CorpusIndex } from '../../src/corpus/corpusIndex';
import { CorpusView } from '../../src/corpus/corpusView';
import type { DivisionTree } from '../../src/domain/regions/divisionTree';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../globalId';
import { AgencyLevelEnum } from './corpusEnums';
import { Region } from './corpusTypes';

interface RequestCorpus {
  index: Promise<CorpusIndex>;
  views: Map<number | null, CorpusView>;
}

const perRequest = new WeakMap<RequestContext, RequestCorpus>();

export async function corpusViewOf(
  context: RequestContext,
  asOf: Date | null | undefined,
): Promise<CorpusView> {
  let corpus = perRequest.get(context);
  if (!corpus) {
    corpus = {
      index: corpusIndexOf(context.ledger.store, context.ledger.db).current(),
      views: new Map(),
    };
    perRequest.set(context, corpus);
  }
  const index = await corpus.index;
  const instant = asOf ? asOf.getTime() : null;
  let view = corpus.views.get(instant);
  if (!view) {
    view = new CorpusView(index, instant);
    corpus.views.set(instant, view);
  }
  return view;
}

/** After a write in this request: the next read catches up again and builds fresh views. */
export function forgetRequestCorpus(context: RequestContext): void {
  perRequest.delete(context);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agency id from a UUID or an Agency global id. */
export function agencyIdFromInput(id: string, field: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const parsed = fromGlobalId(id);
  if (parsed?.type === 'Agency' && UUID.test(parsed.id)) return parsed.id;
  throw new ReportInputError('not an agency id', field);
}

export function regionToGraph(tree: DivisionTree, code: string): Region | null {
  const path = tree.path(code);
  const division = path[path.length - 1];
  if (!division) return null;
  return Object.assign(new Region(), {
    code: division.code,
    name: division.name,
    level: division.tier as AgencyLevelEnum,
    path: path.map((step) => ({ code: step.code, name: step.name })),
    parentCode: division.parentCode,
  });
}
