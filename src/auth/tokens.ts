// API tokens: created and revoked by the CLI, printed once, stored only as sha256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { normaliseAgencyName } from '../../events/report/ids';
import type { TokenDocument, TokenModel, TokenRole } from '../../models/tokenModel';
import { ANONYMOUS, AuthError, type Principal } from './principal';
import { tokenCacheOf } from './tokenCache';

const TOKEN_PATTERN = /^nbl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface CreateTokenInput {
  name: string;
  role: TokenRole;
  agencies?: string[];
  /** Lifetime in milliseconds; none = does not expire. */
  expiresInMs?: number;
  now?: Date;
}

export interface CreatedToken {
  id: string;
  /** The secret: shown once, never stored. */
  token: string;
  record: Omit<TokenDocument, 'hash'>;
}

export class TokenInputError extends Error {
  override name = 'TokenInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export async function createToken(
  model: TokenModel,
  input: CreateTokenInput,
): Promise<CreatedToken> {
  const name = input.name?.trim();
  if (!name || name.length > 200)
    throw new TokenInputError('a token needs a name (1–200 characters)', 'name');
  if (input.role !== 'editor' && input.role !== 'reviewer' && input.role !== 'admin') {
    throw new TokenInputError('role is editor, reviewer or admin', 'role');
  }
  const agencies = [...new Set((input.agencies ?? []).map(normaliseAgencyName).filter(Boolean))];
  if (input.role !== 'admin' && agencies.length === 0) {
    throw new TokenInputError(
      `a${input.role === 'editor' ? 'n' : ''} ${input.role} token needs at least one --agency`,
      'agency',
    );
  }
  if (
    input.expiresInMs !== undefined &&
    (!Number.isFinite(input.expiresInMs) || input.expiresInMs <= 0)
  ) {
    throw new TokenInputError('expiry must be in the future', 'expiresIn');
  }
  const now = input.now ?? new Date();
  const id = randomBytes(8).toString('hex');
  const token = `nbl_${id}_${randomBytes(32).toString('base64url')}`;
  const record: TokenDocument = {
    _id: id,
    name,
    role: input.role,
    agencies: input.role === 'admin' ? [] : agencies,
    agencyKeys: input.role === 'admin' ? [] : agencies,
    hash: hashToken(token),
    createdAt: now,
    expiresAt: input.expiresInMs !== undefined ? new Date(now.getTime() + input.expiresInMs) : null,
    revokedAt: null,
  };
  await model.create([record]);
  const { hash: _hash, ...shown } = record;
  return { id, token, record: shown };
}

/** True when a token with this id existed and was not revoked yet. */
export async function revokeToken(
  model: TokenModel,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const result = await model
    .updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now } })
    .exec();
  // This process refuses it at once; other processes within TOKEN_CACHE_MAX_AGE_MS.
  tokenCacheOf(model).forget(id);
  return result.modifiedCount === 1;
}

export async function listTokens(model: TokenModel): Promise<Array<Omit<TokenDocument, 'hash'>>> {
  const tokens = await model
    .find({}, { hash: 0 })
    .sort({ createdAt: 1 })
    .lean<TokenDocument[]>()
    .exec();
  return tokens;
}

/** "30d", "12h", "45m", "3600s" -> milliseconds. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return null;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    match[2] as 's' | 'm' | 'h' | 'd'
  ];
  const value = Number(match[1]) * unit;
  return value > 0 ? value : null;
}

/**
 * The principal of an Authorization header value (undefined/empty = anonymous).
 * Wrong, revoked or expired tokens are UNAUTHENTICATED, whatever the request wants to do.
 */
export async function authenticate(
  model: TokenModel,
  authorization: string | undefined,
  now = new Date(),
): Promise<Principal> {
  if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match)
    throw new AuthError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
  const token = match[1];
  const parts = TOKEN_PATTERN.exec(token);
  if (!parts) throw new AuthError('UNAUTHENTICATED', 'unknown token');
  const hash = hashToken(token);
  const cache = tokenCacheOf(model);
  let record = cache.get(hash);
  if (!record) {
    // By `_id` (the token names it), the one filter FerretDB answers from an index; the hash
    // must match too, so a guessed id with a wrong secret finds nothing.
    const found = await model.findOne({ _id: parts[1], hash }).lean<TokenDocument>().exec();
    if (!found) throw new AuthError('UNAUTHENTICATED', 'unknown token');
    cache.set(found);
    record = found;
  }
  if (record.revokedAt) throw new AuthError('UNAUTHENTICATED', 'this token was revoked');
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) {
    throw new AuthError('UNAUTHENTICATED', 'this token has expired');
  }
  return {
    kind: 'token',
    tokenId: record._id,
    name: record.name,
    role: record.role,
    agencyKeys: record.agencyKeys,
  };
}
