// Stable error codes, no stack traces. Anything unexpected becomes INTERNAL_SERVER_ERROR (the
// request id is added by the request-id plugin so a user can quote it).
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import { InvalidReadOptionsError } from '../../events/store/types';
import { AuthError } from '../auth/principal';
import { TokenInputError } from '../auth/tokens';

export type ErrorLogger = (error: unknown, formatted: GraphQLFormattedError) => void;

/** Codes passed through as they come (from Apollo, graphql-js or our own plugins). */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
]);

function withCode(
  formatted: GraphQLFormattedError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

export function createFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (
      original instanceof ReportInputError ||
      original instanceof TokenInputError ||
      original instanceof InvalidReadOptionsError
    ) {
      return withCode(formatted, original.message, {
        code: 'BAD_USER_INPUT',
        field: original.field,
      });
    }
    if (original instanceof RevisionConflictError) {
      return withCode(formatted, original.message, {
        code: 'CONFLICT',
        currentRevision: original.currentRevision,
        expectedRevision: original.expectedRevision,
      });
    }
    if (original instanceof ReportNotFoundError) {
      return withCode(formatted, original.message, {
        code: 'NOT_FOUND',
        ...(original.field ? { field: original.field } : {}),
      });
    }
    if (original instanceof AuthError)
      return withCode(formatted, original.message, { code: original.code });
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      const {
        stacktrace: _stacktrace,
        exception: _exception,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(original, formatted);
    return withCode(formatted, 'Internal server error; quote the request id when reporting it', {
      code: 'INTERNAL_SERVER_ERROR',
    });
  };
}
