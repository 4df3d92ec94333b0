import express from 'express';
import { errorHandler } from '../../src/observability/errorHandler';
import { createLogger } from '../../src/observability/logger';
import { requestContextMiddleware } from '../../src/observability/requestContext';
import { listen, type RunningServer } from './listen';
import { logCapture, type LogCapture } from './logCapture';

interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string; requestId?: string } }>;
}

describe('errorHandler', () => {
  let server: RunningServer;
  let capture: LogCapture;

  beforeAll(async () => {
    capture = logCapture();
    const logger = createLogger('info', capture);
    const app = express();
    app.use(requestContextMiddleware(logger));
    app.post('/small', express.json({ limit: 32 }), (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/bug', () => {
      throw new Error('secret internal detail');
    });
    app.use(errorHandler(logger));
    server = await listen(app);
  });

  afterAll(() => server.close());

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and the request id', async () => {
    const response = await fetch(`${server.url}/small`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'big-1' },
      body: JSON.stringify({ document: 'x'.repeat(100) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', requestId: 'big-1' });
  });

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await fetch(`${server.url}/small`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('hides a thrown error from the client but logs it with the request id', async () => {
    const response = await fetch(`${server.url}/bug`, { headers: { 'x-request-id': 'bug-1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internal detail');
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'bug-1' },
        },
      ],
    });
    const logged = capture.lines().find((line) => line.requestId === 'bug-1');
    expect(logged).toMatchObject({ level: 'error', msg: 'request failed' });
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });
});
