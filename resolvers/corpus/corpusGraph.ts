// Index rows to GraphQL objects: agencies, aggregate groups, log events.
import { reportIdOfStream } from '../../events/report/ids';
import type { AgencyRow, LogEntry } from '../../src/corpus/corpusIndex';
import type { CorpusView } from '../../src/corpus/corpusView';
import type { AggregateGroup as AggregateGroupRow } from '../../src/corpus/figureAggregates';
import { agencyToGraph, type Agency } from '../types/agency';
import { AgencyLevelEnum } from './corpusEnums';
import { regionToGraph } from './corpusContext';
import { AggregateGroup, LogEvent } from './corpusTypes';

export function agencyOfRow(row: AgencyRow): Agency {
  return agencyToGraph({
    _id: row.agencyId,
    name: row.name,
    registeredAt: row.registeredAt,
    sample: row.sample,
  });
}

export function groupToGraph(view: CorpusView, group: AggregateGroupRow): AggregateGroup {
  const tree = view.index.tree;
  return Object.assign(new AggregateGroup(), {
    year: group.year,
    province: group.provinceCode ? regionToGraph(tree, group.provinceCode) : null,
    city: group.cityCode ? regionToGraph(tree, group.cityCode) : null,
    county: group.countyCode ? regionToGraph(tree, group.countyCode) : null,
    level: (group.level as AgencyLevelEnum | null) ?? null,
    agency:
      group.agencyOrdinal === null ? null : agencyOfRow(view.index.agencies[group.agencyOrdinal]),
  });
}

export function logEventToGraph(view: CorpusView, entry: LogEntry): LogEvent {
  return Object.assign(new LogEvent(), {
    position: entry.position,
    eventId: entry.eventId,
    type: entry.type,
    streamId: entry.streamId,
    reportId: reportIdOfStream(entry.streamId),
    agencyId: entry.agencyOrdinal >= 0 ? view.index.agencies[entry.agencyOrdinal].agencyId : null,
    revision: entry.revision,
    recordedAt: new Date(entry.recordedAt),
    actor: { id: entry.actorId, name: entry.actorName },
    reason: entry.reason,
    keys: entry.keys === 'all' ? [] : [...entry.keys],
    setsAllKeys: entry.keys === 'all',
  });
}
