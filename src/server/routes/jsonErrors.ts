import type { ErrorRequestHandler, Express } from 'express';

/** Body-parser failures (too large, malformed JSON) as JSON errors with stable codes. */
export function registerJsonErrorHandler(app: Express): void {
  const handler: ErrorRequestHandler = (
    error: { type?: string; status?: number; limit?: number },
    req,
    res,
    next,
  ) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = res.getHeader('x-request-id');
    if (error.type === 'entity.too.large') {
      res.status(413).json({
        errors: [
          {
            message: `the request body is larger than ${error.limit ?? 'the limit'} bytes`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', requestId },
          },
        ],
      });
      return;
    }
    if (error.type === 'entity.parse.failed' || error.status === 400) {
      res.status(400).json({
        errors: [
          {
            message: 'the request body is not valid JSON',
            extensions: { code: 'BAD_REQUEST', requestId },
          },
        ],
      });
      return;
    }
    res.status(500).json({
      errors: [
        {
          message: 'Internal server error; quote the request id',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ],
    });
  };
  app.use(handler);
}
