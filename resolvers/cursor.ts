// Opaque connection cursors: base64url of a small JSON array of sort-key values.
import { ReportInputError } from '../events/report/errors';
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZE_ARGUMENT,
  isValidPageSize,
  pageSizeMessage,
} from './pageArgs';

export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  shape: ReadonlyArray<'string' | 'number'>,
  field = 'after',
): Array<string | number> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => typeof v === shape[i])
    ) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through to the input error
  }
  throw new ReportInputError('not a cursor from this connection', field);
}

/** The page size to read; the same rule the server checks before execution (pageArgs.ts). */
export function pageSize(
  first: number | null | undefined,
  max: number,
  fallback = DEFAULT_PAGE_SIZE,
): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  if (!isValidPageSize(first, max))
    throw new ReportInputError(pageSizeMessage(max), PAGE_SIZE_ARGUMENT);
  return first;
}
