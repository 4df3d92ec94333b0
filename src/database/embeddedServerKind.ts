// Which embedded server `npm start` and `npm test` run when no MONGODB_URI is given.
// `auto` (the default) prefers a real MongoDB 7 and falls back to FerretDB built with Go when
// the MongoDB binary is neither cached nor downloadable; the other two values insist on one.

export const EMBEDDED_SERVER_KINDS = ['auto', 'mongodb', 'ferretdb'] as const;
export type EmbeddedServerChoice = (typeof EMBEDDED_SERVER_KINDS)[number];
export type EmbeddedServerKind = Exclude<EmbeddedServerChoice, 'auto'>;

/** The environment variable that picks the embedded server. */
export const EMBEDDED_SERVER_VARIABLE = 'NIANBAO_EMBEDDED_DB';

export class EmbeddedServerChoiceError extends Error {
  override name = 'EmbeddedServerChoiceError';
}

export function embeddedServerChoice(env: NodeJS.ProcessEnv): EmbeddedServerChoice {
  const raw = env[EMBEDDED_SERVER_VARIABLE]?.trim().toLowerCase();
  if (!raw) return 'auto';
  const known = EMBEDDED_SERVER_KINDS.find((kind) => kind === raw);
  if (!known) {
    throw new EmbeddedServerChoiceError(
      `${EMBEDDED_SERVER_VARIABLE}: expected one of ${EMBEDDED_SERVER_KINDS.join(', ')}, got "${raw}"`,
    );
  }
  return known;
}
