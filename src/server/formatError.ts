// Stable error codes, no stack traces, the request id and a Chinese message on every error.
// Anything unexpected becomes INTERNAL_SERVER_ERROR; every error Apollo raises without a code
// gets one (apolloErrorCodes.ts), so that code means a real fault. Faults are logged at error
// with the stack; expected refusals (bad input, conflicts, auth, limits) at info without one.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  FigureConflictError,
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

/**
 * One figure (or `section:<id>`) of a CONFLICT, in `extensions.conflicts`: what it holds now
 * and who changed it when. The same facts as the message, for clients to show or merge.
 */
export interface ConflictDetail {
  key: string;
  currentValue: string | null;
  currentMarker: string | null;
  /** ISO 8601 (UTC). */
  changedAt: string;
  changedBy: { id: string; name: string };
  /** The report revision of that change. */
  revision: number;
}

function conflictExtensions(error: RevisionConflictError): Record<string, unknown> {
  const conflicts: ConflictDetail[] =
    error instanceof FigureConflictError
      ? error.conflicts.map((conflict) => ({
          key: conflict.key,
          currentValue: conflict.value,
          currentMarker: conflict.marker,
          changedAt: conflict.recordedAt.toISOString(),
          changedBy: { id: conflict.actor.id, name: conflict.actor.name },
          revision: conflict.revision,
        }))
      : [];
  return {
    code: 'CONFLICT',
    currentRevision: error.currentRevision,
    expectedRevision: error.expectedRevision,
    // Always present (empty when the whole report or proposal moved): one shape to read.
    conflicts,
  };
}

/**
 * The input path graphql-js names in a variable's coercion error (`Variable "$input" got
 * invalid value 12 at "input.changes[0].value"; …`), or the variable's name; null otherwise.
 */
function variablePathOf(message: string): string | null {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value /.exec(message);
  if (!variable) return null;
  const at = / at "([_A-Za-z][_0-9A-Za-z]*(?:\.[_A-Za-z][_0-9A-Za-z]*|\[\d+\])*)"; /.exec(message);
  return at ? at[1] : variable[1];
}

/**
 * graphql-js reports an error thrown while parsing a literal (a Decimal written as a number) as
 * a validation error, and Apollo gives it GRAPHQL_VALIDATION_FAILED; one raised with
 * BAD_USER_INPUT of its own keeps that code.
 */
function literalInputError(error: unknown): GraphQLError | null {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'GRAPHQL_VALIDATION_FAILED')
    return null;
  const cause = error.originalError;
  return cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT' ? cause : null;
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
    return withCode(formatted, original.message, conflictExtensions(original));
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
  const literal = literalInputError(original);
  if (literal) {
    return withCode(formatted, literal.message, {
      code: 'BAD_USER_INPUT',
      ...(typeof literal.extensions.field === 'string' ? { field: literal.extensions.field } : {}),
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
    const variablePath =
      code === 'BAD_USER_INPUT' && extensions.field === undefined
        ? variablePathOf(formatted.message)
        : null;
    return {
      ...formatted,
      extensions: variablePath ? { ...extensions, field: variablePath } : extensions,
    };
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
