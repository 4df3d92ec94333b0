// Requests Node's HTTP parser cannot read (a malformed request line, headers too large, a
// request not complete in time) never reach Express; Node would answer them with a bare
// "400 Bad Request". They get the same JSON error shape as everything else instead, with a
// request id that is also logged, so that even these can be quoted.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { resolveRequestId } from '../observability/requestId';
import { chineseMessageOf } from './errorMessagesZh';

interface ClientErrorAnswer {
  status: number;
  reason: string;
  code: string;
  message: string;
}

function answerFor(error: NodeJS.ErrnoException): ClientErrorAnswer {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'BAD_REQUEST',
        message: 'the request headers are too large',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        code: 'BAD_REQUEST',
        message: 'the request did not arrive in time',
      };
    default:
      return {
        status: 400,
        reason: 'Bad Request',
        code: 'BAD_REQUEST',
        message: 'the request is not valid HTTP',
      };
  }
}

export function answerClientErrors(server: http.Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = resolveRequestId(undefined);
    const answer = answerFor(error);
    const body = JSON.stringify({
      errors: [
        {
          message: answer.message,
          extensions: {
            code: answer.code,
            messageZh: chineseMessageOf(answer.code),
            requestId,
          },
        },
      ],
    });
    logger.info({ requestId, status: answer.status, reason: error.code }, 'request rejected');
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });
}
