// Relay global ids: opaque base64url of "<Type>:<local id>".
export type NodeTypeName = 'Report' | 'Agency' | 'Figure';

export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 400) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (type !== 'Report' && type !== 'Agency' && type !== 'Figure') return null;
  if (!id) return null;
  return { type, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A report id from a global id (or, for convenience, a bare report UUID); null if neither. */
export function reportIdFromInput(id: string): string | null {
  if (UUID.test(id)) return id.toLowerCase();
  const parsed = fromGlobalId(id);
  return parsed?.type === 'Report' && UUID.test(parsed.id) ? parsed.id : null;
}
