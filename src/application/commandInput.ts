// Checks shared by every command input. Errors name the input field.
import { createHash } from 'node:crypto';
import { ReportInputError } from '../../events/report/errors';

export const MAX_REASON_LENGTH = 2000;
export const MAX_CLIENT_MUTATION_ID_LENGTH = 200;

export function requireReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new ReportInputError('every change needs a reason', 'reason');
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw new ReportInputError(`a reason has at most ${MAX_REASON_LENGTH} characters`, 'reason');
  }
  return reason.trim();
}

export function optionalClientMutationId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > MAX_CLIENT_MUTATION_ID_LENGTH
  ) {
    throw new ReportInputError(
      `clientMutationId is a non-empty string of at most ${MAX_CLIENT_MUTATION_ID_LENGTH} characters`,
      'clientMutationId',
    );
  }
  return value;
}

export function requireRevisionInput(value: unknown, field = 'expectedRevision'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ReportInputError('a revision is a whole number, 0 or more', field);
  }
  return value;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fingerprint of a mutation's input, to tell a replay from a reuse of its clientMutationId. */
export function inputHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(`${operation}:${canonical(input)}`)
    .digest('hex');
}
