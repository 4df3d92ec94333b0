// Read options checked against their domain before any read; InvalidReadOptionsError names the
// offending option.
import { InvalidReadOptionsError, type ReadAllOptions, type ReadStreamOptions } from './types';

export function optionalCount(value: unknown, field: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidReadOptionsError(`${field}: must be an integer >= ${minimum}`, field);
  }
  return value;
}

export interface StreamRead {
  streamId: string;
  fromRevision: number;
  toRevision: number | undefined;
  maxCount: number | undefined;
  direction: 'forwards' | 'backwards';
  recordedUntil: Date | undefined;
}

export function checkStreamRead(streamId: unknown, options: ReadStreamOptions): StreamRead {
  if (typeof streamId !== 'string' || streamId === '') {
    throw new InvalidReadOptionsError('streamId: must be a non-empty string', 'streamId');
  }
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidReadOptionsError('direction: must be "forwards" or "backwards"', 'direction');
  }
  const until = options.recordedUntil;
  if (until !== undefined && (!(until instanceof Date) || Number.isNaN(until.getTime()))) {
    throw new InvalidReadOptionsError('recordedUntil: must be a valid Date', 'recordedUntil');
  }
  return {
    streamId,
    fromRevision: optionalCount(options.fromRevision, 'fromRevision', 0) ?? 0,
    toRevision: optionalCount(options.toRevision, 'toRevision', 0),
    maxCount: optionalCount(options.maxCount, 'maxCount', 0),
    direction,
    recordedUntil: until,
  };
}

export interface LogRead {
  fromPosition: number;
  maxCount: number | undefined;
  types: ReadonlySet<string> | null;
  streamPrefix: string | null;
}

export function checkLogRead(options: ReadAllOptions): LogRead {
  const typesValid =
    options.types === undefined ||
    (Array.isArray(options.types) && options.types.every((t) => typeof t === 'string'));
  if (!typesValid) throw new InvalidReadOptionsError('types: must be an array of strings', 'types');
  const prefix = options.streamPrefix;
  if (prefix !== undefined && typeof prefix !== 'string') {
    throw new InvalidReadOptionsError('streamPrefix: must be a string', 'streamPrefix');
  }
  return {
    fromPosition: optionalCount(options.fromPosition, 'fromPosition', 0) ?? 0,
    maxCount: optionalCount(options.maxCount, 'maxCount', 0),
    types: options.types ? new Set(options.types) : null,
    streamPrefix: options.streamPrefix ?? null,
  };
}
