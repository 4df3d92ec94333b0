// The request a piece of code is running for, without passing it down. Apollo formats some
// errors (CSRF refusals, `variables` sent as a string, a failed context) before any plugin
// runs, so neither plugins nor the context carry the request id there; formatError reads it
// from this scope instead. The scope is entered right before Apollo's middleware (after the
// body parser, whose stream callbacks would not keep it) and follows every await from there.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { requestIdOf } from './requestContext';

export interface RequestScope {
  requestId: string | undefined;
  /** The socket's remote address: the key of an anonymous client (rate limits). */
  clientAddress: string | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Express middleware: runs the rest of the chain inside this request's scope. */
export function requestScopeMiddleware(): RequestHandler {
  return (req, _res, next) => {
    storage.run({ requestId: requestIdOf(req), clientAddress: req.socket.remoteAddress }, () =>
      next(),
    );
  };
}

/** The scope of the request being handled; undefined outside one (WebSocket, CLI, tests). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
