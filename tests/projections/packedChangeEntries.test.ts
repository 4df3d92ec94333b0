// How audit entries are stored (unit, no database): an event with many keyed entries becomes one
// pack, small events and events without keys stay entries of their own, and unpacking gives back
// exactly the entries packed, a missing previousEntryId staying missing.
import type { ChangeEntryDocument } from '../../models/changeEntryModel';
import { changeEntryId } from '../../src/projections/changeEntries';
import {
  isPackedChangeEntries,
  packChangeEntries,
  packedEntriesId,
  PACK_FROM_ENTRIES,
  storedIdsOfEntry,
  unpackChangeEntries,
} from '../../src/projections/packedChangeEntries';

function entry(eventId: string, key: string | null, extra: Partial<ChangeEntryDocument> = {}) {
  const document: ChangeEntryDocument = {
    _id: changeEntryId(eventId, key),
    eventId,
    eventType: key === null ? 'ReportPublished' : 'ReportImported',
    position: 1,
    reportId: 'report-1',
    agencyId: 'agency-1',
    agency: '甲局',
    year: 2024,
    revision: 0,
    key,
    kind: key === null ? 'publish' : 'import',
    from: null,
    to: key === null ? null : `${key}-value`,
    actor: { id: 'local:cli', name: '导入员' },
    reason: '导入',
    recordedAt: new Date('2026-01-01T00:00:00Z'),
    revertedEventId: null,
    ...extra,
  };
  return document;
}

const keys = (count: number) => Array.from({ length: count }, (_, index) => `t3.k${index}`);

describe('packed change entries (unit)', () => {
  it('given an import of many figures, when packed, then one document that unpacks to them', () => {
    const imported = keys(PACK_FROM_ENTRIES + 2).map((key, index) =>
      // The first keeps an unknown link (left out), the others a known one or null.
      index === 0
        ? entry('e1', key)
        : entry('e1', key, { previousEntryId: index % 2 ? null : `e0:${key}` }),
    );
    const stored = packChangeEntries(imported);
    expect(stored).toHaveLength(1);
    expect(stored[0]._id).toBe(packedEntriesId('e1'));
    expect(isPackedChangeEntries(stored[0])).toBe(true);
    const unpacked = unpackChangeEntries(stored[0]);
    const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : 1);
    expect([...unpacked].sort(byId)).toEqual([...imported].sort(byId));
    expect('previousEntryId' in unpacked.find((each) => each.key === 't3.k0')!).toBe(false);
  });

  it('given a small edit and an event without keys, when packed, then each stays an entry', () => {
    const small = keys(PACK_FROM_ENTRIES - 1).map((key) => entry('e2', key));
    const published = entry('e3', null);
    const stored = packChangeEntries([...small, published]);
    expect(stored).toEqual([...small, published]);
    expect(stored.some(isPackedChangeEntries)).toBe(false);
  });

  it('given a pack, then it sorts just before every entry id of its event, and after others', () => {
    const pack = packedEntriesId('e1');
    for (const key of ['t2.a', 't3.b', 'n.c', 'section:1', null]) {
      expect(pack < changeEntryId('e1', key)).toBe(true);
    }
    expect(pack > changeEntryId('e0', 't3.z')).toBe(true);
    expect(storedIdsOfEntry(changeEntryId('e1', 't3.b'))).toEqual(['e1:t3.b', pack]);
  });

  it('given a pack, when unpacked, then its entries come newest first in the order of their ids', () => {
    const [pack] = packChangeEntries(keys(PACK_FROM_ENTRIES).map((key) => entry('e1', key)));
    const ids = unpackChangeEntries(pack).map((each) => each._id);
    expect(ids).toEqual([...ids].sort().reverse());
  });
});
