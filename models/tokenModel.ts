// API tokens. Only the sha256 of a token is stored; the token itself is shown once at creation.
import { Schema, type Connection, type Model } from 'mongoose';

/** Editors edit and propose; reviewers approve or reject proposals (both per agency scope). */
export type TokenRole = 'editor' | 'reviewer' | 'admin';

export interface TokenDocument {
  _id: string;
  name: string;
  role: TokenRole;
  /** Agency names in scope (editors, reviewers); empty for admins. */
  agencies: string[];
  /** Normalised agency names, for scope checks. */
  agencyKeys: string[];
  /** sha256 hex of the whole token. */
  hash: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export const tokenSchema = new Schema<TokenDocument>(
  {
    _id: String,
    name: String,
    role: String,
    agencies: [String],
    agencyKeys: [String],
    hash: String,
    createdAt: Date,
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'tokens', versionKey: false, autoIndex: false },
);
tokenSchema.index({ hash: 1 }, { unique: true });

export type TokenModel = Model<TokenDocument>;

export function tokenModel(connection: Connection): TokenModel {
  return (
    (connection.models.Token as TokenModel | undefined) ?? connection.model('Token', tokenSchema)
  );
}
