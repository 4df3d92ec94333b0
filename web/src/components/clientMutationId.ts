// A random id per submitted edit, so a re-sent request is recognised by the server and not
// applied twice. crypto.randomUUID needs a secure context; intranet http pages may lack it.
export function newClientMutationId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
