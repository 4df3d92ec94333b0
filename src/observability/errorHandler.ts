// The last Express error handler: whatever went wrong outside GraphQL execution (a body too
// large, malformed JSON, a bug in a route) becomes a JSON error carrying a stable code and
// the request id, never a stack trace, and the request's logger records the details: a fault
// (5xx) at error with the stack, a refused request (4xx) at info without one.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { requestContextOf } from './requestContext';

interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

const CODES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

function statusOf(error: HttpErrorLike): number {
  const status = Number(error.status ?? error.statusCode);
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

export interface ErrorHandlerOptions {
  /** The Chinese text of a code, sent as `extensions.messageZh`. */
  messageZh?: (code: string) => string;
}

export function errorHandler(
  fallbackLogger: Logger,
  options: ErrorHandlerOptions = {},
): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const context = requestContextOf(req);
    const logger = context?.logger ?? fallbackLogger;
    const details: HttpErrorLike = typeof error === 'object' && error !== null ? error : {};
    const status = statusOf(details);
    const code =
      CODES_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    // body-parser marks client errors whose message is safe to show (expose); others are not.
    const message =
      status < 500 && details.expose === true && typeof details.message === 'string'
        ? details.message
        : status < 500
          ? code.toLowerCase().replace(/_/g, ' ')
          : 'internal server error';
    if (status >= 500) logger.error({ err: error }, 'request failed');
    else logger.info({ status, code, reason: details.type ?? details.message }, 'request rejected');
    res.status(status).json({
      errors: [
        {
          message,
          extensions: {
            code,
            ...(options.messageZh ? { messageZh: options.messageZh(code) } : {}),
            ...(context ? { requestId: context.requestId } : {}),
          },
        },
      ],
    });
  };
}
