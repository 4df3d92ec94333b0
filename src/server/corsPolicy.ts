// CORS for /graphql: origins on CORS_ORIGINS (or every origin with "*") get the CORS headers,
// and browsers may cache a preflight for CORS_MAX_AGE_SECONDS. A refused origin gets no CORS
// header at all (the `cors` package would still list the allowed methods and headers to it),
// and its preflight ends here with 403 FORBIDDEN instead of reaching Apollo.
import cors from 'cors';
import type { RequestHandler } from 'express';
import { requestIdOf } from '../observability/requestContext';

/** Two hours: the longest any browser honours (Chromium caps Access-Control-Max-Age there). */
export const CORS_MAX_AGE_SECONDS = 7200;

/** Response headers a browser script may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowAny = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  const answer = cors({
    origin: true,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: CORS_MAX_AGE_SECONDS,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    // Caches must keep answers to different origins apart.
    res.vary('Origin');
    if (origin === undefined) {
      next();
      return;
    }
    if (allowAny || allowed.has(origin)) {
      answer(req, res, next);
      return;
    }
    if (req.method !== 'OPTIONS') {
      // A simple request is answered without CORS headers: the browser keeps the body from
      // the page, and a non-browser client never looked at them.
      next();
      return;
    }
    const requestId = requestIdOf(req);
    res.status(403).json({
      errors: [
        {
          message: `origin ${origin} is not allowed (CORS_ORIGINS)`,
          extensions: {
            code: 'FORBIDDEN',
            messageZh: `不允许来源 ${origin} 跨域访问（见 CORS_ORIGINS）`,
            ...(requestId ? { requestId } : {}),
          },
        },
      ],
    });
  };
}
