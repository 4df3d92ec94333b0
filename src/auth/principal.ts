// Who is calling. The actor of every event comes from here, never from an argument.
import { normaliseAgencyName } from '../../events/report/ids';
import type { ActorRef } from '../../events/report/reportState';
import type { TokenRole } from '../../models/tokenModel';

export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'token';
      tokenId: string;
      name: string;
      role: TokenRole;
      /** Normalised agency names in scope (editors, reviewers). */
      agencyKeys: readonly string[];
    }
  | { kind: 'local'; name: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** For CLI commands run on the server machine itself (bulk import): acts as an admin. */
export function localAdminPrincipal(name = 'local administrator'): Principal {
  return { kind: 'local', name };
}

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The agency requires review: an editor's figure edit must go through proposeChanges
 * (API code REVIEW_REQUIRED).
 */
export class ReviewRequiredError extends Error {
  override name = 'ReviewRequiredError';
  readonly proposeWith = 'proposeChanges';
}

export function actorOf(principal: Principal): ActorRef {
  switch (principal.kind) {
    case 'token':
      return { id: `token:${principal.tokenId}`, name: principal.name };
    case 'local':
      return { id: 'local:cli', name: principal.name };
    default:
      throw new AuthError('UNAUTHENTICATED', 'this needs an Authorization: Bearer <token> header');
  }
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === 'local' || (principal.kind === 'token' && principal.role === 'admin');
}

/** Throws UNAUTHENTICATED for an anonymous caller, FORBIDDEN for an agency out of scope. */
export function assertCanEdit(principal: Principal, agencyName: string): void {
  if (principal.kind === 'anonymous') {
    throw new AuthError('UNAUTHENTICATED', 'this needs an Authorization: Bearer <token> header');
  }
  if (isAdmin(principal)) return;
  // A reviewer judges proposals; the edits they approve are applied through assertCanReview.
  if (
    principal.kind === 'token' &&
    principal.role === 'editor' &&
    principal.agencyKeys.includes(normaliseAgencyName(agencyName))
  )
    return;
  throw new AuthError('FORBIDDEN', `this token may not edit reports of ${agencyName}`);
}

/** Reviewers (and admins) may approve or reject proposals of the agencies in their scope. */
export function assertCanReview(principal: Principal, agencyName: string): void {
  if (principal.kind === 'anonymous') {
    throw new AuthError('UNAUTHENTICATED', 'this needs an Authorization: Bearer <token> header');
  }
  if (isAdmin(principal)) return;
  if (
    principal.kind === 'token' &&
    principal.role === 'reviewer' &&
    principal.agencyKeys.includes(normaliseAgencyName(agencyName))
  )
    return;
  throw new AuthError('FORBIDDEN', `this token may not review proposals for ${agencyName}`);
}

export function assertAdmin(principal: Principal): void {
  if (principal.kind === 'anonymous') {
    throw new AuthError('UNAUTHENTICATED', 'this needs an Authorization: Bearer <token> header');
  }
  if (!isAdmin(principal)) throw new AuthError('FORBIDDEN', 'this needs an admin token');
}
