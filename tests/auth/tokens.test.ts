// Tokens: printed once, stored only as hashes; revoked and expired tokens stop working; editors
// are scoped to their agencies.
import { hashToken, authenticate, createToken, revokeToken } from '../../src/auth/tokens';
import { assertCanEdit, actorOf, AuthError, ANONYMOUS } from '../../src/auth/principal';
import { createProjectionsCommand } from '../../src/cli/projectionsCommand';
import { createTokenCommand } from '../../src/cli/tokenCommand';
import type { LedgerOpener } from '../../src/cli/openLedger';
import { openHarness, type Harness } from '../projections/projectionHarness';

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('tokens', () => {
  let harness: Harness;
  let open: LedgerOpener;

  beforeAll(async () => {
    harness = await openHarness('tokens');
    // The CLI closes what it opens; here the harness owns the connection.
    open = async () => ({ ledger: harness.ledger, close: async () => undefined });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a created token is stored only as its sha256 and authenticates as its holder', async () => {
    const created = await createToken(harness.ledger.models.tokens, {
      name: '编辑甲',
      role: 'editor',
      agencies: [' 甲局 '],
    });
    const stored = await harness.ledger.models.tokens.collection.findOne({
      _id: created.id,
    } as never);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored?.hash).toBe(hashToken(created.token));
    const principal = await authenticate(harness.ledger.models.tokens, `Bearer ${created.token}`);
    expect(actorOf(principal)).toEqual({ id: `token:${created.id}`, name: '编辑甲' });
    expect(() => assertCanEdit(principal, '甲局')).not.toThrow();
    expect(() => assertCanEdit(principal, '乙局')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => assertCanEdit(ANONYMOUS, '甲局')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('revoked, expired, malformed and unknown tokens are UNAUTHENTICATED', async () => {
    const tokens = harness.ledger.models.tokens;
    const revoked = await createToken(tokens, { name: 'r', role: 'admin' });
    expect(await revokeToken(tokens, revoked.id)).toBe(true);
    expect(await revokeToken(tokens, revoked.id)).toBe(false);
    const expired = await createToken(tokens, {
      name: 'e',
      role: 'admin',
      expiresInMs: 1000,
      now: new Date(Date.now() - 5000),
    });
    for (const header of [
      `Bearer ${revoked.token}`,
      `Bearer ${expired.token}`,
      'Bearer nonsense',
      'Basic abc',
      `Bearer ${revoked.token}x`,
    ]) {
      await expect(authenticate(tokens, header)).rejects.toEqual(
        expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      );
    }
    await expect(authenticate(tokens, undefined)).resolves.toEqual(ANONYMOUS);
    await expect(createToken(tokens, { name: 'x', role: 'editor' })).rejects.toThrow(/agency/);
  });

  it('the CLI creates, lists and revokes tokens; the secret is printed once', async () => {
    const command = createTokenCommand(open);
    const create = buffers();
    expect(
      await command(
        [
          'create',
          '--name',
          'CLI 编辑',
          '--role',
          'editor',
          '--agency',
          '甲局',
          '--agency',
          '乙局',
          '--expires-in',
          '30d',
        ],
        create.io,
      ),
    ).toBe(0);
    const token = /^(nbl_[0-9a-f]{16}_\S+)$/m.exec(create.out())![1];
    const principal = await authenticate(harness.ledger.models.tokens, `Bearer ${token}`);
    expect(principal).toMatchObject({
      kind: 'token',
      role: 'editor',
      agencyKeys: ['甲局', '乙局'],
    });
    const id = principal.kind === 'token' ? principal.tokenId : '';

    const list = buffers();
    expect(await command(['list'], list.io)).toBe(0);
    expect(list.out()).toContain(id);
    expect(list.out()).not.toContain(token);

    const revoke = buffers();
    expect(await command(['revoke', id], revoke.io)).toBe(0);
    await expect(
      authenticate(harness.ledger.models.tokens, `Bearer ${token}`),
    ).rejects.toBeInstanceOf(AuthError);

    const bad = buffers();
    expect(await command(['create', '--name', 'x', '--role', 'owner'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/role/);
    expect(
      await command(['create', '--name', 'x', '--role', 'admin', '--expires-in', 'soon'], bad.io),
    ).toBe(2);
    expect(await command(['frobnicate'], bad.io)).toBe(2);
  });

  it('the projections CLI reports status and rebuilds', async () => {
    const command = createProjectionsCommand(open);
    const status = buffers();
    expect(await command(['status'], status.io)).toBe(0);
    expect(status.out()).toMatch(/checkpoint \d+\nhead \d+/);
    const rebuild = buffers();
    expect(await command(['rebuild'], rebuild.io)).toBe(0);
    expect(rebuild.out()).toMatch(/^rebuilt 0 reports/);
    expect(await command(['nonsense'], buffers().io)).toBe(2);
  });
});
