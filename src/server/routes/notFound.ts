// Unknown paths get the same JSON error shape as everything else (with the request id),
// not Express's HTML page.
import type { Express } from 'express';
import { requestIdOf } from '../../observability/requestContext';

export function registerNotFound(app: Express): void {
  app.use((req, res) => {
    const requestId = requestIdOf(req);
    res.status(404).json({
      errors: [
        {
          message: `no route for ${req.method} ${req.path}; the API is at /graphql`,
          extensions: {
            code: 'NOT_FOUND',
            messageZh: `没有 ${req.method} ${req.path} 这个路径；接口在 /graphql`,
            ...(requestId ? { requestId } : {}),
          },
        },
      ],
    });
  });
}
