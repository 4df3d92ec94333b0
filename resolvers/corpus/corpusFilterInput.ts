// GraphQL filter input to the corpus filter: agency ids may be global ids.
import type { CorpusFilter } from '../../src/corpus/corpusFilter';
import type { ReportStatusName } from '../../src/corpus/corpusIndex';
import type { AgencyKind, AgencyLevel } from '../../src/domain/regions/regionTypes';
import { agencyIdFromInput } from './corpusContext';
import type { CorpusFilterInput } from './corpusInputs';

export function toCorpusFilter(input: CorpusFilterInput | null | undefined): CorpusFilter {
  if (!input) return {};
  return {
    year: input.year ?? null,
    years: input.years ?? null,
    regionCode: input.regionCode ?? null,
    level: (input.level as AgencyLevel | null | undefined) ?? null,
    kind: (input.kind as AgencyKind | null | undefined) ?? null,
    status: (input.status as ReportStatusName[] | null | undefined) ?? null,
    agencyIds:
      input.agencyIds?.map((id, i) => agencyIdFromInput(id, `filter.agencyIds[${i}]`)) ?? null,
    includeSample: input.includeSample ?? null,
  };
}
