// The FerretDB source patch: applied exactly, refused when upstream text moved, and effective
// (an `_id` lookup on the test server is answered from the `_id` index, not a scan).
import {
  applySourcePatch,
  FERRETDB_SOURCE_PATCHES,
  type SourcePatch,
} from '../../src/database/ferretdbSourcePatches';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

const patch: SourcePatch = { file: 'a.go', from: 'X = 1', to: 'X = 2' };

describe('applySourcePatch', () => {
  it('replaces the one occurrence of the upstream text', () => {
    expect(applySourcePatch('const (\n\tX = 1\n)', patch)).toBe('const (\n\tX = 2\n)');
  });

  it('refuses to build when the upstream text is missing or ambiguous', () => {
    expect(() => applySourcePatch('X = 3', patch)).toThrow(/a\.go.*exactly one occurrence/);
    expect(() => applySourcePatch('X = 1; X = 1', patch)).toThrow(/exactly one occurrence/);
  });

  it('creates a new file only where none exists', () => {
    const create: SourcePatch = { file: 'b.go', from: null, to: 'package b\n' };
    expect(applySourcePatch(null, create)).toBe('package b\n');
    expect(() => applySourcePatch('package b\n', create)).toThrow(/already exists/);
    expect(() => applySourcePatch(null, patch)).toThrow(/does not exist/);
  });

  it('patches the SQLite backend: id column spelled as the index, id conditions narrowed', () => {
    expect(FERRETDB_SOURCE_PATCHES.map((p) => p.file)).toEqual([
      'internal/backends/sqlite/metadata/metadata.go',
      'internal/backends/sqlite/id_where.go',
      'internal/backends/sqlite/collection.go',
      'internal/backends/sqlite/collection.go',
    ]);
    expect(FERRETDB_SOURCE_PATCHES[0].to).toBe('IDColumn = DefaultColumn + `->"_id"`');
  });
});

describe('an _id lookup on the test server', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('idindex');
  });
  afterAll(async () => {
    await database.drop();
  });

  type Explained = {
    serverInfo?: { ferretdbVersion?: string };
    queryPlanner?: { Plan?: string[]; winningPlan?: unknown };
  };
  const usesIdIndex = (explained: Explained): void => {
    if (explained.serverInfo?.ferretdbVersion) {
      expect(explained.queryPlanner?.Plan?.join(' ')).toMatch(/SEARCH .* USING INDEX .*__id_/);
    } else {
      // MongoDB answers an _id condition with its IDHACK / EXPRESS plan or an _id index scan.
      expect(JSON.stringify(explained.queryPlanner?.winningPlan)).toMatch(/IDHACK|EXPRESS|IXSCAN/);
    }
  };

  it('is answered from the _id index, alone, with other conditions, or as $in', async () => {
    const collection = database.db.collection<{ _id: string; n: number }>('lookups');
    await collection.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `id-${n}`, n })));
    usesIdIndex((await collection.find({ _id: 'id-42' }).explain()) as Explained);
    usesIdIndex((await collection.find({ _id: 'id-42', n: 42 }).explain()) as Explained);
    usesIdIndex((await collection.find({ _id: { $in: ['id-1', 'id-2'] } }).explain()) as Explained);
    // The other conditions still apply to the rows the _id condition selects.
    expect(await collection.findOne({ _id: 'id-42' })).toEqual({ _id: 'id-42', n: 42 });
    expect(await collection.findOne({ _id: 'id-42', n: 41 })).toBeNull();
    expect(await collection.countDocuments({ _id: 'id-42', n: { $gt: 41 } })).toBe(1);
    const some = await collection.find({ _id: { $in: ['id-3', 'id-1', 'nope', 7 as never] } });
    expect((await some.toArray()).map((doc) => doc._id).sort()).toEqual(['id-1', 'id-3']);
    // A compare-and-set write: only the matching revision is replaced, others are untouched.
    expect((await collection.replaceOne({ _id: 'id-5', n: 4 }, { n: 99 })).matchedCount).toBe(0);
    expect((await collection.replaceOne({ _id: 'id-5', n: 5 }, { n: 6 })).matchedCount).toBe(1);
    expect((await collection.deleteMany({ _id: 'id-6', n: 0 })).deletedCount).toBe(0);
    expect(await collection.countDocuments()).toBe(50);
    expect(await collection.findOne({ _id: 'id-5' })).toEqual({ _id: 'id-5', n: 6 });
  });
});
