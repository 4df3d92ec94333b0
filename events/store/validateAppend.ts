// Checks an append completely before anything is written, and normalises it into the shape the
// store hashes and stores. Every rejection is an InvalidAppendError whose `field` is a path such
// as `events[2].data.changes["t3.total.total"]`.
//
// Data must be plain JSON so that what is read back equals what was appended:
// - rejected: undefined (also as an object property or array hole: JSON would drop it
//   silently), functions, symbols, BigInt, NaN and ±Infinity, cycles, nesting deeper than
//   `maxDepth`, and every non-plain object: Date (pass an ISO-8601 string), Map, Set, Buffer,
//   class instances (they would come back as something else);
// - accepted: null, booleans, finite numbers, strings, arrays, plain objects with any keys
//   (dots and `$` included: the store keeps data as JSON text, see mongoEventStore.ts).
import { randomUUID } from 'node:crypto';
import {
  InvalidAppendError,
  type AppendOptions,
  type EventMetadata,
  type ExpectedRevision,
  type JsonValue,
  type NewEvent,
} from './types';

export interface AppendLimits {
  /** Longest stream id, in UTF-16 code units. */
  maxStreamIdLength: number;
  /** Largest event: UTF-8 bytes of its data JSON plus its metadata JSON. */
  maxEventBytes: number;
  /** Largest commit (sum of its events' sizes); must stay well under MongoDB's 16 MiB document cap. */
  maxCommitBytes: number;
  maxEventsPerAppend: number;
  maxDepth: number;
}

export const defaultAppendLimits: AppendLimits = {
  maxStreamIdLength: 200,
  maxEventBytes: 1024 * 1024,
  maxCommitBytes: 12 * 1024 * 1024,
  maxEventsPerAppend: 1000,
  maxDepth: 64,
};

const MAX_TYPE_LENGTH = 200;
const MAX_ID_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METADATA_KEYS = new Set(['actor', 'reason', 'correlationId', 'causationId', 'requestId']);

export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonValue;
  /** JSON.stringify(data): the stored form, in the caller's key order. */
  dataJson: string;
  metadata: EventMetadata;
  bytes: number;
  /** The store generated the id (the caller gave none): a fresh UUID cannot repeat a stored one. */
  generatedId: boolean;
}

export interface PreparedAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: PreparedEvent[];
}

function fail(message: string, field: string): never {
  throw new InvalidAppendError(`${field}: ${message}`, field);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function keyPath(base: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${base}.${key}`
    : `${base}[${JSON.stringify(key)}]`;
}

/** Throws unless `value` is plain JSON (see the file comment). */
export function assertJsonValue(
  value: unknown,
  field: string,
  maxDepth: number,
): asserts value is JsonValue {
  const ancestors = new Set<object>();
  const visit = (current: unknown, path: string, depth: number): void => {
    if (current === null) return;
    switch (typeof current) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(current)) fail(`${String(current)} is not a JSON number`, path);
        return;
      case 'undefined':
        return fail('undefined is not JSON (use null, or leave the property out)', path);
      case 'bigint':
        return fail('BigInt is not JSON (use a decimal string)', path);
      case 'function':
      case 'symbol':
        return fail(`a ${typeof current} is not JSON`, path);
    }
    const object = current as object;
    if (depth >= maxDepth) fail(`nested deeper than ${maxDepth} levels`, path);
    if (ancestors.has(object)) fail('cyclic reference', path);
    if (Array.isArray(object)) {
      ancestors.add(object);
      for (let index = 0; index < object.length; index++)
        visit(object[index], `${path}[${index}]`, depth + 1);
      ancestors.delete(object);
      return;
    }
    if (object instanceof Date) fail('a Date is not JSON (pass an ISO-8601 string)', path);
    if (!isPlainObject(object)) {
      const name = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      fail(`a ${name} is not plain JSON (pass a plain object)`, path);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) fail('symbol keys are not JSON', path);
    ancestors.add(object);
    for (const [key, child] of Object.entries(object)) visit(child, keyPath(path, key), depth + 1);
    ancestors.delete(object);
  };
  visit(value, field, 0);
}

function requireString(
  value: unknown,
  field: string,
  options: { nonEmpty: boolean; maxLength: number },
): string {
  if (typeof value !== 'string')
    fail(`must be a string, got ${value === null ? 'null' : typeof value}`, field);
  if (options.nonEmpty && value.trim() === '') fail('must not be empty', field);
  if (value.length > options.maxLength) fail(`longer than ${options.maxLength} characters`, field);
  return value;
}

function validateExpectedRevision(value: unknown): ExpectedRevision {
  const field = 'options.expectedRevision';
  if (value === 'no_stream' || value === 'stream_exists' || value === 'any') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return fail(
    `must be a revision (integer >= 0), "no_stream", "stream_exists" or "any"; got ${JSON.stringify(value) ?? String(value)}`,
    field,
  );
}

function validateMetadata(value: unknown, field: string): EventMetadata {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail('must be an object', field);
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!METADATA_KEYS.has(key))
      fail(`unknown metadata field (known: ${[...METADATA_KEYS].join(', ')})`, keyPath(field, key));
  }
  const actorField = `${field}.actor`;
  const actor = raw.actor;
  if (actor === undefined || actor === null) fail('is required (who made this change)', actorField);
  if (typeof actor !== 'object' || Array.isArray(actor))
    fail('must be an object { id, name }', actorField);
  const actorRaw = actor as Record<string, unknown>;
  const metadata: EventMetadata = {
    actor: {
      id: requireString(actorRaw.id, `${actorField}.id`, {
        nonEmpty: true,
        maxLength: MAX_ID_LENGTH,
      }),
      name: requireString(actorRaw.name, `${actorField}.name`, {
        nonEmpty: false,
        maxLength: MAX_TYPE_LENGTH,
      }),
    },
  };
  if (raw.reason !== undefined) {
    metadata.reason = requireString(raw.reason, `${field}.reason`, {
      nonEmpty: false,
      maxLength: 100_000,
    });
  }
  for (const key of ['correlationId', 'causationId', 'requestId'] as const) {
    if (raw[key] !== undefined) {
      metadata[key] = requireString(raw[key], `${field}.${key}`, {
        nonEmpty: true,
        maxLength: MAX_ID_LENGTH,
      });
    }
  }
  return metadata;
}

function validateEvent(value: unknown, index: number, limits: AppendLimits): PreparedEvent {
  const field = `events[${index}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail('must be an object', field);
  const raw = value as Partial<Record<keyof NewEvent, unknown>>;

  let eventId: string;
  const generatedId = raw.eventId === undefined;
  if (generatedId) eventId = randomUUID();
  else {
    const given = requireString(raw.eventId, `${field}.eventId`, { nonEmpty: true, maxLength: 36 });
    if (!UUID.test(given)) fail(`must be a UUID, got ${JSON.stringify(given)}`, `${field}.eventId`);
    eventId = given.toLowerCase();
  }
  const type = requireString(raw.type, `${field}.type`, {
    nonEmpty: true,
    maxLength: MAX_TYPE_LENGTH,
  });
  let schemaVersion = 1;
  if (raw.schemaVersion !== undefined) {
    if (
      typeof raw.schemaVersion !== 'number' ||
      !Number.isSafeInteger(raw.schemaVersion) ||
      raw.schemaVersion < 1
    ) {
      fail('must be an integer >= 1', `${field}.schemaVersion`);
    }
    schemaVersion = raw.schemaVersion;
  }
  if (!('data' in raw)) fail('is required (use null for an event without data)', `${field}.data`);
  const data = raw.data;
  assertJsonValue(data, `${field}.data`, limits.maxDepth);
  const metadata = validateMetadata(raw.metadata, `${field}.metadata`);

  const dataJson = JSON.stringify(data);
  const bytes =
    Buffer.byteLength(dataJson, 'utf8') + Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  if (bytes > limits.maxEventBytes) {
    fail(`event is ${bytes} bytes serialised, over the limit of ${limits.maxEventBytes}`, field);
  }
  return { eventId, type, schemaVersion, data, dataJson, metadata, bytes, generatedId };
}

export function validateAppend(
  streamId: unknown,
  events: unknown,
  options: unknown,
  limits: AppendLimits = defaultAppendLimits,
): PreparedAppend {
  const id = requireString(streamId, 'streamId', {
    nonEmpty: true,
    maxLength: limits.maxStreamIdLength,
  });
  if (id !== id.trim()) fail('must not start or end with whitespace', 'streamId');
  if (options === null || typeof options !== 'object')
    fail('must be an object { expectedRevision }', 'options');
  const expectedRevision = validateExpectedRevision(
    (options as Partial<AppendOptions>).expectedRevision,
  );
  if (!Array.isArray(events)) fail('must be an array of events', 'events');
  if (events.length === 0) fail('must hold at least one event', 'events');
  if (events.length > limits.maxEventsPerAppend) {
    fail(
      `holds ${events.length} events, over the limit of ${limits.maxEventsPerAppend} per append`,
      'events',
    );
  }
  const prepared = events.map((event, index) => validateEvent(event, index, limits));
  const seen = new Map<string, number>();
  prepared.forEach((event, index) => {
    const earlier = seen.get(event.eventId);
    if (earlier !== undefined)
      fail(`repeats the id of events[${earlier}]`, `events[${index}].eventId`);
    seen.set(event.eventId, index);
  });
  const total = prepared.reduce((sum, event) => sum + event.bytes, 0);
  if (total > limits.maxCommitBytes) {
    fail(
      `the append is ${total} bytes serialised, over the limit of ${limits.maxCommitBytes}`,
      'events',
    );
  }
  return { streamId: id, expectedRevision, events: prepared };
}
