// Stable error codes, no stack traces, the request id and a Chinese message on every error.
// Anything unexpected becomes INTERNAL_SERVER_ERROR; every error Apollo raises without a code
// gets one (apolloErrorCodes.ts), so that code means a real fault. Faults are logged at error
// with the stack; expected refusals (bad input, conflicts, auth, limits) at info without one.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import {
  ReportInputError,
  ReportNotFoundError,
  RevisionConflictError,
} from '../../events/report/errors';
import { InvalidReadOptionsError } from '../../events/store/types';
import { AuthError, ReviewRequiredError } from '../auth/principal';
import { TokenInputError } from '../auth/tokens';
import { currentRequestScope } from '../observability/requestScope';
import { codeOfUncodedApolloError } from './apolloErrorCodes';
import { chineseMessageOf } from './errorMessagesZh';

export interface ErrorReport {
  /** fault: a bug or an outage (INTERNAL_SERVER_ERROR); refusal: the request was refused. */
  kind: 'fault' | 'refusal';
  /** What was thrown (unwrapped from a resolver error). */
  error: unknown;
  /** What the client receives. */
  formatted: GraphQLFormattedError;
}

export type ErrorLogger = (report: ErrorReport) => void;

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
  'RATE_LIMITED',
]);

const INTERNAL_MESSAGE = 'Internal server error; quote the request id when reporting it';

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

/** The error as the client receives it, before the request id and the Chinese text. */
function classify(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
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
  if (original instanceof ReviewRequiredError) {
    return withCode(formatted, original.message, {
      code: 'REVIEW_REQUIRED',
      proposeWith: original.proposeWith,
    });
  }
  const apolloCode = codeOfUncodedApolloError(original);
  if (apolloCode) return withCode(formatted, formatted.message, { code: apolloCode });
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const {
      stacktrace: _stacktrace,
      exception: _exception,
      ...extensions
    } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return null;
}

export function createFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const refusal = classify(formatted, error);
    const sent =
      refusal ?? withCode(formatted, INTERNAL_MESSAGE, { code: 'INTERNAL_SERVER_ERROR' });
    const extensions = sent.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    // Plugins add the id later on the GraphQL path; errors Apollo formats before any plugin
    // runs (CSRF, a malformed request) get it from the request's scope.
    const requestId = extensions.requestId ?? currentRequestScope()?.requestId;
    const complete: GraphQLFormattedError = {
      ...sent,
      extensions: {
        ...extensions,
        messageZh: chineseMessageOf(code, extensions),
        ...(requestId ? { requestId } : {}),
      },
    };
    log({
      kind: refusal ? 'refusal' : 'fault',
      error: unwrapResolverError(error),
      formatted: complete,
    });
    return complete;
  };
}
