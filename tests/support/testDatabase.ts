// Each test file gets its own database on the shared test server, dropped when the file ends.
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';

export interface TestDatabase {
  readonly uri: string;
  readonly name: string;
  readonly client: MongoClient;
  readonly db: Db;
  drop(): Promise<void>;
}

export function testServerUri(): string {
  const uri = process.env.NIANBAO_TEST_MONGODB_URI;
  if (!uri)
    throw new Error('NIANBAO_TEST_MONGODB_URI is not set: run tests through jest (global setup)');
  return uri;
}

export async function openTestDatabase(label = 'test'): Promise<TestDatabase> {
  const uri = testServerUri();
  const name = `${label.replace(/[^a-z0-9]/gi, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const client = await MongoClient.connect(uri);
  const db = client.db(name);
  return {
    uri,
    name,
    client,
    db,
    async drop() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}
