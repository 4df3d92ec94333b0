// Token look-ups are cached briefly in process: a burst of requests with one token costs one
// query, a revocation in this process holds at once and one by another process within
// TOKEN_CACHE_MAX_AGE_MS (the cache's clock is injected: nothing here waits).
import type { CommandStartedEvent } from 'mongodb';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { TOKEN_CACHE_MAX_AGE_MS, TokenCache, useTokenCache } from '../../src/auth/tokenCache';
import { authenticate, createToken, revokeToken } from '../../src/auth/tokens';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

describe('token cache', () => {
  let database: TestDatabase;
  let ledger: Ledger;
  let now = 0;
  const tokenQueries: CommandStartedEvent[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('tokencache');
    ledger = await openLedger({
      uri: database.uri,
      databaseName: database.name,
      monitorCommands: true,
    });
    useTokenCache(ledger.models.tokens, new TokenCache(TOKEN_CACHE_MAX_AGE_MS, () => now));
    ledger.connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'find' && event.command.find === 'tokens') tokenQueries.push(event);
    });
  });

  afterAll(async () => {
    await ledger?.close();
    await database?.drop();
  });

  it('given a token just used, when it is used again within the bound, then it is not looked up again', async () => {
    const created = await createToken(ledger.models.tokens, { name: '缓存', role: 'admin' });
    tokenQueries.length = 0;
    const first = await authenticate(ledger.models.tokens, `Bearer ${created.token}`);
    now += TOKEN_CACHE_MAX_AGE_MS - 1;
    const second = await authenticate(ledger.models.tokens, `Bearer ${created.token}`);
    expect(second).toEqual(first);
    expect(tokenQueries).toHaveLength(1);
  });

  it('given a cached token, when this process revokes it, then it is refused at once', async () => {
    const created = await createToken(ledger.models.tokens, { name: '本进程吊销', role: 'admin' });
    await authenticate(ledger.models.tokens, `Bearer ${created.token}`);
    expect(await revokeToken(ledger.models.tokens, created.id)).toBe(true);
    await expect(authenticate(ledger.models.tokens, `Bearer ${created.token}`)).rejects.toEqual(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('given a cached token, when another process revokes it, then it is refused once the bound has passed', async () => {
    const created = await createToken(ledger.models.tokens, { name: '他进程吊销', role: 'admin' });
    await authenticate(ledger.models.tokens, `Bearer ${created.token}`);
    // What revokeToken in another process (the CLI) leaves: the stored record revoked, this
    // process's cache untouched.
    await ledger.models.tokens.collection.updateOne({ _id: created.id } as never, {
      $set: { revokedAt: new Date() },
    });
    now += TOKEN_CACHE_MAX_AGE_MS;
    await expect(authenticate(ledger.models.tokens, `Bearer ${created.token}`)).rejects.toEqual(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'this token was revoked' }),
    );
  });

  it('given a cached token, when it expires, then it is refused at its expiry, not the cache bound', async () => {
    const issued = new Date();
    const created = await createToken(ledger.models.tokens, {
      name: '到期',
      role: 'admin',
      expiresInMs: 60_000,
      now: issued,
    });
    await authenticate(ledger.models.tokens, `Bearer ${created.token}`, issued);
    await expect(
      authenticate(
        ledger.models.tokens,
        `Bearer ${created.token}`,
        new Date(issued.getTime() + 60_000),
      ),
    ).rejects.toEqual(expect.objectContaining({ message: 'this token has expired' }));
  });

  it('given a token with a known id, when the secret is wrong, then it is unknown', async () => {
    const created = await createToken(ledger.models.tokens, { name: '猜测', role: 'admin' });
    const wrong = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    await expect(authenticate(ledger.models.tokens, `Bearer ${wrong}`)).rejects.toEqual(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'unknown token' }),
    );
  });
});
