// Errors of GET /export in the shape GraphQL errors have (src/server/formatError.ts, plus the
// request id the request-id plugin adds, and the Chinese text every error of the server
// carries), so a client parses one format and a user can quote the request id whatever
// endpoint failed: { errors: [{ message, extensions: { code, requestId, messageZh, field? } }] }.
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import { requestIdOf } from '../observability/requestContext';

export type ExportErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export interface ExportError {
  status: number;
  code: ExportErrorCode;
  message: string;
  /** The same in Chinese (docs/api.md: every error has extensions.messageZh). */
  messageZh: string;
  /** The path or query parameter at fault, as GraphQL's BAD_USER_INPUT errors name it. */
  field?: string;
}

export function sendExportError(req: IncomingMessage, res: Response, error: ExportError): void {
  const requestId = requestIdOf(req);
  res.status(error.status).json({
    errors: [
      {
        message: error.message,
        extensions: {
          code: error.code,
          ...(requestId ? { requestId } : {}),
          messageZh: error.messageZh,
          ...(error.field ? { field: error.field } : {}),
        },
      },
    ],
  });
}
