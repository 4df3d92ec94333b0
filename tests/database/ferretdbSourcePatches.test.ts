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

  it('patches the SQLite backend id column to the index expression', () => {
    expect(FERRETDB_SOURCE_PATCHES).toEqual([
      expect.objectContaining({
        file: 'internal/backends/sqlite/metadata/metadata.go',
        to: 'IDColumn = DefaultColumn + `->"_id"`',
      }),
    ]);
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

  it('is answered from the _id index', async () => {
    const collection = database.db.collection<{ _id: string; n: number }>('lookups');
    await collection.insertMany(Array.from({ length: 50 }, (_, n) => ({ _id: `id-${n}`, n })));
    const explained = (await collection.find({ _id: 'id-42' }).explain()) as {
      serverInfo?: { ferretdbVersion?: string };
      queryPlanner?: { Plan?: string[]; winningPlan?: unknown };
    };
    expect(await collection.findOne({ _id: 'id-42' })).toEqual({ _id: 'id-42', n: 42 });
    if (explained.serverInfo?.ferretdbVersion) {
      expect(explained.queryPlanner?.Plan?.join(' ')).toMatch(/SEARCH .* USING INDEX .*__id_/);
    } else {
      // MongoDB answers an _id equality with its IDHACK / EXPRESS plan or an _id index scan.
      expect(JSON.stringify(explained.queryPlanner?.winningPlan)).toMatch(/IDHACK|EXPRESS|IXSCAN/);
    }
  });
});
