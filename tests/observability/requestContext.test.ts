import express from 'express';
import { createLogger } from '../../src/observability/logger';
import {
  requestContextMiddleware,
  requestIdOf,
  requestLogger,
} from '../../src/observability/requestContext';
import { resolveRequestId } from '../../src/observability/requestId';
import { listen, type RunningServer } from './listen';
import { logCapture, type LogCapture } from './logCapture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('keeps a sane incoming id and replaces anything else with a UUID', () => {
    expect(resolveRequestId('abc-123_DEF.4:5')).toBe('abc-123_DEF.4:5');
    expect(resolveRequestId(['first-id', 'second-id'])).toBe('first-id');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), 'id\nforged log line', '<script>']) {
      expect(resolveRequestId(bad)).toMatch(UUID);
    }
    expect(resolveRequestId(undefined)).not.toBe(resolveRequestId(undefined));
  });
});

describe('requestContextMiddleware', () => {
  let server: RunningServer;
  let capture: LogCapture;

  beforeAll(async () => {
    capture = logCapture();
    const logger = createLogger('info', capture);
    const app = express();
    app.use(requestContextMiddleware(logger));
    app.get('/echo', (req, res) => {
      requestLogger(req, logger).info('handled');
      res.json({ id: requestIdOf(req), header: req.headers['x-request-id'] });
    });
    server = await listen(app);
  });

  afterAll(() => server.close());

  it('echoes a sane incoming x-request-id and logs with it', async () => {
    const response = await fetch(`${server.url}/echo`, { headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(await response.json()).toEqual({ id: 'trace-42', header: 'trace-42' });
    expect(capture.lines().at(-1)).toMatchObject({ requestId: 'trace-42', msg: 'handled' });
  });

  it('generates an id when none or a bad one comes in, the same in header, request and log', async () => {
    for (const headers of [{}, { 'x-request-id': 'has spaces' }] as Array<Record<string, string>>) {
      const response = await fetch(`${server.url}/echo`, { headers });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(await response.json()).toEqual({ id, header: id });
      expect(capture.lines().at(-1)?.requestId).toBe(id);
    }
  });
});
