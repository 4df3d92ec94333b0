// Canonical JSON: object keys sorted by code unit, no whitespace. Two values that are equal as
// JSON give the same text whatever order their keys were built in, so hashes computed at append
// time can be recomputed at verification time from the stored (re-parsed) content.
import type { JsonValue } from './types';

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}
