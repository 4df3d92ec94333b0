// Express middleware giving every request an id and a logger bound to it. The pair is kept
// in a WeakMap keyed by the request instead of new properties on express's Request type, so
// nothing global is augmented and the entry goes away with the request.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, resolveRequestId } from './requestId';

export interface RequestContext {
  requestId: string;
  logger: Logger;
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

/**
 * Sets the response's x-request-id, binds a child logger with `requestId`, and normalises
 * the incoming header to the resolved id, so code that only sees headers (Apollo plugins,
 * HTTPGraphQLRequest.headers) reads the same id.
 */
export function requestContextMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    contexts.set(req, { requestId, logger: logger.child({ requestId }) });
    next();
  };
}

/** The request's context; undefined when the middleware did not run for it. */
export function requestContextOf(req: IncomingMessage): RequestContext | undefined {
  return contexts.get(req);
}

/** The request's logger, or `fallback` when the middleware did not run for it. */
export function requestLogger(req: IncomingMessage, fallback: Logger): Logger {
  return contexts.get(req)?.logger ?? fallback;
}

export function requestIdOf(req: IncomingMessage): string | undefined {
  return contexts.get(req)?.requestId;
}
